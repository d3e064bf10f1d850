import Foundation
import GRDB
import SalvoModel
import SalvoTestSupport
import Testing
@testable import SalvoStore

/// Several writers on one PostgreSQL database agree with one writer on SQLite.
@Suite("Concurrent writers on PostgreSQL", .serialized)
struct ConcurrentWritersTests {
    /// `scripts/bench-generate`'s documents: ~3 years of nights, each reported by many outlets,
    /// in the order that spreads every batch over every day (the worst case for day locks).
    static func generated(_ count: Int) async throws -> [(Document, ExtractedDocument)] {
        let run = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                             ["python3", DevGold.root.appendingPathComponent("scripts/bench-generate").path,
                                              String(count), "--order", "cyclic"], stderr: .inherit)
        try #require(run.termination.succeeded, "scripts/bench-generate failed")
        return try extractedDocuments(inJSONLines: run.stdout)
    }

    static func documents() async throws -> [(Document, ExtractedDocument)] {
        var docs = ResolutionOrderTests.synthetic
        if DevGold.available {
            docs += try await DevGold.documents()
        } else {
            FileHandle.standardError.write(Data("ConcurrentWritersTests: ../shared/corpus not found: the dev documents are SKIPPED (generated and written ones still run)\n".utf8))
        }
        return docs + (try await generated(20_000))
    }

    static func ingest(_ docs: ArraySlice<(Document, ExtractedDocument)>, into store: any EventStore) async throws {
        var start = docs.startIndex
        while start < docs.endIndex {
            let end = min(start + 256, docs.endIndex)
            for r in await store.ingest(batch: Array(docs[start..<end])) { _ = try r.get() }
            start = end
        }
    }

    /// For each event only PostgreSQL has: its id and, per report its JSON holds, the event the
    /// report's row is in, its day and change number (what the next attempt at a fix starts from).
    static func explain(_ events: Set<Set<String>>, in store: PostgresEventStore) async throws {
        for e in try await store.allEvents() {
            let keys = Set(e.figures.map { "\($0.document)#\($0.figure.quantity.rawValue)#\($0.figure.value)#\($0.figure.sentence)" })
            guard events.contains(keys) else { continue }
            let documents = Array(Set(e.figures.map(\.document))).sorted()
            var line = "PostgreSQL-only event \(e.id), \(e.figures.count) figures in its JSON; report rows:"
            let rows = try await store.client.query("""
                SELECT d.key, r.ordinal, r.event_id, coalesce(r.day, -1), r.changed FROM report r JOIN document d ON d.id = r.document_id
                WHERE d.key = ANY(\(documents)::text[]) ORDER BY d.key, r.ordinal
                """, logger: store.logger)
            for try await (key, ordinal, event, day, changed) in rows.decode((String, Int, Int, Int, Int).self) {
                line += " \(key)#\(ordinal) in \(event) (day \(day), change \(changed));"
            }
            let members = try await store.client.query("SELECT count(*) FROM report WHERE event_id = \(Int(e.id) ?? 0)", logger: store.logger)
            for try await n in members.decode(Int.self) { line += " rows in event \(e.id): \(n)" }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Where the test is, on standard error: it runs for minutes, and a run that stops should say where.
    static func progress(_ step: String, since start: ContinuousClock.Instant) {
        let d = start.duration(to: .now).components
        let seconds = String(format: "%.1f", Double(d.seconds) + Double(d.attoseconds) / 1e18)
        FileHandle.standardError.write(Data("ConcurrentWritersTests: \(step) after \(seconds) s\n".utf8))
    }

    @Test("four concurrent ingesters into PostgreSQL give the partition of figures one ingester gives in SQLite",
          .enabled(if: TestPostgres.url != nil, "NO POSTGRESQL: the concurrent-writers test is SKIPPED"))
    func fourWritersAgreeWithOne() async throws {
        let start = ContinuousClock.now
        let docs = try await Self.documents()
        Self.progress("\(docs.count) documents made", since: start)
        let sqlite = try SQLiteEventStore(path: TemporaryFile.path("one.sqlite"))
        // The single SQLite writer runs beside the four: PostgreSQL's writers mostly take turns.
        async let single: Void = Self.ingest(docs[...], into: sqlite)

        let location = try TestPostgres.freshLocation()
        var writers: [PostgresEventStore] = []
        for _ in 0..<4 { writers.append(try await PostgresEventStore(location: PostgresLocation(location))) }
        // Each writer takes every fourth document, so all four work on the same days at once.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (w, store) in writers.enumerated() {
                let share = docs.enumerated().filter { $0.offset % writers.count == w }.map(\.element)
                group.addTask { try await Self.ingest(share[...], into: store) }
            }
            try await group.waitForAll()
        }
        Self.progress("four PostgreSQL writers done", since: start)
        try await single
        try await sqlite.completeEventJSON()
        Self.progress("the SQLite writer done", since: start)
        // Every document stored once, by one writer or another: the same ones one writer stores.
        // One query each, not a lookup per document: 20,000 round trips told nothing more.
        let storedBySQLite = Set(try await sqlite.pool.read { try String.fetchAll($0, sql: "SELECT key FROM document") })
        var storedByPostgres = Set<String>()
        for try await key in try await writers[0].client.query("SELECT key FROM document", logger: writers[0].logger).decode(String.self) {
            storedByPostgres.insert(key)
        }
        let storedDiffer = storedBySQLite.symmetricDifference(storedByPostgres)
        #expect(storedDiffer.isEmpty, "\(storedDiffer.count) documents stored by one store and not the other, e.g. \(storedDiffer.sorted().prefix(3))")
        Self.progress("stored documents compared", since: start)
        let one = try await ResolutionOrderTests.partition(sqlite)
        let four = try await ResolutionOrderTests.partition(writers[0])
        Self.progress("partitions read", since: start)
        #expect(four.count == one.count, "PostgreSQL has \(four.count) events, SQLite \(one.count)")
        let figures = try await sqlite.allEvents().reduce(0) { $0 + $1.figures.count }
        let fourFigures = try await writers[0].allEvents().reduce(0) { $0 + $1.figures.count }
        let onlyOne = one.subtracting(four), onlyFour = four.subtracting(one)
        #expect(onlyOne.isEmpty && onlyFour.isEmpty,
                "\(onlyOne.count) events only in SQLite, \(onlyFour.count) only in PostgreSQL; e.g. \(onlyOne.first.map { $0.sorted().prefix(4) } ?? [])")
        #expect(fourFigures == figures, "figures in events: PostgreSQL \(fourFigures), SQLite \(figures)")
        if !onlyFour.isEmpty { try await Self.explain(onlyFour, in: writers[0]) }
        for w in writers { await w.close() }
    }
}
