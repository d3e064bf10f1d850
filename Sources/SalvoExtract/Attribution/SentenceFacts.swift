import SalvoText

/// What attribution needs to know about one sentence — its hits, places, and the claimants in it —
/// worked out once, since every figure of a sentence and of its neighbours asks again.
final class SentenceFacts {
    struct Facts {
        let hits: ArraySlice<AnnotatedHit>
        let places: ArraySlice<PlaceOccurrence>
        /// Claimants beside a verb of saying.
        let speaking: [AnnotatedHit]
        /// Claimants that are not merely actors (air defence shooting).
        let claimants: [AnnotatedHit]
    }

    private let analysis: TextAnalysis
    private var known: [Facts?]

    init(analysis: TextAnalysis) {
        self.analysis = analysis
        known = Array(repeating: nil, count: analysis.sentences.count)
    }

    subscript(sentence: Int) -> Facts {
        if let f = known[sentence] { return f }
        let s = analysis.sentences[sentence]
        let hits = analysis.hits(in: s)
        let f = Facts(hits: hits, places: analysis.places(in: s),
                      speaking: Attribution.speakingClaimants(in: hits),
                      claimants: hits.filter { $0.hit.has(.claimant) && !Attribution.isActor($0, in: analysis) })
        known[sentence] = f
        return f
    }
}
