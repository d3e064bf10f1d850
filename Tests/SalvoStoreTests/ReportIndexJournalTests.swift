import SalvoModel
import Testing
@testable import SalvoStore

/// A writer whose transaction fails undoes what its resolver did to the cached index: the index
/// afterwards holds the same reports, in the same events, with the same event rows.
@Suite("Report index journal")
struct ReportIndexJournalTests {
    func report(_ document: String, _ ordinal: Int, day: String, killed: Int, place: Place) -> EventReport {
        let event = Event(date: Day(day), attacker: .russia, places: [place], targets: ["energy"],
                          figures: [figure(.killed, killed, place: place.name, claimant: .ukraine),
                                    figure(.launched, 40 + killed, .drone, claimant: .ukraine)])
        return EventReport(document: document, ordinal: ordinal, published: Day(day), sequence: killed, event: event)
    }

    /// What the index holds, comparable: each report's event and each event's row.
    func contents(_ index: inout ReportIndex) -> [String: String] {
        var out: [String: String] = [:]
        for (key, r) in index.reports {
            out["\(key.document)#\(key.ordinal)"] = "\(index.placement[key]?.event ?? "-") \(r.event.figures.map(\.value))"
        }
        for id in index.events.keys {
            let d = index.digest(id)!
            out["event " + id] = "\(d.reportCount) \(d.places.map(\.name)) \(HeadlineRule().summarize(d).map(\.headline))"
        }
        return out
    }

    @Test("rolling back inserts, moves, replacements and removals restores the index")
    func rollBackRestores() {
        var index = ReportIndex()
        index.insert(report("a", 0, day: "2025-03-01", killed: 3, place: Places.odesa), event: "1")
        index.insert(report("b", 0, day: "2025-03-01", killed: 3, place: Places.odesa), event: "1")
        index.insert(report("c", 0, day: "2025-03-02", killed: 2, place: Places.kyiv), event: "2")
        let before = contents(&index)

        index.beginJournal()
        index.insert(report("d", 0, day: "2025-03-01", killed: 5, place: Places.odesa), event: "1")
        index.assign(ReportKey(document: "b", ordinal: 0), to: "2")
        index.insert(report("a", 0, day: "2025-03-01", killed: 7, place: Places.odesa), event: "3")
        index.remove(ReportKey(document: "c", ordinal: 0))
        index.insert(report("c", 0, day: "2025-03-02", killed: 9, place: Places.kyiv), event: nil)
        #expect(contents(&index) != before)
        index.rollBack()
        #expect(contents(&index) == before)

        // Kept changes stay, and a later roll-back without a journal changes nothing.
        index.beginJournal()
        index.insert(report("e", 0, day: "2025-03-02", killed: 1, place: Places.kyiv), event: "2")
        index.commitJournal()
        let kept = contents(&index)
        #expect(kept["e#0"] == "2 [1, 41]")
        index.rollBack()
        #expect(contents(&index) == kept)
    }
}
