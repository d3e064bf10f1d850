import Foundation
import SalvoModel

extension JSONRecordParser {
    /// The JSON string at `i` (on its opening quote), unescaped; `nil` if malformed or not valid UTF-8.
    ///
    /// ```swift
    /// var i = 0
    /// parser.string(bytes(#""Ж\u0416""#), &i)   // "ЖЖ", i == 10
    /// ```
    mutating func string(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String? {
        withString(b, &i, Self.validString) ?? nil
    }

    /// The bytes as a String if they are valid UTF-8. Decoding repairs bad bytes into U+FFFD, so a
    /// copy that differs from the input means it was not valid; both steps are cheaper than
    /// `String(validating:)`, whose generic path shows in profiles.
    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: bytes, as: UTF8.self)
        let same = s.withUTF8 { $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
        return same ? s : nil
    }

    /// Calls `body` with the unescaped bytes of the JSON string at `i` (on its opening quote), not yet
    /// checked to be UTF-8, and leaves `i` after the closing quote; `nil` if the string is malformed.
    /// A string without escapes is passed where it lies in `b`; others are unescaped into `scratch`
    /// run by run, since article texts are long runs between a few `\n` and `\"`.
    mutating func withString<R>(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let n = b.count
        guard i < n, b[i] == 0x22 else { return nil }
        i += 1
        var runStart = i
        i = JSONScan.plainRunEnd(b, from: i)
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
                guard let u = Self.escapedScalar(b, &i) else { return nil }
                UTF8.encode(u) { scratch.append($0) }
            default:
                return nil
            }
            runStart = i
            i = JSONScan.plainRunEnd(b, from: i)
        }
        return nil
    }

    /// The scalar of a `\uXXXX` escape whose hex digits start at `i`, joining a surrogate pair
    /// (`\uD83D\uDE00`); `nil` for bad digits. A lone surrogate is valid JSON but no character: it
    /// becomes U+FFFD, as a stray byte does, rather than costing the record.
    static func escapedScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Unicode.Scalar? {
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
