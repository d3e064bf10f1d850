/// A token of folded text: a word, a run of digits, one punctuation scalar, or a line break.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable, Equatable { case word, digits, punct, newline }
    public let kind: Kind
    // 32-bit offsets keep a token at 12 bytes: a document has a token every few bytes, and every
    // stage walks them.
    private let start32: UInt32
    private let end32: UInt32

    public init(kind: Kind, start: Int, end: Int) {
        self.kind = kind
        start32 = UInt32(truncatingIfNeeded: start)
        end32 = UInt32(truncatingIfNeeded: end)
    }

    /// Folded byte range.
    @inline(__always) public var start: Int { Int(start32) }
    @inline(__always) public var end: Int { Int(end32) }
    public var range: Range<Int> { start..<end }
}

/// Splits folded text into tokens in one byte loop.
public enum Tokenizer {
    public static func tokens(_ text: FoldedText) -> [Token] {
        text.bytes.withUnsafeBufferPointer { b in
            var out: [Token] = []
            out.reserveCapacity(b.count / 4)
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c == 0x20 { i += 1; continue }
                if c == 0x0A { out.append(Token(kind: .newline, start: i, end: i + 1)); i += 1; continue }
                if c >= 0x30 && c <= 0x39 {
                    var j = i + 1
                    while j < n && b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
                    // "Kh-101" style: digits glued to letters make one word.
                    if j < n && WordBoundary.isWordByte(b, j) && !(b[j] >= 0x30 && b[j] <= 0x39) {
                        j = wordEnd(b, j)
                        out.append(Token(kind: .word, start: i, end: j))
                    } else if j + 1 < n && b[j] == 0x2D && WordBoundary.isWordByte(b, j + 1) && !(b[j + 1] >= 0x30 && b[j + 1] <= 0x39)
                                && scalars(b, j + 1, wordEnd(b, j + 1)) > 3 {
                        // "22-летний", "10-year-old", "5-поверховий" describe something else; a short case
                        // ending ("15-ти") leaves the number standing.
                        j = wordEnd(b, j + 1)
                        out.append(Token(kind: .word, start: i, end: j))
                    } else {
                        out.append(Token(kind: .digits, start: i, end: j))
                    }
                    i = j
                    continue
                }
                if WordBoundary.isWordByte(b, i) {
                    let j = wordEnd(b, i)
                    out.append(Token(kind: .word, start: i, end: j))
                    i = j
                    continue
                }
                var j = i + 1
                while j < n && b[j] & 0xC0 == 0x80 { j += 1 }
                out.append(Token(kind: .punct, start: i, end: j))
                i = j
            }
            return out
        }
    }

    static func scalars(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var c = 0
        for k in from..<to where b[k] & 0xC0 != 0x80 { c += 1 }
        return c
    }

    /// A word runs over letters and digits, and over an apostrophe or hyphen between two of them
    /// (п'ять, Russia's, Kh-101, Shahed-Drohnen).
    @inline(__always)
    static func wordEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var j = start
        let n = b.count
        // Scalar by scalar: folded text is valid UTF-8, so a letter's lead byte (C3–D4) always has
        // its continuation byte, and the byte-wise look-back of `WordBoundary` is not needed.
        while j < n {
            let c = b[j]
            if c < 0x80 {
                if isAlphanumeric(c) { j += 1; continue }
                if (c == 0x27 || c == 0x2D) && j > start && j + 1 < n && startsLetter(b[j + 1]) {
                    j += 1
                    continue
                }
                break
            }
            if c >= 0xC3 && c <= 0xD4 { j += 2; continue }
            // A continuation byte right after the start belongs to a letter begun before it.
            if c < 0xC0 && WordBoundary.isWordByte(b, j) { j += 1; continue }
            break
        }
        return min(j, n)
    }

    @inline(__always)
    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c &- 0x61) < 26 || (c &- 0x30) < 10 || (c &- 0x41) < 26
    }

    /// Whether a scalar starting with byte `c` is a word character (the byte after an apostrophe
    /// or hyphen, which is always a scalar start).
    @inline(__always)
    private static func startsLetter(_ c: UInt8) -> Bool {
        c < 0x80 ? isAlphanumeric(c) : c >= 0xC3 && c <= 0xD4
    }
}
