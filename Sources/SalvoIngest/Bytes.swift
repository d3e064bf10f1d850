import Foundation

/// Small helpers for work on UTF-8 bytes, where `String` methods would be slow.
enum Bytes {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    /// True if `needle` (lowercase ASCII) occurs in `haystack`, ignoring ASCII case.
    static func contains<H: Collection>(_ haystack: H, _ needle: [UInt8]) -> Bool where H.Element == UInt8, H.Index == Int {
        let n = haystack.count, m = needle.count
        guard m > 0, n >= m else { return m == 0 }
        let base = haystack.startIndex
        let first = needle[0]
        var i = 0
        while i <= n - m {
            if lower(haystack[base + i]) == first {
                var j = 1
                while j < m && lower(haystack[base + i + j]) == needle[j] { j += 1 }
                if j == m { return true }
            }
            i += 1
        }
        return false
    }

    /// The index of `needle` (lowercase ASCII) in `haystack` from `from`, ignoring ASCII case.
    static func find(_ haystack: [UInt8], _ needle: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
        let end = min(to ?? haystack.count, haystack.count)
        let m = needle.count
        guard m > 0, end - from >= m else { return nil }
        var i = from
        while i <= end - m {
            if lower(haystack[i]) == needle[0] {
                var j = 1
                while j < m && lower(haystack[i + j]) == needle[j] { j += 1 }
                if j == m { return i }
            }
            i += 1
        }
        return nil
    }

    /// Number of Unicode scalars that are not white space (a length that treats Cyrillic like Latin).
    @inline(__always) static func visibleLength<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var n = 0
        for b in bytes where (b & 0xC0) != 0x80 && !isSpace(b) { n += 1 }
        return n
    }

    /// Collapses runs of white space (including no-break space) into one space and trims the ends.
    static func collapseSpaces(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        var prev: UInt8 = 0
        for b in s.utf8 {
            if isSpace(b) {
                pendingSpace = true
            } else if prev == 0xC2 && b == 0xA0 {
                out.removeLast()
                if out.last == 0x20 { out.removeLast() }
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            }
            prev = b
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The index of the next newline at or after `from`, or `b.count`.
    static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = b.baseAddress, from < b.count, let nl = memchr(base + from, 0x0A, b.count - from) else { return b.count }
        return base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
    }
}
