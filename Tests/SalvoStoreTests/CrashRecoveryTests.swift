import Foundation
import GRDB
import SalvoModel
import SalvoTestSupport
import Testing

/// The built `salvo` binary, next to the test bundle in `.build/<config>/`.
enum SalvoBinary {
    static let url: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("salvo"),
            Bundle.main.bundleURL.appendingPathComponent("salvo"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("salvo"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/salvo"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}

@Suite("Crash recovery", .serialized)
struct CrashRecoveryTests {
    /// Extract-contract records: attacks spread over 60 days and a few cities, several outlets each.
    static func generate(count: Int, to path: String) throws {
        let cities = [Places.kyiv, Places.odesa, Places.kharkiv, Places.kherson]
        let encoder = JSONEncoder()
        var out = Data()
        for i in 0..<count {
            let day = Day(ordinal: Day("2025-01-01")!.ordinal + i % 60)
            let city = cities[(i / 60) % cities.count]
            let sentence = "Outlet \(i) reports that \(i % 7 + 1) people were hurt in \(city.name) after a drone attack."
            let event = Event(date: day, attacker: .russia, places: [city],
                              figures: [Figure(quantity: .injured, value: i % 7 + 1, place: city.name, claimant: .ukraine,
                                               sentence: sentence, start: 0, end: sentence.count),
                                        Figure(quantity: .hit, weapon: .drone, value: 2, place: city.name, claimant: .ukraine,
                                               sentence: sentence, start: 0, end: sentence.count)])
            let doc = ExtractedDocument(id: "gen-\(i)", url: "https://news.example/\(i)", title: "Report \(i)", language: "en",
                                        published: day, events: [event], text: sentence)
            out.append(try encoder.encode(doc))
            out.append(0x0A)
        }
        try out.write(to: URL(fileURLWithPath: path))
    }

    static func documentCount(_ db: String) -> Int {
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: db, configuration: config) else { return 0 }
        return (try? queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document") }) ?? 0
    }

    static func ingest(_ input: String, db: String) throws -> ChildProcess {
        try ChildProcess(try #require(SalvoBinary.url), ["ingest", "--extracted", input, "--db", db], stdout: .null, stderr: .null)
    }

    @Test("kill -9 mid-ingest leaves a sound database, and a re-run stores each document exactly once",
          .enabled(if: SalvoBinary.url != nil, "needs the salvo binary: swift build"))
    func killMidRun() async throws {
        let total = 3000
        let input = TemporaryFile.path("generated.jsonl")
        let db = (input as NSString).deletingLastPathComponent + "/crash.sqlite"
        try Self.generate(count: total, to: input)

        let first = try Self.ingest(input, db: db)
        let deadline = Date().addingTimeInterval(120)
        var seen = 0
        while first.isRunning, Date() < deadline {
            seen = Self.documentCount(db)
            if seen >= 100 { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        try #require(first.isRunning, "ingest finished before it could be killed (\(seen) documents seen)")
        first.send(SIGKILL)
        #expect(await first.termination().reason == .uncaughtSignal)

        let queue = try DatabaseQueue(path: db)
        let integrity = try await queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        let partial = try await queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document") } ?? 0
        #expect(partial >= 100 && partial < total)
        try queue.close()

        let second = try Self.ingest(input, db: db)
        #expect(await second.termination().succeeded)

        let check = try DatabaseQueue(path: db)
        func count(_ sql: String) throws -> Int? { try check.read { try Int.fetchOne($0, sql: sql) } }
        #expect(try await check.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(try count("SELECT COUNT(*) FROM document") == total)
        #expect(try count("SELECT COUNT(DISTINCT key) FROM document") == total)
        // Each document's one report, each in exactly one existing event.
        #expect(try count("SELECT COUNT(*) FROM report") == total)
        #expect(try count("SELECT COUNT(*) FROM report r LEFT JOIN event e ON e.id = r.event_id WHERE e.id IS NULL") == 0)
        #expect(try count("SELECT COUNT(*) FROM figure") == 2 * total)
        #expect(try count("SELECT COUNT(*) FROM document_fts WHERE document_fts MATCH 'outlet'") == total)
    }
}
