import Foundation
import SalvoModel
import Testing
@testable import SalvoStore

@Suite("Storing documents and querying events")
struct EventStoreTests {
    static let kyivNight = "Overnight, drones struck two districts of Kyiv; the mayor said three people were killed."

    func kyiv(_ id: String = "k1", killed: Int = 3, url: String? = "https://news.example/kyiv-night",
              text: String? = nil) -> (Document, ExtractedDocument) {
        var pair = report(id, published: "2025-08-10", date: "2025-08-10", places: [Places.kyiv],
                          [figure(.killed, killed, place: "Kyiv", sentence: Self.kyivNight), figure(.hit, 2, .drone, place: "Kyiv")], url: url)
        if let text { pair.0.text = text }
        return pair
    }

    @Test("the same document twice stores nothing new", arguments: StoreKind.allCases)
    func idempotent(kind: StoreKind) async throws {
        let store = try await kind.make()
        #expect(try await store.ingest(kyiv()).document == .new)
        let again = try await store.ingest(kyiv())
        #expect(again == IngestOutcome(document: .unchanged))
        let sameTextOtherID = try await store.ingest(kyiv("copy", url: nil, text: kyiv().0.text.uppercased() + "  \n"))
        #expect(sameTextOtherID.document == .unchanged)
        #expect(try await store.allEvents().count == 1)
        #expect(try await store.allEvents().first?.figures.count == 2)
    }

    @Test("an updated article replaces its old figures", arguments: StoreKind.allCases)
    func updatedArticle(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(kyiv())
        // The same address under another id, with the toll risen: an update, not a new report.
        let outcome = try await store.ingest(kyiv("k1-v2", killed: 5, text: "Updated: drones struck two districts of Kyiv overnight; the mayor said five people were killed and more are missing."))
        #expect(outcome.document == .updated)
        let events = try await store.allEvents()
        #expect(events.count == 1)
        #expect(events.first?.figures.map(\.figure.value).sorted() == [2, 5])
        #expect(events.first?.documents == ["k1-v2"])
        #expect(try await store.document(id: "k1") == nil)
    }

    @Test("records cut from one dump share its address and are still different documents", arguments: StoreKind.allCases)
    func dumpAddress(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(kyiv("row1", url: "dump.csv"))
        #expect(try await store.ingest(kyiv("row2", url: "dump.csv", text: "Another row of the dump about Kyiv.")).document == .new)
    }

    @Test("filters: days, place inside a region or country, attacker, weapon, killed, text", arguments: StoreKind.allCases)
    func filters(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(kyiv())
        try await store.ingest(report("odesa", published: "2025-08-12", date: "2025-08-12", places: [Places.odesa],
                                [figure(.launched, 4, .ballisticMissile, place: "Odesa", sentence: "Four ballistic missiles hit the port of Odesa.")]))
        try await store.ingest(report("belgorod", published: "2025-08-11", date: "2025-08-11", attacker: .ukraine, places: [Places.belgorod],
                                [figure(.intercepted, 12, .drone, claimant: .russia, sentence: "The governor said 12 drones were downed over Belgorod.")]))
        func ids(_ q: EventQuery) async throws -> Set<String> { Set(try await store.events(matching: q).flatMap(\.documents)) }
        #expect(try await ids(EventQuery(since: Day("2025-08-11"))) == ["odesa", "belgorod"])
        #expect(try await ids(EventQuery(until: Day("2025-08-10"))) == ["k1"])
        #expect(try await ids(EventQuery(place: "odesa oblast")) == ["odesa"])
        #expect(try await ids(EventQuery(place: "Ukraine")) == ["k1", "odesa"])
        #expect(try await ids(EventQuery(attacker: .ukraine)) == ["belgorod"])
        #expect(try await ids(EventQuery(weapon: .ballisticMissile)) == ["odesa"])
        #expect(try await ids(EventQuery(minKilled: 1)) == ["k1"])
        #expect(try await ids(EventQuery(text: "port")) == ["odesa"])
        #expect(try await store.events(matching: EventQuery(limit: 1, sort: .dateDescending)).first?.documents == ["odesa"])
        #expect(try await store.events(matching: EventQuery(sort: .killedDescending)).first?.documents == ["k1"])
    }

    @Test("documents, full-text search and daily totals", arguments: StoreKind.allCases)
    func documentsSearchStats(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(kyiv())
        let doc = try #require(try await store.document(id: "k1"))
        #expect(doc.url == "https://news.example/kyiv-night")
        #expect(doc.eventIDs.count == 1)
        let hits = try await store.search(text: "mayor districts", limit: 5)
        #expect(hits.map(\.id) == ["k1"])
        #expect(try await store.search(text: "\"unbalanced quote AND", limit: 5).isEmpty)
        let stats = try await store.dailyStats(matching: EventQuery())
        #expect(stats.contains { $0.date == Day("2025-08-10") && $0.weapon == nil && $0.killed == 3 })
    }

    @Test("the JSON of an event carries the contract's figure fields and the document")
    func json() async throws {
        let store = MemoryEventStore()
        try await store.ingest(kyiv())
        let data = try JSONEncoder().encode(try await store.allEvents())
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let event = try #require(array.first)
        for key in ["id", "date", "attacker", "places", "documents", "figures", "summary"] { #expect(event[key] != nil, "\(key)") }
        let fig = try #require((event["figures"] as? [[String: Any]])?.first)
        for key in ["quantity", "weapon", "model", "value", "qualifier", "place", "date", "claimant", "claimant_name",
                    "sentence", "start", "end", "document"] { #expect(fig[key] != nil, "\(key)") }
        #expect(fig["document"] as? String == "k1")
    }
}

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("a reopened database keeps merging where it left off")
    func reopen() async throws {
        let path = TemporaryFile.path("reopen.sqlite")
        do {
            let store = try SQLiteEventStore(path: path)
            try await store.ingest(report("a", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine],
                                    [figure(.launched, 90, .drone), figure(.intercepted, 76, .drone)]))
        }
        let store = try SQLiteEventStore(path: path)
        #expect(try await store.ingest(report("a", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine],
                                        [figure(.launched, 90, .drone), figure(.intercepted, 76, .drone)])).document == .unchanged)
        try await store.ingest(report("b", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine],
                                [figure(.intercepted, 76, .drone)]))
        let events = try await store.allEvents()
        #expect(events.count == 1)
        #expect(events.first?.documents == ["a", "b"])
    }

    @Test("a second connection's writes are seen by the first")
    func twoConnections() async throws {
        let path = TemporaryFile.path("two.sqlite")
        let one = try SQLiteEventStore(path: path)
        let two = try SQLiteEventStore(path: path)
        try await one.ingest(report("a", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine], [figure(.launched, 90, .drone)]))
        try await two.ingest(report("b", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine], [figure(.launched, 90, .drone)]))
        try await one.ingest(report("c", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine], [figure(.launched, 90, .drone)]))
        let events = try await one.allEvents()
        #expect(events.count == 1)
        #expect(Set(events.first?.documents ?? []) == ["a", "b", "c"])
    }
}

@Suite("Event JSON written by hand")
struct StoredEventJSONTests {
    @Test("decodes to the same event, with quotes, newlines and nulls")
    func roundTrip() async throws {
        let store = MemoryEventStore()
        let tricky = "He said: \"two\\three\"\nthen\tleft."
        try await store.ingest(report("q\"1", published: "2025-08-10", date: "2025-08-10", places: [Places.kyiv, Places.ukraine],
                                [figure(.killed, 2, place: "Kyiv", sentence: tricky), figure(.launched, 30, .drone)]))
        try await store.ingest(report("undated", published: nil, attacker: nil, places: [], [figure(.hit, 1, sentence: "Один удар.")]))
        for event in try await store.allEvents() {
            let decoded = try JSONDecoder().decode(StoredEvent.self, from: Data(event.json.utf8))
            #expect(decoded == event)
        }
    }
}
