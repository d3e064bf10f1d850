/// Text that was UTF-8, read as a single-byte charset and written out as UTF-8 again: "zerst√∂rt"
/// (Mac Roman), "zerstÃ¶rt" (Windows-1252), "РљРёС—РІ" (Windows-1251). Scraped pages and feeds
/// carry it; every lexicon word with a non-ASCII letter is lost in it. `repaired` maps each run of
/// non-ASCII characters back to the bytes the wrong charset read, and keeps the run read as UTF-8
/// when those bytes are valid UTF-8 — which text that was right to begin with almost never is.
///
/// ```swift
/// Mojibake.repaired("Die Flugabwehr habe sieben Raketen zerst√∂rt, √ºber Lwiw.")  // "… zerstört, über Lwiw."
/// ```
enum Mojibake {
    /// How many telltale byte pairs a text needs before it is repaired at all.
    static let minimumMarks = 3

    /// The repaired text, or `nil` when the text shows no double encoding.
    static func repaired(_ text: String) -> String? {
        var copy = text
        guard let charset = copy.withUTF8({ likelyCharset(in: $0) }) else { return nil }
        let reverse = reverseTable(charset)
        var out = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        var repairedRuns = 0
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard !run.isEmpty else { return }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(run.count)
            for s in run {
                guard let b = reverse[s.value] else { out.append(contentsOf: run); return }
                bytes.append(b)
            }
            if let fixed = String(validating: bytes, as: UTF8.self), fixed.unicodeScalars.count < run.count {
                out.append(contentsOf: fixed.unicodeScalars)
                repairedRuns += 1
            } else {
                out.append(contentsOf: run)
            }
        }
        for s in text.unicodeScalars {
            if s.value < 0x80 {
                flush()
                out.append(s)
            } else {
                run.append(s)
            }
        }
        flush()
        return repairedRuns >= minimumMarks ? String(out) : nil
    }

    /// The charset whose telltale pairs the UTF-8 bytes show at least `minimumMarks` times: a lead
    /// byte of a two-byte sequence as that charset shows it, followed by a continuation byte as it
    /// shows it. One pass, no allocation: most texts are done here. `b` must be valid UTF-8 (it is a
    /// String's), which lets the scan step over whole scalars.
    static func likelyCharset(in b: UnsafeBufferPointer<UInt8>) -> Charset? {
        var marks: [Charset: Int] = [:]
        var i = 0
        let n = b.count
        while i + 2 < n {
            // Every mark starts with C3, E2 or D0, so other bytes are passed without looking further:
            // ASCII eight bytes at a time where it runs on, and a two-byte letter (Cyrillic with D1,
            // Latin-1 …) whole, since the text is valid UTF-8 and its continuation byte starts nothing.
            let x = b[i]
            if x < 0x80 {
                i += i + 8 <= n && isASCII(b, at: i) ? 8 : 1
                continue
            }
            if x != 0xC3 && x != 0xD0 && x != 0xE2 {
                i += x >= 0xC0 && x < 0xE0 ? 2 : 1
                continue
            }
            let y = b[i + 1], z = b[i + 2]
            if x == 0xC3 && y >= 0x82 && y <= 0x9F && (z == 0xC2 || z == 0xC5 || z == 0xC6 || z == 0xCB || z == 0xE2) {
                // "Ã¶", "Ð¾": U+00C2…U+00DF, then a Windows-1252 upper-half character.
                marks[.windows1252, default: 0] += 1
                i += 2
            } else if x == 0xE2 && (y == 0x88 || y == 0x80) && z == 0x9A {
                // "√∂", "‚Äú": the Mac Roman faces of the lead bytes C3 and E2.
                marks[.macRoman, default: 0] += 1
                i += 3
            } else if x == 0xE2 && y == 0x80 && (z == 0x93 || z == 0x94), i + 3 < n, b[i + 3] >= 0x80 {
                // "–£", "—Ç": the Mac Roman faces of D0 and D1 (Cyrillic), right before another non-ASCII character.
                marks[.macRoman, default: 0] += 1
                i += 3
            } else if x == 0xD0 && (y == 0xA0 || y == 0xA1 || y == 0x92 || y == 0x93), i + 3 < n,
                      z == 0xC2 || z == 0xE2 || (z == 0xD0 && b[i + 3] <= 0x8F) || (z == 0xD1 && b[i + 3] >= 0x90 && b[i + 3] <= 0x9F) {
                // "Рѕ", "С‚", "Гј": Р, С, В or Г (the faces of D0, D1, C2, C3), then a sign or a non-Russian letter.
                marks[.windows1251, default: 0] += 1
                i += 2
            } else {
                // No mark: the lead byte's continuation bytes start none either.
                i += x == 0xE2 ? 3 : 2
            }
        }
        guard let best = marks.max(by: { $0.value < $1.value }), best.value >= minimumMarks else { return nil }
        return best.key
    }

    /// Whether the eight bytes at `i` are all ASCII.
    @inline(__always)
    private static func isASCII(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    }

    /// Unicode scalar → the byte `charset` shows as it.
    private static func reverseTable(_ charset: Charset) -> [UInt32: UInt8] {
        var out: [UInt32: UInt8] = [:]
        for b in 0x80...0xFF {
            let s = charset.upperHalf[b - 0x80]
            // A byte the charset leaves undefined shows as its C1 control on the web (WHATWG).
            out[s != 0xFFFD ? UInt32(s) : UInt32(b)] = UInt8(b)
        }
        return out
    }
}
