import ArgumentParser
import Foundation
import SalvoModel
import SalvoStore

/// `salvo show EVENT`: one event, its claims side by side, and the sentences behind them.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one event: every claim side by side and the source sentences.",
        discussion: "Example:\n  salvo show 42"
    )

    @Argument(help: "The event id (from `salvo events`).") var event: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open(create: false)
        guard let e = try db.event(id: event) else {
            Log.error("\(event): no such event in \(store.db)")
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
        s += "\nClaims\n"
        var sentences: [String] = []
        var index: [String: Int] = [:]
        for q in e.summary {
            s += "  \(q.quantity.rawValue)\(q.weapon.map { " (\($0.rawValue))" } ?? ""):\n"
            for c in e.figures where c.figure.quantity == q.quantity && (q.quantity.isCasualty || c.figure.weapon == q.weapon) {
                let f = c.figure
                let key = c.document + "\u{0}" + f.sentence
                let n = index[key] ?? { sentences.append("[\(sentences.count + 1)] \(c.document): \(f.sentence)"); index[key] = sentences.count; return sentences.count }()
                let qual = f.qualifier == .exact ? "" : f.qualifier.rawValue.replacingOccurrences(of: "_", with: " ") + " "
                s += "    \(qual)\(f.value)\(f.model.map { " " + $0 } ?? "")\t\(f.place ?? "-")\t\(f.claimant.rawValue)"
                    + "\(f.claimantName.map { " (\($0))" } ?? "")\t\(c.document) [\(n)]\n"
            }
        }
        s += "\nSources\n" + sentences.map { "  " + $0 + "\n" }.joined()
        return s
    }
}
