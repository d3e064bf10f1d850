/// Whether `needle` occurs in `haystack`: a plain loop, for the short strings of lexicon roles and
/// terms, where the generic collection search costs more than the work it serves.
@inlinable
public func bytes<H: Collection, N: Collection>(_ haystack: H, contain needle: N) -> Bool
where H.Element == UInt8, N.Element == UInt8 {
    let h = Array(haystack), n = Array(needle)
    guard !n.isEmpty else { return true }
    guard h.count >= n.count else { return false }
    outer: for i in 0...(h.count - n.count) {
        for j in 0..<n.count where h[i + j] != n[j] { continue outer }
        return true
    }
    return false
}
