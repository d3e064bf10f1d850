import SalvoText

/// Which sentences stand inside a quotation that an earlier sentence opened, so that a statement
/// quoted over several sentences keeps its speaker.
///
/// Quotation marks are the script's punctuation: « » “ ” „ and the plain `"`. Inside an open
/// quotation the next closing mark closes it („…“ in German, “…” in English, «…» in Slavic
/// texts); a quotation left open past a paragraph is taken to end there.
struct QuoteSpans {
    /// For each sentence, the sentence that opened the quotation it starts inside, or -1.
    private var opener: [Int32]
    /// For each sentence, whether it holds a quotation mark.
    private var marked: [Bool]

    init(analysis a: TextAnalysis) {
        opener = Array(repeating: -1, count: a.sentences.count)
        marked = Array(repeating: false, count: a.sentences.count)
        var open: Int32 = -1
        var paragraph = -1
        a.original.withUnsafeBufferPointer { b in
            for s in a.sentences {
                if s.paragraph != paragraph { open = -1; paragraph = s.paragraph }
                opener[s.index] = open
                var i = s.original.lowerBound
                let end = s.original.upperBound
                while i < end {
                    // Eight bytes at a time past text that holds no mark: most of a document.
                    if i + 8 <= end, !Self.mayStartMark(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                        i += 8
                        continue
                    }
                    // Only `"` and the lead bytes of « » “ ” „ can start a mark.
                    let c = b[i]
                    if c != 0x22 && c != 0xC2 && c != 0xE2 { i += 1; continue }
                    let mark = Self.mark(b, i)
                    if mark.length == 0 { i += 1; continue }
                    marked[s.index] = true
                    if open >= 0 && mark.closes { open = -1 } else if open < 0 && mark.opens { open = Int32(s.index) }
                    i += mark.length
                }
            }
        }
    }

    /// The sentence whose quotation `sentence` continues, if it is not its own.
    func continued(_ sentence: Int) -> Int? {
        let o = Int(opener[sentence])
        return o >= 0 && o < sentence ? o : nil
    }

    /// Whether `sentence` quotes someone's words: it holds a quotation mark or stands inside one.
    func quotes(_ sentence: Int) -> Bool { marked[sentence] || opener[sentence] >= 0 }

    /// Whether any of eight bytes is `"` (0x22), 0xC2 or 0xE2: a byte equal to `x` is a zero byte of
    /// `w ^ x·0x0101…01`, and `(v − 0x0101…01) & ~v & 0x8080…80` is non-zero exactly when `v` has one.
    private static func mayStartMark(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0xC2)) || hasZero(w ^ (ones &* 0xE2))
    }

    private static func mark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (length: Int, opens: Bool, closes: Bool) {
        switch b[i] {
        case 0x22: return (1, true, true)
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0xAB: return (2, true, false)   // «
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0xBB: return (2, false, true)   // »
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80:
            switch b[i + 2] {
            case 0x9C: return (3, true, true)    // “ opens in English, closes in German
            case 0x9D: return (3, false, true)   // ”
            case 0x9E: return (3, true, false)   // „
            default: return (0, false, false)
            }
        default: return (0, false, false)
        }
    }
}
