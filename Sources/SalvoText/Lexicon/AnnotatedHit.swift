/// A lexicon hit placed on the token sequence.
public struct AnnotatedHit: Sendable {
    public var hit: LexiconHit
    /// Token index range covered by the hit.
    public var tokens: Range<Int>
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
