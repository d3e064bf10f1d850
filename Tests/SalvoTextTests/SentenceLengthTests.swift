import SalvoModel
import SalvoText
import Testing

/// A run of text without a stop is cut into sentences of bounded length, so that the work done per
/// sentence downstream stays bounded whatever the input.
@Suite struct SentenceLengthTests {
    @Test func aLongRunWithoutStopsIsCut() {
        let item = "12 drones over the region, and 3 missiles"
        let text = Array(repeating: item, count: 2_000).joined(separator: " ")
        let a = TextAnalysis(text: text, language: "en", published: Day("2024-11-17"))
        #expect(a.sentences.count > a.tokens.count / SentenceSplitter.maxTokens)
        #expect(a.sentences.allSatisfy { $0.tokens.count <= SentenceSplitter.maxTokens })
        // Every token stays in some sentence, in order.
        for (s, t) in zip(a.sentences, a.sentences.dropFirst()) { #expect(s.tokens.upperBound <= t.tokens.lowerBound) }
        #expect(a.sentences.last?.tokens.upperBound == a.tokens.count)
    }

    @Test func ordinarySentencesAreNotCut() {
        let a = TextAnalysis(text: "Russia launched 50 drones overnight, the air force said. Air defence shot down 40.", language: "en",
                             published: Day("2024-11-17"))
        #expect(a.sentences.count == 2)
    }
}
