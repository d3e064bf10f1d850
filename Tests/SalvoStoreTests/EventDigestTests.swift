import Foundation
import SalvoModel
import Testing
@testable import SalvoStore

/// The digest folds an event's row report by report; these check that the fold is the event's
/// row whatever order reports join in, and that the index keeps it right as reports move.
@Suite("Event digest")
struct EventDigestTests {
    /// Reports of one attack as outlets and officials might give it, with rising tolls,
    /// several places, both sides' claims and reports without a date.
    func reports() -> [EventReport] {
        let places: [[Place]] = [[Places.ukraine, Places.odesa], [Places.odesaOblast], [Places.odesa, Places.kyiv], [Places.ukraine]]
        let claimants: [Claimant] = [.ukraine, .media, .russia, .ukraine, .other]
        let quantities: [Quantity] = [.killed, .injured, .launched, .intercepted]
        var out: [EventReport] = []
        for i in 0..<14 {
            let q = quantities[i % quantities.count]
            let weapon: WeaponClass? = q.isCasualty ? nil : (i % 3 == 0 ? .drone : .missile)
            let place = [nil, "Odesa", "Odesa Oblast", "Kyiv", "Ukraine"][i % 5]
            let figures = [figure(q, 3 + (i * 7) % 11, weapon, place: place, claimant: claimants[i % claimants.count]),
                           figure(.killed, 1 + i / 3, place: "Odesa", claimant: claimants[(i + 2) % claimants.count])]
            let event = Event(date: i % 4 == 3 ? nil : Day(i % 3 == 0 ? "2025-03-02" : "2025-03-01"),
                              attacker: i % 5 == 4 ? nil : .russia, places: places[i % places.count],
                              targets: i % 2 == 0 ? ["energy", "port"] : ["residential"], figures: figures)
            out.append(EventReport(document: "d\(i % 9)", ordinal: i / 9, published: Day(i % 2 == 0 ? "2025-03-02" : "2025-03-01"),
                                   sequence: i % 6, event: event))
        }
        return out
    }

    /// Everything the row shows, comparable.
    struct Row: Equatable {
        var date: Day?
        var attacker: Belligerent?
        var places: [String]
        var primary: String?
        var targets: [String]
        var weapons: Set<WeaponClass>
        var count: Int
        var summary: [FigureSummary]

        init(_ d: EventDigest) {
            date = d.date
            attacker = d.attacker
            places = d.places.map(\.name)
            primary = d.primaryPlace?.name
            targets = d.targets
            weapons = d.weapons
            count = d.reportCount
            summary = HeadlineRule().summarize(d)
        }
    }

    @Test("the same row whatever order the reports are folded in")
    func orderIndependent() {
        let all = reports()
        let reference = Row(EventDigest(all))
        #expect(reference.count == all.count)
        #expect(!reference.summary.isEmpty)
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<20 {
            #expect(Row(EventDigest(all.shuffled(using: &rng))) == reference)
        }
    }

    @Test("places in order of first mention by report time, the earliest mention's place kept")
    func firstMention() {
        let later = EventReport(document: "b", ordinal: 0, published: Day("2025-03-03"), sequence: 2,
                                event: Event(date: Day("2025-03-02"), attacker: .russia, places: [Places.kyiv, Places.odesa], figures: []))
        let earlier = EventReport(document: "a", ordinal: 0, published: Day("2025-03-02"), sequence: 5,
                                  event: Event(date: Day("2025-03-02"), attacker: .russia, places: [Places.odesa], targets: ["port"], figures: []))
        var d = EventDigest()
        d.add(later)
        d.add(earlier)
        #expect(d.places.map(\.name) == ["Odesa", "Kyiv"])
        #expect(d.primaryPlace?.name == "Odesa")
        #expect(d.targets == ["port"])
    }

    @Test("the index keeps each event's digest equal to one folded afresh as reports join, move and leave")
    func incremental() throws {
        var index = ReportIndex()
        let all = reports()
        for (i, r) in all.enumerated() { index.insert(r, event: i % 3 == 0 ? "e1" : "e2") }
        func check() {
            for id in index.eventIDs {
                let fresh = EventDigest(index.cluster(id)!.reports)
                #expect(Row(index.digest(id)!) == Row(fresh), "event \(id)")
            }
        }
        check()
        for r in all.prefix(5) { index.assign(r.key, to: "e3") }
        check()
        for r in all.suffix(4) { index.remove(r.key) }
        check()
        index.insert(all[all.count - 1], event: "e1")
        check()
    }
}
