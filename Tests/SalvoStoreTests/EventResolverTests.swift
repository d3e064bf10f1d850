import SalvoModel
import Testing
@testable import SalvoStore

@Suite("Merging reports across documents")
struct EventResolverTests {
    let airForce = "The air force said 90 drones were launched overnight and 76 of them were shot down."

    @Test("two outlets quoting the air force on the same night make one event", arguments: StoreKind.allCases)
    func sameNight(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("a", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine],
                                [figure(.launched, 90, .drone, place: "Ukraine", sentence: airForce),
                                 figure(.intercepted, 76, .drone, place: "Ukraine", sentence: airForce)]))
        let second = try await store.ingest(report("b", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine],
                                             [figure(.intercepted, 76, .drone, place: "Ukraine", sentence: "Air defence downed 76 of 90 drones.")]))
        #expect(second.eventsCreated == 0 && second.eventsUpdated == 1)
        let events = try await store.allEvents()
        #expect(events.count == 1)
        #expect(Set(events[0].documents) == ["a", "b"])
    }

    @Test("an outlet dating the night by its evening joins when the numbers agree", arguments: StoreKind.allCases)
    func overnightOffByOne(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("a", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine],
                                [figure(.launched, 90, .drone), figure(.intercepted, 76, .drone)]))
        try await store.ingest(report("b", published: "2025-03-01", date: "2025-03-01", places: [Places.ukraine],
                                [figure(.launched, 90, .drone), figure(.intercepted, 76, .drone)]))
        #expect(try await store.allEvents().count == 1)
    }

    @Test("the next night, with other counts, is another event", arguments: StoreKind.allCases)
    func nextNight(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("a", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine],
                                [figure(.launched, 90, .drone), figure(.intercepted, 76, .drone)]))
        try await store.ingest(report("b", published: "2025-03-03", date: "2025-03-03", places: [Places.ukraine],
                                [figure(.launched, 120, .drone), figure(.intercepted, 101, .drone)]))
        #expect(try await store.allEvents().count == 2)
    }

    @Test("a city's casualties join the mass strike that names the city", arguments: StoreKind.allCases)
    func cityInMassStrike(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("national", published: "2025-04-10", date: "2025-04-10", places: [Places.ukraine, Places.kyiv],
                                [figure(.launched, 200, .drone), figure(.killed, 4, place: "Kyiv",
                                                                     sentence: "Four people died in Kyiv, the mayor said.")]))
        try await store.ingest(report("city", published: "2025-04-10", date: "2025-04-10", places: [Places.kyiv],
                                [figure(.killed, 4, place: "Kyiv"), figure(.injured, 12, place: "Kyiv")]))
        let events = try await store.allEvents()
        #expect(events.count == 1)
        #expect(events.first?.headline(.injured) == 12)
    }

    @Test("shelling elsewhere on the same day stays apart from the nationwide strike", arguments: StoreKind.allCases)
    func shellingElsewhere(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("national", published: "2025-04-10", date: "2025-04-10", places: [Places.ukraine],
                                [figure(.launched, 200, .drone), figure(.intercepted, 180, .drone)]))
        try await store.ingest(report("kherson", published: "2025-04-10", date: "2025-04-10", places: [Places.kherson],
                                [figure(.killed, 2, place: "Kherson", sentence: "Shelling killed two people in Kherson.")]))
        #expect(try await store.allEvents().count == 2)
    }

    @Test("guided bombs on Kharkiv are not the night's drone attack on Kharkiv", arguments: StoreKind.allCases)
    func frontlineWeapons(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("drones", published: "2025-05-01", date: "2025-05-01", places: [Places.kharkiv],
                                [figure(.hit, 5, .drone, place: "Kharkiv")]))
        try await store.ingest(report("kabs", published: "2025-05-01", date: "2025-05-01", places: [Places.kharkiv],
                                [figure(.launched, 3, .guidedBomb, place: "Kharkiv")]))
        #expect(try await store.allEvents().count == 2)
    }

    @Test("a Ukrainian attack on Belgorod is not a Russian attack on the same day", arguments: StoreKind.allCases)
    func attackers(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("ru", published: "2025-05-01", date: "2025-05-01", attacker: .russia, places: [Places.ukraine],
                                [figure(.launched, 50, .drone)]))
        try await store.ingest(report("ua", published: "2025-05-01", date: "2025-05-01", attacker: .ukraine, places: [Places.russia],
                                [figure(.intercepted, 50, .drone, claimant: .russia)]))
        #expect(try await store.allEvents().count == 2)
    }

    @Test("a later nationwide report merges the Kyiv and the Odesa events", arguments: StoreKind.allCases)
    func laterReportMerges(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("kyiv", published: "2025-06-01", date: "2025-06-01", places: [Places.kyiv],
                                [figure(.killed, 3, place: "Kyiv", sentence: "Three people were killed in Kyiv.")]))
        try await store.ingest(report("odesa", published: "2025-06-01", date: "2025-06-01", places: [Places.odesa],
                                [figure(.injured, 7, place: "Odesa", sentence: "Seven were injured in Odesa.")]))
        #expect(try await store.allEvents().count == 2)
        let outcome = try await store.ingest(report("all", published: "2025-06-01", date: "2025-06-01",
                                              places: [Places.ukraine, Places.kyiv, Places.odesa],
                                              [figure(.launched, 300, .drone),
                                               figure(.killed, 3, place: "Kyiv"), figure(.injured, 7, place: "Odesa")]))
        #expect(outcome.eventsCreated == 0 && outcome.eventsMerged == 1)
        let events = try await store.allEvents()
        #expect(events.count == 1)
        #expect(Set(events.first?.documents ?? []) == ["kyiv", "odesa", "all"])
        // The absorbed event is gone; its documents point at the surviving one.
        let kept = try #require(events.first)
        #expect(try await store.document(id: "kyiv")?.eventIDs == [kept.id])
    }

    @Test("two events of one document are never merged by a third document", arguments: StoreKind.allCases)
    func sameDocumentStaysApart(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(reportMany("one", published: "2025-06-01", [
            Event(date: Day("2025-06-01"), attacker: .russia, places: [Places.kyiv], figures: [figure(.killed, 3, place: "Kyiv")]),
            Event(date: Day("2025-06-01"), attacker: .russia, places: [Places.odesa], figures: [figure(.injured, 7, place: "Odesa")]),
        ]))
        try await store.ingest(report("all", published: "2025-06-01", date: "2025-06-01", places: [Places.ukraine, Places.kyiv, Places.odesa],
                                [figure(.killed, 3, place: "Kyiv"), figure(.injured, 7, place: "Odesa")]))
        #expect(try await store.allEvents().count == 2)
    }

    @Test("a publication day alone does not tie a local report to a nationwide one")
    func publicationDayIsWeak() async throws {
        let store = MemoryEventStore()
        try await store.ingest(report("weekly", published: "2025-06-08", places: [Places.ukraine],
                                [figure(.launched, 1400, .drone), figure(.launched, 900, .guidedBomb)]))
        try await store.ingest(report("local", published: "2025-06-08", date: "2025-06-08", places: [Places.odesaOblast],
                                [figure(.killed, 1, place: "Odesa Oblast")]))
        #expect(try await store.allEvents().count == 2)
    }

    @Test("the Russian defence ministry's evening and night counts are two attacks")
    func russianWindows() async throws {
        let store = MemoryEventStore()
        try await store.ingest(report("evening", published: "2025-09-02", date: "2025-09-01", attacker: .ukraine, places: [Places.russia],
                                [figure(.intercepted, 40, .drone, claimant: .russia)]))
        try await store.ingest(report("night", published: "2025-09-02", date: "2025-09-01", attacker: .ukraine, places: [Places.russia],
                                [figure(.intercepted, 65, .drone, claimant: .russia)]))
        #expect(try await store.allEvents().count == 2)
    }

    @Test("a report with no day at all joins only on a distinctive shared number")
    func undated() async throws {
        let store = MemoryEventStore()
        try await store.ingest(report("dated", published: "2025-07-01", date: "2025-07-01", places: [Places.ukraine],
                                [figure(.launched, 77, .drone), figure(.intercepted, 61, .drone), figure(.killed, 1, place: "Kyiv")]))
        try await store.ingest(report("undated", published: nil, places: [Places.ukraine], [figure(.launched, 77, .drone)]))
        try await store.ingest(report("one-death", published: nil, places: [Places.kyiv], [figure(.killed, 1, place: "Kyiv")]))
        let events = try await store.allEvents()
        #expect(events.count == 2)
        #expect(events.contains { Set($0.documents) == ["dated", "undated"] })
    }

    @Test("an undated report whose toll rose with the dated one's joins it; an undated small toll ties nothing",
          arguments: StoreKind.allCases)
    func undatedTolls(kind: StoreKind) async throws {
        let store = try await kind.make()
        // A missile strike on Kharkiv: the toll in the morning, and a later report without a date.
        try await store.ingest(report("morning", published: "2025-05-04", date: "2025-05-04", places: [Places.kharkiv],
                                [figure(.hit, 2, .missile, place: "Kharkiv", sentence: "Two missiles hit Kharkiv."),
                                 figure(.killed, 12, place: "Kharkiv", sentence: "Twelve people were killed in Kharkiv."),
                                 figure(.injured, 40, place: "Kharkiv", sentence: "Forty were injured in Kharkiv.")]))
        try await store.ingest(report("later", published: nil, places: [Places.kharkiv],
                                [figure(.hit, 2, .missile, place: "Kharkiv", sentence: "Both missiles struck central Kharkiv."),
                                 figure(.killed, 19, place: "Kharkiv", sentence: "The toll in Kharkiv rose to 19 dead."),
                                 figure(.injured, 71, place: "Kharkiv", sentence: "Seventy-one people were hurt in Kharkiv.")]))
        // A drone night a year later with three dead, and an undated report of three dead in Kharkiv:
        // "three killed" is said of many attacks, so without a day it ties nothing.
        try await store.ingest(report("next-year", published: "2026-05-10", date: "2026-05-10", places: [Places.kharkiv],
                                [figure(.killed, 3, place: "Kharkiv", sentence: "Three people died in Kharkiv overnight."),
                                 figure(.launched, 120, .drone, sentence: "Russia launched 120 drones.")]))
        try await store.ingest(report("undated-three", published: nil, places: [Places.kharkiv],
                                [figure(.killed, 3, place: "Kharkiv", sentence: "Three were killed in a strike on Kharkiv.")]))
        let events = try await store.allEvents()
        #expect(Set(events.map { Set($0.documents) }) == [["morning", "later"], ["next-year"], ["undated-three"]])
    }

    @Test("tolls rise together when every shared kind moves the same way")
    func risingTogether() {
        func facets(_ killed: Int, _ injured: Int) -> ReportFacets {
            ReportFacets(EventReport(document: "d", ordinal: 0, published: nil, sequence: 0,
                                     event: Event(date: nil, attacker: .russia, places: [Places.kharkiv],
                                                  figures: [figure(.killed, killed, place: "Kharkiv"), figure(.injured, injured, place: "Kharkiv")])))
        }
        #expect(PairEvidence.risingTogether(facets(12, 40), facets(19, 71)))
        #expect(PairEvidence.risingTogether(facets(19, 40), facets(19, 71)))
        #expect(!PairEvidence.risingTogether(facets(3, 9), facets(1, 42)))
    }
}
