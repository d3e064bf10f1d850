/// A token of folded text: a word, a run of digits, one punctuation scalar, or a line break.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable, Equatable { case word, digits, punct, newline }
    public let kind: Kind
    /// Whether an apostrophe or hyphen joins two parts of this word ("п'ять", "kh-101").
    public let hasJoiner: Bool
    // 32-bit offsets keep a token at 12 bytes: a document has a token every few bytes, and every
    // stage walks them.
    private let start32: UInt32
    private let end32: UInt32

    public init(kind: Kind, start: Int, end: Int, hasJoiner: Bool = false) {
        self.kind = kind
        self.hasJoiner = hasJoiner
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
    /// What a byte of folded text can begin or continue.
    enum ByteClass: UInt8 {
        case other = 0, space, newline, digit, letter, lead, joiner, continuation
    }

    /// A pointer, not an array: the loop reads it without retains or bounds checks.
    private nonisolated(unsafe) static let classes: UnsafePointer<ByteClass> = {
        let table = UnsafeMutablePointer<ByteClass>.allocate(capacity: 256)
        for b in 0..<256 {
            switch b {
            case 0x20: table[b] = .space
            case 0x0A: table[b] = .newline
            case 0x30...0x39: table[b] = .digit
            case 0x41...0x5A, 0x61...0x7A: table[b] = .letter
            // Lead bytes of Latin-1, Latin Extended, Greek and Cyrillic letters.
            case 0xC3...0xD4: table[b] = .lead
            case 0x27, 0x2D: table[b] = .joiner
            case 0x80...0xBF: table[b] = .continuation
            default: table[b] = .other
            }
        }
        return UnsafePointer(table)
    }()

    public static func tokens(_ text: FoldedText) -> [Token] {
        let cls = classes
        return text.bytes.withUnsafeBufferPointer { b in
            var out: [Token] = []
            out.reserveCapacity(b.count / 4)
            let n = b.count
            var i = 0
            while i < n {
                switch cls[Int(b[i])] {
                case .space:
                    i += 1
                case .newline:
                    out.append(Token(kind: .newline, start: i, end: i + 1))
                    i += 1
                case .digit:
                    var j = i + 1
                    while j < n && cls[Int(b[j])] == .digit { j += 1 }
                    let next = j < n ? cls[Int(b[j])] : .other
                    // "Kh-101" style: digits glued to letters make one word.
                    if next == .letter || next == .lead {
                        let w = wordEnd(b, j, cls)
                        j = w.end
                        out.append(Token(kind: .word, start: i, end: j, hasJoiner: w.joined))
                    } else if j + 1 < n && b[j] == 0x2D && (cls[Int(b[j + 1])] == .letter || cls[Int(b[j + 1])] == .lead)
                                && scalars(b, j + 1, wordEnd(b, j + 1, cls).end) > 3 {
                        // "22-летний", "10-year-old", "5-поверховий" describe something else; a short case
                        // ending ("15-ти") leaves the number standing.
                        j = wordEnd(b, j + 1, cls).end
                        out.append(Token(kind: .word, start: i, end: j, hasJoiner: true))
                    } else {
                        out.append(Token(kind: .digits, start: i, end: j))
                    }
                    i = j
                case .letter, .lead:
                    let w = wordEnd(b, i, cls)
                    out.append(Token(kind: .word, start: i, end: w.end, hasJoiner: w.joined))
                    i = w.end
                default:
                    var j = i + 1
                    while j < n && b[j] & 0xC0 == 0x80 { j += 1 }
                    out.append(Token(kind: .punct, start: i, end: j))
                    i = j
                }
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
    /// (п'ять, Russia's, Kh-101, Shahed-Drohnen). `start` is a letter or digit.
    @inline(__always)
    private static func wordEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ cls: UnsafePointer<ByteClass>) -> (end: Int, joined: Bool) {
        var j = start
        var joined = false
        let n = b.count
        // Scalar by scalar: folded text is valid UTF-8, so a letter's lead byte always has its
        // continuation byte.
        scan: while j < n {
            switch cls[Int(b[j])] {
            case .letter, .digit:
                j += 1
            case .lead:
                j += 2
            case .joiner:
                guard j > start, j + 1 < n else { break scan }
                switch cls[Int(b[j + 1])] {
                case .letter, .digit, .lead:
                    j += 1
                    joined = true
                default: break scan
                }
            default:
                break scan
            }
        }
        return (min(j, n), joined)
    }
}
