/// Finds the bytes a JSON string cannot hold as they are — `"`, `\` and control bytes below 0x20 —
/// eight bytes at a time. Article texts are long runs of plain bytes between a few such bytes, and
/// both reading records and writing the contract spend most of their time walking those runs.
///
/// ```swift
/// let line = Array(#"Drones hit \"Odesa\""#.utf8)
/// line.withUnsafeBufferPointer { JSONScan.plainRunEnd($0, from: 0) }   // 11, the backslash
/// ```
public enum JSONScan {
    /// The index of the first byte at or after `from` that must be escaped, or `b.count`.
    @inlinable
    public static func plainRunEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = b.count
        var i = from
        if let base = b.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= n {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // Classic "has a zero byte" tests; borrows can only flag bytes above a real match,
                // so any flag means a special byte somewhere in these eight, found below one by one.
                let quote = v ^ (ones &* 0x22), backslash = v ^ (ones &* 0x5C)
                let flags = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((v &- ones &* 0x20) & ~v)
                if flags & highs != 0 { break }
                i += 8
            }
        }
        while i < n {
            let c = b[i]
            if c < 0x20 || c == 0x22 || c == 0x5C { return i }
            i += 1
        }
        return n
    }
}
