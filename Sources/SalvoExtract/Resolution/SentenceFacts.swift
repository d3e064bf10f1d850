import SalvoText

/// What attribution needs to know about one sentence — its hits, places, and the claimants in it —
/// worked out once, since every figure of a sentence and of its neighbours asks again.
final class SentenceFacts {
    /// A class: each resolver asks for the facts of a sentence and its neighbours several times per
    /// figure, and handing out one reference is cheaper than copying two slices and two arrays.
    final class Facts {
        let hits: ArraySlice<AnnotatedHit>
        let places: ArraySlice<PlaceOccurrence>
        /// Claimants beside a verb of saying.
        let speaking: [AnnotatedHit]
        /// Claimants that are not merely actors (air defence shooting).
        let claimants: [AnnotatedHit]
        /// The sentence ends with a colon: what follows is its speaker's statement.
        let introducesStatement: Bool

        init(hits: ArraySlice<AnnotatedHit>, places: ArraySlice<PlaceOccurrence>, speaking: [AnnotatedHit],
             claimants: [AnnotatedHit], introducesStatement: Bool) {
            self.hits = hits
            self.places = places
            self.speaking = speaking
            self.claimants = claimants
            self.introducesStatement = introducesStatement
        }
    }

    private let analysis: TextAnalysis
    private let data: ResolutionData
    /// Unchecked: the table is read or written in one step, never across a call, so the runtime's
    /// exclusivity check (a fifth of a lookup's cost) guards nothing.
    @exclusivity(unchecked) private var known: [Facts?]

    init(analysis: TextAnalysis, data: ResolutionData) {
        self.analysis = analysis
        self.data = data
        known = Array(repeating: nil, count: analysis.sentences.count)
    }

    subscript(sentence: Int) -> Facts {
        if let f = known[sentence] { return f }
        let s = analysis.sentences[sentence]
        let hits = analysis.hits(in: s)
        let speaking = Attribution.speakingClaimants(in: hits)
        var lastPunct = s.tokens.upperBound - 1
        while lastPunct > s.tokens.lowerBound && analysis.tokens[lastPunct].kind == .punct
            && analysis.folded.bytes[analysis.tokens[lastPunct].start] != 0x3A { lastPunct -= 1 }
        let colon = lastPunct >= s.tokens.lowerBound && analysis.tokens[lastPunct].kind == .punct
            && analysis.folded.bytes[analysis.tokens[lastPunct].start] == 0x3A
            && s.tokens.upperBound - lastPunct <= 3
        let f = Facts(hits: hits, places: analysis.places(in: s), speaking: speaking,
                      claimants: hits.filter { h in
                          h.hit.has(.claimant) && (data.scope(ofRole: h.hit.first(.claimant)?.extra) != .actor
                              || speaking.contains { $0.tokens == h.tokens })
                      },
                      introducesStatement: colon)
        known[sentence] = f
        return f
    }
}
