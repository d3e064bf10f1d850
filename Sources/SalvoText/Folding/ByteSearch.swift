/// Whether `needle` occurs in `haystack`: a plain loop over contiguous bytes, for the short strings
/// of lexicon roles and terms, where the generic collection search costs more than the work it serves.
@inlinable
public func bytes<H: Collection, N: Collection>(_ haystack: H, contain needle: N) -> Bool
where H.Element == UInt8, N.Element == UInt8 {
    if let found = haystack.withContiguousStorageIfAvailable({ h in
        needle.withContiguousStorageIfAvailable { n in bytes(h, contain: n) }
    }), let found { return found }
    return bytes(Array(haystack), contain: Array(needle))
}

@inlinable
public func bytes(_ h: UnsafeBufferPointer<UInt8>, contain n: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !n.isEmpty else { return true }
    guard n.count <= h.count else { return false }
    let first = n[0]
    var i = 0
    let last = h.count - n.count
    while i <= last {
        if h[i] == first {
            var k = 1
            while k < n.count && h[i + k] == n[k] { k += 1 }
            if k == n.count { return true }
        }
        i += 1
    }
    return false
}

@inlinable
public func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in bytes(h, contain: n) } }
}
