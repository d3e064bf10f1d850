import SalvoModel
import Testing
@testable import SalvoText

/// Shapes `scripts/fuzz numbers|dates|extract` trapped on before numbers were overflow-checked
/// (inputs in Fuzz/Known/; these are written for the test): digit groups joined by bytes the folding
/// turns into spaces, and runs of digits built by repetition. None may trap, and no count may pass
/// `NumberMention.largestCount`.
@Suite struct NumberReaderFuzzTests {
    func checked(_ text: String, _ lang: String?) -> [NumberMention] {
        let a = TextAnalysis(text: text, language: lang, published: Day("2024-11-17"))
        #expect(a.numbers.allSatisfy { $0.kind != .count || $0.value <= NumberMention.largestCount })
        #expect(a.numbers.allSatisfy { $0.tokens.upperBound <= a.tokens.count })
        return a.numbers
    }

    @Test func groupsJoinedByControlBytes() {
        let n = checked("Sie meldeten 1.234.23477\u{0}777\u{0}777\u{0}777 Drohnen.", "de")
        #expect(!n.isEmpty)
        let formFeeds = String(repeating: "1" + String(repeating: "\u{0C}", count: 19) + "00", count: 64)
        _ = checked(formFeeds, nil)
    }

    @Test func repeatedShortNumbersJoinIntoLongRuns() {
        _ = checked(String(repeating: "7777 ", count: 40) + "drones", "en")
        _ = checked("Es waren 2," + String(repeating: "8", count: 40) + " Millionen Drohnen.", "de")
        for lang in ["en", "de", "uk", "ru"] {
            _ = checked(String(repeating: "1 000 ", count: 30) + "000", lang)
        }
    }
}
