import SalvoModel
import Testing
@testable import SalvoStore

/// Reports without a day, and totals over all weapons: sentences and numbers written for these tests.
@Suite("Merging reports without a day and totals of their parts")
struct UndatedMergingTests {
    @Test("a total over every weapon joins the report that counts the same night by weapon", arguments: StoreKind.allCases)
    func totalOfParts(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("by-weapon", published: "2025-08-20", date: "2025-08-20", places: [Places.ukraine],
                                [figure(.launched, 95, .cruiseMissile, sentence: "Russia fired 95 cruise missiles overnight."),
                                 figure(.launched, 41, .drone, sentence: "It also sent 41 attack drones.")]))
        try await store.ingest(report("total", published: nil, places: [Places.ukraine],
                                [figure(.launched, 136, .any, sentence: "In all, 136 aerial targets were counted.")]))
        let events = try await store.allEvents()
        #expect(events.count == 1)
        #expect(Set(events.first?.documents ?? []) == ["by-weapon", "total"])
    }

    @Test("a total that the parts do not add up to ties nothing")
    func totalThatDiffers() {
        let parts = ReportFacets(EventReport(document: "p", ordinal: 0, published: nil, sequence: 0,
                                             event: Event(date: Day("2025-08-20"), attacker: .russia, places: [Places.ukraine],
                                                          figures: [figure(.launched, 95, .cruiseMissile), figure(.launched, 41, .drone)])))
        func total(_ n: Int) -> ReportFacets {
            ReportFacets(EventReport(document: "t", ordinal: 0, published: nil, sequence: 0,
                                     event: Event(date: nil, attacker: .russia, places: [Places.ukraine], figures: [figure(.launched, n, .any)])))
        }
        #expect(PairEvidence.totalsOfParts(parts, total(136)) == 1)
        #expect(PairEvidence.totalsOfParts(total(136), parts) == 1)
        #expect(PairEvidence.totalsOfParts(parts, total(140)) == 0)
    }

    @Test("counts that differ do not rule out a report without a day; on the next night they do")
    func undatedCountsMayBeParts() {
        func facets(_ day: String?, _ launched: Int, _ intercepted: Int) -> ReportFacets {
            ReportFacets(EventReport(document: "d", ordinal: 0, published: nil, sequence: 0,
                                     event: Event(date: day.flatMap { Day($0) }, attacker: .russia, places: [Places.ukraine],
                                                  figures: [figure(.launched, launched, .missile), figure(.intercepted, intercepted, .missile)])))
        }
        // Sixty-two missiles of every type against fifty-five cruise missiles: a total and its part.
        #expect(!PairEvidence.countsDisagree(facets("2025-08-20", 62, 48), facets(nil, 55, 48)))
        #expect(PairEvidence.countsDisagree(facets("2025-08-20", 62, 48), facets("2025-08-21", 55, 41)))
    }

    @Test("two undated reports with nothing in common both join the dated report each shares numbers with",
          arguments: StoreKind.allCases)
    func undatedPairTiedByDated(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("dated", published: "2025-09-14", date: "2025-09-14", places: [Places.kyiv, Places.ukraine],
                                [figure(.launched, 31, .drone, place: "Kyiv", sentence: "Thirty-one drones flew at Kyiv."),
                                 figure(.launched, 52, .drone, sentence: "Across the country 52 drones were launched."),
                                 figure(.intercepted, 44, .drone, sentence: "Air defence downed 44."),
                                 figure(.killed, 2, place: "Kyiv", sentence: "Two people died in Kyiv.")]))
        try await store.ingest(report("national", published: nil, places: [Places.kyiv, Places.ukraine],
                                [figure(.launched, 52, .drone, sentence: "The air force counted 52 drones."),
                                 figure(.intercepted, 44, .drone, sentence: "Of them, 44 were shot down."),
                                 figure(.hit, 6, .drone, place: "Kyiv", sentence: "Six struck the capital.")]))
        try await store.ingest(report("city", published: nil, places: [Places.kyiv],
                                [figure(.launched, 31, .drone, place: "Kyiv", sentence: "The mayor said 31 drones targeted Kyiv."),
                                 figure(.killed, 4, place: "Kyiv", sentence: "Four residents were killed.")]))
        let events = try await store.allEvents()
        #expect(events.count == 1)
        #expect(Set(events.first?.documents ?? []) == ["dated", "national", "city"])
    }

    @Test("an undated report whose tolls of two kinds all rose past ten joins the dated report; small tolls do not",
          arguments: StoreKind.allCases)
    func undatedRisingTolls(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("noon", published: "2025-10-03", date: "2025-10-03", places: [Places.kharkiv],
                                [figure(.killed, 6, place: "Kharkiv", sentence: "A missile killed six people in Kharkiv at noon."),
                                 figure(.injured, 28, place: "Kharkiv", sentence: "Twenty-eight were wounded.")]))
        try await store.ingest(report("evening", published: nil, places: [Places.kharkiv],
                                [figure(.killed, 9, place: "Kharkiv", sentence: "By evening the dead in Kharkiv numbered nine."),
                                 figure(.injured, 55, place: "Kharkiv", sentence: "Doctors treated 55 wounded.")]))
        // Two and four, then three and six, in Kherson: a toll like that is said of many days.
        try await store.ingest(report("kherson-day", published: "2025-10-03", date: "2025-10-03", places: [Places.kherson],
                                [figure(.killed, 2, place: "Kherson"), figure(.injured, 4, place: "Kherson")]))
        try await store.ingest(report("kherson-undated", published: nil, places: [Places.kherson],
                                [figure(.killed, 3, place: "Kherson"), figure(.injured, 6, place: "Kherson")]))
        let events = try await store.allEvents()
        #expect(Set(events.map { Set($0.documents) }) == [["noon", "evening"], ["kherson-day"], ["kherson-undated"]])
    }

    @Test("tolls rise distinctively only when every kind moved one way and one stayed past ten")
    func tollsRoseDistinctively() {
        func facets(_ killed: Int, _ injured: Int) -> ReportFacets {
            ReportFacets(EventReport(document: "d", ordinal: 0, published: nil, sequence: 0,
                                     event: Event(date: nil, attacker: .russia, places: [Places.odesa],
                                                  figures: [figure(.killed, killed, place: "Odesa"), figure(.injured, injured, place: "Odesa")])))
        }
        #expect(PairEvidence.tollsRoseDistinctively(facets(4, 31), facets(8, 60)))
        #expect(!PairEvidence.tollsRoseDistinctively(facets(4, 31), facets(2, 60)))
        #expect(!PairEvidence.tollsRoseDistinctively(facets(1, 3), facets(2, 7)))
    }

    @Test("a rounded claim covers the exact values near it, on the side its qualifier says")
    func roundedClaims() {
        let drones = { (n: Int) in PlacedValue(key: ValueKey(quantity: .launched, family: .drone, value: n), place: nil) }
        let almost = RoundedValue(value: drones(180), qualifier: .almost)
        #expect(almost.covers(drones(176)))
        #expect(!almost.covers(drones(183)))
        #expect(!almost.covers(drones(150)))
        let over = RoundedValue(value: drones(40), qualifier: .moreThan)
        #expect(over.covers(drones(43)) && !over.covers(drones(38)))
        let missiles = PlacedValue(key: ValueKey(quantity: .launched, family: .missile, value: 176), place: nil)
        #expect(!almost.covers(missiles))
    }

    @Test("\"almost 180 drones\" without a day joins the night an outlet counted 176", arguments: StoreKind.allCases)
    func roundedJoins(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.ingest(report("exact", published: "2025-11-02", date: "2025-11-02", places: [Places.ukraine],
                                [figure(.launched, 176, .drone, sentence: "The air force counted 176 drones overnight."),
                                 figure(.launched, 2, .missile, sentence: "Two missiles were fired as well.")]))
        var rounded = figure(.launched, 180, .drone, sentence: "Almost 180 drones were sent, the military said.")
        rounded.qualifier = .almost
        // The two missiles find the report; alone they are too common a number to tie it.
        try await store.ingest(report("rounded", published: nil, places: [Places.ukraine],
                                [rounded, figure(.launched, 2, .missile, sentence: "And a pair of missiles.")]))
        #expect(try await store.allEvents().count == 1)
    }
}
