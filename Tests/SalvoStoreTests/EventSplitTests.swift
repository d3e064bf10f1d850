import SalvoModel
import Testing
@testable import SalvoStore

@Suite("Events split, stay apart and keep their ids")
struct EventSplitTests {
    func kyiv() -> (Document, ExtractedDocument) {
        report("kyiv", published: "2025-06-01", date: "2025-06-01", places: [Places.kyiv],
               [figure(.killed, 3, place: "Kyiv", sentence: "Three people were killed in Kyiv.")])
    }

    func odesa() -> (Document, ExtractedDocument) {
        report("odesa", published: "2025-06-01", date: "2025-06-01", places: [Places.odesa],
               [figure(.injured, 7, place: "Odesa", sentence: "Seven were injured in Odesa.")])
    }

    /// The nationwide report that ties the two cities' tolls to one mass strike.
    func bridge(text: String = "Overnight 300 drones; three killed in Kyiv, seven injured in Odesa.") -> (Document, ExtractedDocument) {
        reportMany("all", published: "2025-06-01", [
            Event(date: Day("2025-06-01"), attacker: .russia, places: [Places.ukraine, Places.kyiv, Places.odesa],
                  figures: [figure(.launched, 300, .drone), figure(.killed, 3, place: "Kyiv"), figure(.injured, 7, place: "Odesa")]),
        ], text: text)
    }

    @Test("removing the report that tied two cities' tolls together splits the event", arguments: StoreKind.allCases)
    func removeBridge(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(kyiv())
        try await store.ingest(odesa())
        try await store.ingest(bridge())
        #expect(try await store.allEvents().count == 1)
        let kept = try #require(try await store.allEvents().first?.id)
        #expect(try await store.remove(documentID: "all"))
        let events = try await store.allEvents()
        #expect(events.count == 2)
        #expect(Set(events.map { Set($0.documents) }) == [["kyiv"], ["odesa"]])
        // The earliest report's event keeps its id.
        #expect(events.first { $0.documents == ["kyiv"] }?.id == kept)
        #expect(try await store.document(id: "all") == nil)
        #expect(try await store.remove(documentID: "all") == false)
    }

    @Test("an update that no longer names Odesa's toll splits the event", arguments: StoreKind.allCases)
    func updateBridge(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(kyiv())
        try await store.ingest(odesa())
        try await store.ingest(bridge())
        #expect(try await store.allEvents().count == 1)
        let updated = reportMany("all", published: "2025-06-01", [
            Event(date: Day("2025-06-01"), attacker: .russia, places: [Places.ukraine, Places.kyiv],
                  figures: [figure(.launched, 300, .drone), figure(.killed, 3, place: "Kyiv")]),
        ], text: "Overnight 300 drones; three killed in Kyiv.")
        let outcome = try await store.ingest(updated)
        #expect(outcome.document == .updated)
        let events = try await store.allEvents()
        #expect(Set(events.map { Set($0.documents) }) == [["kyiv", "all"], ["odesa"]])
    }

    @Test("twelve nights of one killed and four injured in Belgorod stay twelve events", arguments: StoreKind.allCases)
    func twelveNights(kind: StoreKind) async throws {
        let store = try await kind.make()
        for night in 0..<12 {
            let day = Day("2025-01-01")!.adding(days: night).description
            let s = "A drone attack on Belgorod overnight killed one person and injured four, the governor said (night \(night))."
            try await store.ingest(report("belgorod-\(night)", published: day, attacker: .ukraine, places: [Places.belgorod],
                                    [figure(.killed, 1, place: "Belgorod", claimant: .russia, sentence: s),
                                     figure(.injured, 4, place: "Belgorod", claimant: .russia, sentence: s)]))
        }
        let events = try await store.allEvents()
        #expect(events.count == 12)
        #expect(Set(events.compactMap(\.date)).count == 12)
        #expect(events.allSatisfy { $0.documents.count == 1 })
    }

    @Test("two outlets per night on consecutive nights with identical tolls pair by night, not across")
    func nightsWithTwoOutlets() async throws {
        let store = MemoryEventStore()
        for night in 0..<6 {
            let day = Day("2025-01-01")!.adding(days: night).description
            for outlet in ["a", "b"] {
                try await store.ingest(report("\(outlet)-\(night)", published: day, date: day, attacker: .ukraine, places: [Places.belgorod],
                                        [figure(.killed, 1, place: "Belgorod", claimant: .russia),
                                         figure(.injured, 4, place: "Belgorod", claimant: .russia)]))
            }
        }
        let events = try await store.allEvents()
        #expect(events.count == 6)
        #expect(events.allSatisfy { e in Set(e.documents.map { $0.split(separator: "-").last! }).count == 1 })
    }

    @Test("event ids survive re-ingesting every document in another order", arguments: StoreKind.allCases)
    func stableIDs(kind: StoreKind) async throws {
        let store = try await kind.make()
        let docs = ResolutionOrderTests.synthetic
        for d in docs { try await store.ingest(d) }
        let before = Dictionary(uniqueKeysWithValues: try await store.allEvents().map { (Set($0.documents), $0.id) })
        // Updated versions of every document (new text, same figures), newest first.
        for (doc, ex) in docs.reversed() {
            var d = doc
            d.text += " Updated."
            _ = try await store.ingest(d, extracted: ex)
        }
        let after = Dictionary(uniqueKeysWithValues: try await store.allEvents().map { (Set($0.documents), $0.id) })
        #expect(before == after)
    }

    @Test("a city-by-city casualty list is summed without overflowing on huge values")
    func headlineOverflow() async throws {
        let store = MemoryEventStore()
        try await store.ingest(report("huge", published: "2025-02-01", date: "2025-02-01", places: [Places.kyiv, Places.odesa],
                                [figure(.killed, Int.max, place: "Kyiv"), figure(.killed, Int.max - 1, place: "Odesa")]))
        let e = try #require(try await store.allEvents().first)
        #expect(e.headline(.killed) == Int.max)
        #expect(try await store.dailyStats(matching: EventQuery()).first?.killed == Int.max)
    }
}
