import ArgumentParser
import Foundation
import SalvoModel
import SalvoStore

/// `salvo show EVENT`: one event, its claims side by side, and the sentences behind them.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one event: every claim side by side and the source sentences.",
        discussion: "Example:\n  salvo show 42"
    )

    @Argument(help: "The event id (from `salvo events`).") var event: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let db = try await store.open(create: false)
        guard let e = try await db.event(id: event) else {
            Log.error("\(event): no such event in \(store.displayName)")
            throw ExitCode(1)
        }
        var out = StandardOutput()
        out.write(Self.render(e))
        out.flush()
    }

    static func render(_ e: StoredEvent) -> String {
        var s = "Event \(e.id)  \(e.date?.description ?? "date unknown")  attacker \(e.attacker?.rawValue ?? "unknown")\n"
        s += "Places:    \(e.places.map(\.name).joined(separator: ", "))\n"
        if !e.targets.isEmpty { s += "Targets:   \(e.targets.joined(separator: ", "))\n" }
        s += "Documents: \(e.documents.joined(separator: ", "))\n\n"
        s += "quantity\tweapon\theadline\tby\trange\tconflict\n"
        for f in e.summary {
            s += "\(f.quantity.rawValue)\t\(f.weapon?.rawValue ?? "-")\t\(f.headline)\t\(f.headlineClaimant.rawValue)\t"
                + "\(f.minimum)–\(f.maximum)\t\(f.conflict ? "DISPUTED" : "-")\n"
        }
        s += HeadlineRule.statement + "\n"
        // Each distinct claim once, with its documents, in the order they were first reported.
        s += "\nClaims over time\n"
        var sentences: [String] = []
        var index: [String: Int] = [:]
        func ref(_ document: String, _ sentence: String) -> Int {
            let key = document + "\u{0}" + sentence
            if let n = index[key] { return n }
            sentences.append("[\(sentences.count + 1)] \(document): \(sentence)")
            index[key] = sentences.count
            return sentences.count
        }
        for line in e.claimLines {
            var values: [Int] = []
            for c in line.claims where values.last != c.value { values.append(c.value) }
            s += "  \(line.quantity.rawValue)\(line.weapon.map { " (\($0.rawValue))" } ?? ""): "
                + values.map(String.init).joined(separator: " → ") + "\n"
            for c in line.claims {
                let refs = c.documents.map { d in
                    let f = e.figures.first { $0.document == d && $0.figure.value == c.value && $0.figure.quantity == line.quantity
                        && $0.figure.place == c.place && $0.figure.claimant == c.claimant }
                    return f.map { "\(d) [\(ref(d, $0.figure.sentence))]" } ?? d
                }
                s += "    \(c.value)\t\(c.place ?? "-")\t\(c.claimant.rawValue)\t\(refs.joined(separator: ", "))\n"
            }
        }
        s += "\nSources\n" + sentences.map { "  " + $0 + "\n" }.joined()
        return s
    }
}
