import SalvoModel
import Testing
@testable import SalvoText

/// The hits of a token: one for a plain word, one per joined term for a compound.
@Suite struct TokenHitsTests {
    @Test func compoundTokenHoldsTheHitsOfItsParts() {
        let a = TextAnalysis(text: "Vier Kalibr-Raketen trafen das Ziel.", language: "de", published: nil)
        guard let k = a.tokens.indices.first(where: { a.originalText($0..<$0 + 1).hasPrefix("Kalibr") }) else {
            Issue.record("no token for the compound")
            return
        }
        let parts = a.hitAt.all(at: k).compactMap { $0.hit.first(.weapon) }
        #expect(parts.map(\.extra) == ["Kalibr", nil])
        // The lookup by token still answers with the last of them.
        #expect(a.hitAt[k]?.hit.first(.weapon)?.extra == nil)
    }

    @Test func plainWordHasOneHitAndAWordWithoutAnyHasNone() {
        let a = TextAnalysis(text: "Vier Raketen trafen den Blumenkohl.", language: "de", published: nil)
        let k = a.tokens.indices.first { a.originalText($0..<$0 + 1) == "Raketen" }!
        #expect(a.hitAt.all(at: k).count == 1)
        let z = a.tokens.indices.first { a.originalText($0..<$0 + 1) == "Blumenkohl" }!
        #expect(a.hitAt.all(at: z).isEmpty)
        #expect(a.hitAt.all(at: -1).isEmpty)
        #expect(a.hitAt.all(at: a.tokens.count + 5).isEmpty)
    }
}
