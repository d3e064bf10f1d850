/// Where the tries begin their walks, read off the tokens rather than found again byte by byte:
/// each token's first byte, and inside a joined word ("п'ять", "kh-101") its apostrophe or hyphen
/// and the letter after it. These are exactly the scalars that start a word, plus every other
/// visible scalar; the latter carry the `symbol` mark, since place names start only at words.
/// Each word start also knows where its run of letters and digits ends, for `WordGate`.
///
/// ```swift
/// let text = FoldedText("Kh-101, $5")
/// WalkStarts(tokens: Tokenizer.tokens(text), text: text).positions.map { $0 & ~WalkStarts.symbol }
/// // [0, 2, 3, 6, 8, 9]: "kh", "-", "101", ",", "$", "5"
/// ```
public struct WalkStarts: Sendable {
    public static let symbol: UInt32 = 1 << 31
    /// Byte offsets in text order, each or'ed with `symbol` when it does not start a word.
    public let positions: [UInt32]
    /// For each word start, where its run of letters and digits ends (before a joiner or the
    /// token's end); 0 for the other starts.
    public let wordEnds: [UInt32]

    public init(tokens: [Token], text: FoldedText) {
        var out: [UInt32] = []
        var ends: [UInt32] = []
        out.reserveCapacity(tokens.count + tokens.count / 8)
        ends.reserveCapacity(tokens.count + tokens.count / 8)
        text.bytes.withUnsafeBufferPointer { b in
            for t in tokens {
                switch t.kind {
                case .newline:
                    continue
                case .punct:
                    out.append(UInt32(t.start) | Self.symbol)
                    ends.append(0)
                case .word, .digits:
                    out.append(UInt32(t.start))
                    guard t.hasJoiner else {
                        ends.append(UInt32(t.end))
                        continue
                    }
                    for j in (t.start + 1)..<t.end where b[j] == 0x27 || b[j] == 0x2D {
                        ends.append(UInt32(j))
                        out.append(UInt32(j) | Self.symbol)
                        ends.append(0)
                        out.append(UInt32(j + 1))
                    }
                    ends.append(UInt32(t.end))
                }
            }
        }
        positions = out
        wordEnds = ends
    }
}
