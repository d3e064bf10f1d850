/// A lexicon hit placed on the token sequence.
public struct AnnotatedHit: Sendable {
    public var hit: LexiconHit
    /// Token index range covered by the hit.
    public var tokens: Range<Int>
}

/// The hits of a document looked up by their first token, in constant time.
public struct TokenHits: Sendable {
    public let hits: [AnnotatedHit]
    private let index: [Int32]

    public init(hits: [AnnotatedHit], tokenCount: Int) {
        self.hits = hits
        var idx = [Int32](repeating: -1, count: tokenCount + 1)
        for (i, h) in hits.enumerated() where h.tokens.lowerBound < idx.count { idx[h.tokens.lowerBound] = Int32(i) }
        index = idx
    }

    /// The hit starting at token `k`, if any.
    @inline(__always)
    public subscript(k: Int) -> AnnotatedHit? {
        guard k >= 0 && k < index.count else { return nil }
        let i = index[k]
        return i < 0 ? nil : hits[Int(i)]
    }

    /// Every hit starting at token `k`, in text order; the last is `self[k]`. More than one where a
    /// compound joins terms in one token: "Kalibr-Raketen", "Storm-Shadow-Marschflugkörper".
    package func all(at k: Int) -> ArraySlice<AnnotatedHit> {
        guard k >= 0 && k < index.count, index[k] >= 0 else { return [] }
        let last = Int(index[k])
        var first = last
        while first > 0 && hits[first - 1].tokens.lowerBound == k { first -= 1 }
        return hits[first...last]
    }
}

extension Array where Element == Token {
    /// Index of the token containing or starting after folded offset `offset`.
    public func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if self[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
