import Foundation
import SalvoModel
import Testing
@testable import SalvoStore

@Suite("Headline figures and conflicts")
struct HeadlineRuleTests {
    func cluster(_ reports: [(String, String, [Figure])], attacker: Belligerent = .russia, places: [Place] = [Places.ukraine]) -> EventCluster {
        EventCluster(id: "1", reports: reports.enumerated().map { i, r in
            EventReport(document: r.0, ordinal: 0, published: Day(r.1), sequence: i + 1,
                        event: Event(date: Day("2025-02-01"), attacker: attacker, places: places, figures: r.2))
        })
    }

    @Test("the latest figure of the side that counts wins over outlets and the other side")
    func latestOfficial() throws {
        let c = cluster([
            ("early", "2025-02-01", [figure(.killed, 2, claimant: .ukraine)]),
            ("outlet", "2025-02-03", [figure(.killed, 9, claimant: .media)]),
            ("later", "2025-02-02", [figure(.killed, 5, claimant: .ukraine)]),
            ("moscow", "2025-02-03", [figure(.killed, 0, claimant: .russia)]),
        ])
        let killed = try #require(HeadlineRule().summarize(c).first { $0.quantity == .killed })
        #expect(killed.headline == 5)
        #expect(killed.headlineClaimant == .ukraine)
        #expect(killed.minimum == 0 && killed.maximum == 9)
        #expect(killed.conflict)
    }

    @Test("for a Ukrainian attack the Russian ministry counts interceptions")
    func russianCounts() throws {
        let c = cluster([
            ("kyiv-claim", "2025-02-01", [figure(.intercepted, 30, .drone, claimant: .ukraine)]),
            ("mod", "2025-02-01", [figure(.intercepted, 41, .drone, claimant: .russia)]),
        ], attacker: .ukraine, places: [Places.russia])
        let s = try #require(HeadlineRule().summarize(c).first)
        #expect(s.headline == 41 && s.headlineClaimant == .russia && s.conflict)
    }

    @Test("without a nationwide total, casualties add up over places")
    func partsAddUp() throws {
        let places = [Places.kyiv, Places.odesa, Places.odesaOblast]
        let c = cluster([
            ("a", "2025-02-01", [figure(.killed, 3, place: "Kyiv"), figure(.killed, 1, place: "Odesa")]),
            ("b", "2025-02-01", [figure(.killed, 2, place: "Odesa Oblast")]),
        ], places: places)
        let killed = try #require(HeadlineRule().summarize(c).first { $0.quantity == .killed })
        // Odesa lies in Odesa Oblast, which has its own figure: 3 + 2.
        #expect(killed.headline == 5)
        #expect(!killed.conflict)
    }

    @Test("a nationwide total wins over the parts")
    func totalWins() throws {
        let c = cluster([("a", "2025-02-01", [figure(.killed, 3, place: "Kyiv"), figure(.killed, 8, place: "Ukraine")])],
                        places: [Places.ukraine, Places.kyiv])
        #expect(HeadlineRule().summarize(c).first?.headline == 8)
    }
}
