/// Whether `needle` occurs in `haystack`: a plain loop, for the short strings of lexicon roles and
/// terms, where the generic collection search costs more than the work it serves.
@inlinable
public func bytes<H: Collection, N: Collection>(_ haystack: H, contain needle: N) -> Bool
where H.Element == UInt8, N.Element == UInt8 {
    guard let first = needle.first else { return true }
    var start = haystack.startIndex
    while let i = haystack[start...].firstIndex(of: first) {
        if haystack[i...].starts(with: needle) { return true }
        start = haystack.index(after: i)
    }
    return false
}
