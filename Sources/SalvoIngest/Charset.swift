/// The character sets Salvo reads web pages and feeds in; everything leaves as UTF-8.
///
/// ```swift
/// let cs = Charset.detect(bytes, contentType: "text/html; charset=windows-1251")
/// let utf8 = cs.decodeToUTF8(bytes)
/// ```
public enum Charset: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1251 = "windows-1251"
    case koi8R = "koi8-r"
    case koi8U = "koi8-u"
    case iso88591 = "iso-8859-1"
    case windows1252 = "windows-1252"
    case iso885915 = "iso-8859-15"
    case macRoman = "macintosh"

    /// Maps a charset label (`cp1251`, `KOI8-R`, `latin1`, ...) to a charset, or nil if unsupported.
    public init?(label: some StringProtocol) {
        var l = ""
        for c in label.lowercased() where c != "\"" && c != "'" && c != " " { l.append(c) }
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
        case "windows-1251", "cp1251", "x-cp1251", "win-1251", "windows1251": self = .windows1251
        case "koi8-r", "koi8r", "koi8", "cskoi8r": self = .koi8R
        case "koi8-u", "koi8u", "koi8-ru": self = .koi8U
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "us-ascii", "ascii": self = .iso88591
        case "windows-1252", "cp1252", "x-cp1252": self = .windows1252
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9", "l9", "iso_8859-15": self = .iso885915
        case "macintosh", "mac", "x-mac-roman", "macroman", "csmacintosh": self = .macRoman
        default: return nil
        }
    }

    /// The charset of `bytes`: a UTF-8 byte-order mark, then the HTTP header's `charset=`, then a
    /// `<meta charset>` or `<?xml encoding>` near the top, then the bytes themselves.
    public static func detect(_ bytes: [UInt8], contentType: String? = nil) -> Charset {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if let ct = contentType, let cs = declared(in: Array(ct.utf8), limit: ct.utf8.count) {
            return cs
        }
        if let cs = declared(in: bytes, limit: 8192) {
            // Pages that declare a single-byte charset but are valid (non-ASCII) UTF-8 were re-encoded on the way.
            if cs != .utf8 && hasMultibyteUTF8(bytes) && isValidUTF8(bytes) { return .utf8 }
            // And pages that say UTF-8 but are not: trust the bytes.
            // (One or two stray bytes in a page that says UTF-8 are damage, repaired as U+FFFD.)
            if cs == .utf8 && !isValidUTF8(bytes) && !isMostlyUTF8(bytes) && utf8Census(bytes).invalid > 2 { return sniff(bytes) }
            return cs
        }
        return sniff(bytes)
    }

    /// Guesses from the bytes: valid UTF-8, else Cyrillic (windows-1251 or KOI8-R by letter frequencies), else Latin-1.
    public static func sniff(_ bytes: [UInt8]) -> Charset {
        // A few damaged bytes in UTF-8 text are repaired (U+FFFD), not a reason to read it all as Latin-1.
        if isValidUTF8(bytes) || isMostlyUTF8(bytes) { return .utf8 }
        // The most frequent Russian/Ukrainian lowercase letters (о е а и н т с р в) in each charset.
        let cp1251: Set<UInt8> = [0xEE, 0xE5, 0xE0, 0xE8, 0xED, 0xF2, 0xF1, 0xF0, 0xE2, 0xB3]
        let koi: Set<UInt8> = [0xCF, 0xC5, 0xC1, 0xC9, 0xCE, 0xD4, 0xD3, 0xD2, 0xD7, 0xA6]
        var high = 0, a = 0, k = 0
        for b in bytes where b >= 0x80 {
            high += 1
            if cp1251.contains(b) { a += 1 }
            if koi.contains(b) { k += 1 }
        }
        guard high > 0 else { return .utf8 }
        // Cyrillic text is mostly high bytes, and the common letters make up about half of them.
        if max(a, k) * 4 >= high && high * 3 >= bytes.count / 4 {
            return a >= k ? .windows1251 : .koi8R
        }
        return .windows1252
    }

    static func hasMultibyteUTF8(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 >= 0xC2 } }

    /// UTF-8 validation with an ASCII fast path (eight bytes at a time): pages are mostly ASCII markup.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) == nil }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil if all are valid.
    static func firstInvalidUTF8(_ buf: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let n = buf.count
        var i = start
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let len = validSequenceLength(buf, at: i)
            if len == 0 { return i }
            i += len
        }
        return nil
    }

    /// The length of the valid UTF-8 sequence at `i`, 0 if none starts there.
    @inline(__always) static func validSequenceLength(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = buf[i]
        if b < 0x80 { return 1 }
        let len: Int
        if b >= 0xC2 && b <= 0xDF { len = 2 } else if b >= 0xE0 && b <= 0xEF { len = 3 } else if b >= 0xF0 && b <= 0xF4 { len = 4 } else { return 0 }
        guard i + len <= buf.count else { return 0 }
        for k in 1..<len where buf[i + k] & 0xC0 != 0x80 { return 0 }
        // Overlong three/four-byte forms, surrogates and values above U+10FFFF.
        let b1 = buf[i + 1]
        if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) || (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) {
            return 0
        }
        return len
    }

    /// Valid multi-byte sequences and invalid bytes: UTF-8 text with a few stray bytes has many of
    /// the first and few of the second; single-byte charsets have no valid sequences to speak of.
    static func utf8Census(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { buf in
            var multibyte = 0, invalid = 0, i = 0
            while let bad = firstInvalidUTF8(buf, from: i) {
                invalid += 1
                i = bad + 1
            }
            i = 0
            while i < buf.count {
                if buf[i] < 0x80 { i += 1; continue }
                let len = validSequenceLength(buf, at: i)
                if len > 1 { multibyte += 1; i += len } else { i += 1 }
            }
            return (multibyte, invalid)
        }
    }

    /// Mostly valid UTF-8: more valid multi-byte sequences than stray bytes.
    static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
        let census = utf8Census(bytes)
        return census.multibyte > 0 && census.invalid * 4 <= census.multibyte
    }

    /// Finds `charset=NAME` or `encoding="NAME"` in the first `limit` bytes.
    static func declared(in bytes: [UInt8], limit: Int) -> Charset? {
        let end = min(limit, bytes.count)
        for key in ["charset", "encoding"] {
            var from = 0
            while let at = Bytes.find(bytes, Array(key.utf8), from: from, to: end) {
                var i = at + key.utf8.count
                from = i
                while i < end && Bytes.isSpace(bytes[i]) { i += 1 }
                guard i < end && bytes[i] == 0x3D else { continue }  // '='
                i += 1
                while i < end && (Bytes.isSpace(bytes[i]) || bytes[i] == 0x22 || bytes[i] == 0x27) { i += 1 }
                var j = i
                while j < end, bytes[j] == 0x2D || bytes[j] == 0x5F || bytes[j] == 0x3A || (bytes[j] >= 0x30 && bytes[j] <= 0x39)
                    || (Bytes.lower(bytes[j]) >= 0x61 && Bytes.lower(bytes[j]) <= 0x7A) { j += 1 }
                guard j > i else { continue }
                if let cs = Charset(label: String(decoding: bytes[i..<j], as: UTF8.self)) { return cs }
            }
        }
        return nil
    }

    /// Decodes to UTF-8 bytes. Invalid UTF-8 becomes U+FFFD; a UTF-8 byte-order mark is dropped.
    public func decodeToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8:
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if Charset.isValidUTF8(Array(body)) { return Array(body) }
            return Array(String(decoding: body, as: UTF8.self).utf8)
        default:
            let high = upperHalf
            return Self.decodeSingleByte(bytes) { high[Int($0 - 0x80)] }
        }
    }

    /// What a single-byte charset maps bytes 0x80…0xFF to (0xFFFD where it leaves one undefined);
    /// empty for UTF-8.
    var upperHalf: [UInt16] {
        switch self {
        case .utf8: []
        case .iso88591: (0x80...0xFF).map { UInt16($0) }
        case .windows1251: Self.windows1251High
        case .koi8R: Self.koi8RHigh
        case .koi8U: Self.koi8UHigh
        case .windows1252: Self.windows1252High
        case .iso885915: Self.iso885915High
        case .macRoman: Self.macRomanHigh
        }
    }

    private static func decodeSingleByte(_ bytes: [UInt8], high: (UInt8) -> UInt16) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let u = high(b)
            if u < 0x800 {
                out.append(UInt8(0xC0 | (u >> 6)))
                out.append(UInt8(0x80 | (u & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (u >> 12)))
                out.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (u & 0x3F)))
            }
        }
        return out
    }
}

/// Invalid UTF-8 is read, not refused: each bad byte becomes U+FFFD and the caller warns once,
/// naming where the first one was.
enum UTF8Repair {
    /// The text, and the offset of its first invalid byte (nil when it was valid).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, firstInvalid: Int?) {
        guard let bad = Charset.firstInvalidUTF8(bytes) else { return (String(decoding: bytes, as: UTF8.self), nil) }
        return (String(decoding: bytes, as: UTF8.self), bad)
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> (text: String, firstInvalid: Int?) {
        bytes.withUnsafeBufferPointer { buf in
            let (text, bad) = decode(buf)
            return (text, bad.map { $0 + bytes.startIndex })
        }
    }

    static func message(at offset: Int) -> String { "invalid UTF-8 at byte \(offset) replaced by U+FFFD" }

    /// Text from UTF-16 with a byte-order mark (what some editors save), as UTF-8; nil without a BOM.
    static func fromUTF16(_ bytes: [UInt8]) -> [UInt8]? {
        let little: Bool
        if bytes.starts(with: [0xFF, 0xFE]) { little = true } else if bytes.starts(with: [0xFE, 0xFF]) { little = false } else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(little ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
