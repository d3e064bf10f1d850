import SalvoExtract
import SalvoModel
import Testing

/// `scripts/fuzz --slow extract` (Fuzz/README.md) found one long sentence of number and trigger words
/// cubic in its length: every number looked for a clause break between itself and every trigger by
/// walking the tokens in between. The breaks are now counted once per document; this checks
/// that they still part each count from the trigger of the next clause. (Input: Fuzz/Known/slow/.)
@Suite struct FigureFinderClauseBreakTests {
    @Test func clauseBreaksStillPartCountsFromFarTriggers() {
        let text = "Overnight, Russia launched 50 drones; air defence shot down 40 of them, the Air Force said."
        let figures = Extractor(places: nil).extract(Document(id: "a", published: Day("2024-11-17"), text: text))
            .events.flatMap(\.figures).map { "\($0.quantity.rawValue) \($0.value)" }
        #expect(figures.contains("launched 50"))
        #expect(figures.contains("intercepted 40"))
    }
}
