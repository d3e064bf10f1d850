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

    /// Calls `body` with the unescaped bytes of the JSON string at `i` (on its opening quote), not yet
    /// checked to be UTF-8, and leaves `i` after the closing quote; `nil` if the string is malformed.
    /// A string without escapes is passed where it lies in `b`; others are unescaped into `scratch`
    /// run by run, since article texts are long runs between a few `\n` and `\"`.
    ///
    /// ```swift
    /// var i = 0, scratch: [UInt8] = []
    /// JSONScan.withString(bytes, &i, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
    /// ```
    @inlinable
    package static func withString<R>(
        _ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R? {
        let n = b.count
        guard i < n, b[i] == 0x22 else { return nil }
        i += 1
        var runStart = i
        i = plainRunEnd(b, from: i)
        guard i < n else { return nil }
        if b[i] == 0x22 {
            defer { i += 1 }
            return body(UnsafeBufferPointer(rebasing: b[runStart..<i]))
        }
        scratch.removeAll(keepingCapacity: true)
        while i < n {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i]))
            let c = b[i]
            if c == 0x22 {
                i += 1
                return scratch.withUnsafeBufferPointer(body)
            }
            guard c == 0x5C, i + 1 < n else { return nil }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x22, 0x5C, 0x2F: scratch.append(e)
            case 0x62: scratch.append(0x08)
            case 0x66: scratch.append(0x0C)
            case 0x6E: scratch.append(0x0A)
            case 0x72: scratch.append(0x0D)
            case 0x74: scratch.append(0x09)
            case 0x75:
                guard let u = escapedScalar(b, &i) else { return nil }
                UTF8.encode(u) { scratch.append($0) }
            default:
                return nil
            }
            runStart = i
            i = plainRunEnd(b, from: i)
        }
        return nil
    }

    /// The scalar of a `\uXXXX` escape whose hex digits start at `i`, joining a surrogate pair
    /// (`\uD83D\uDE00`); `nil` for bad digits. A lone surrogate is valid JSON but no character: it
    /// becomes U+FFFD, as a stray byte does, rather than costing the record.
    @usableFromInline
    package static func escapedScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Unicode.Scalar? {
        guard var scalar = hex4(b, i) else { return nil }
        i += 4
        if (0xD800...0xDBFF).contains(scalar) {
            guard i + 6 <= b.count, b[i] == 0x5C, b[i + 1] == 0x75, let low = hex4(b, i + 2), (0xDC00...0xDFFF).contains(low) else {
                return "\u{FFFD}"
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            i += 6
        }
        return Unicode.Scalar(scalar) ?? "\u{FFFD}"
    }

    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32? {
        guard i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = b[k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }
}
