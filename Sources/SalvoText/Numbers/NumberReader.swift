/// Reads numbers from tokens: digit groups by the conventions of each language, number words with
/// their inflected forms, multipliers ("2 тис.", "1,5 Millionen"), and the numbers that are not
/// counts (times, dates, years, percentages, decimals).
public struct NumberReader: Sendable {
    public var language: String?

    public init(language: String?) {
        self.language = language
    }

    /// `hits` are the document's lexicon hits, keyed by their first token.
    public func read(_ text: FoldedText, tokens: [Token], hits: TokenHits) -> [NumberMention] {
        var out: [NumberMention] = []
        let b = text.bytes
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .digits {
                var m = readDigits(b, tokens, at: i)
                m = applyMultiplier(m, tokens: tokens, hits: hits, text: b)
                out.append(m)
                i = m.tokens.upperBound
                continue
            }
            // A number word must start its token: the "one" of "no-one" counts nothing.
            if let h = hits[i], h.hit.start == t.start, let n = h.hit.first(.number), let v = n.intValue {
                var value = v
                var end = h.tokens.upperBound
                // "twenty-five", "двадцять п'ять", "сто сорок", "one hundred": words that add up.
                while let next = hits[end], let nv = next.hit.first(.number)?.intValue {
                    if nv == 100 && value < 10 { value *= 100 } else if canAdd(value, nv) { value += nv } else { break }
                    end = next.tokens.upperBound
                }
                var m = NumberMention(value: value, kind: .count, tokens: i..<end, isWord: true)
                m = applyMultiplier(m, tokens: tokens, hits: hits, text: b)
                out.append(m)
                i = m.tokens.upperBound
                continue
            }
            i += 1
        }
        return out
    }

    private func canAdd(_ a: Int, _ b: Int) -> Bool {
        if a % 100 == 0 && a >= 100 { return b < 100 }
        if a % 10 == 0 && a >= 20 && a < 100 { return b < 10 }
        return false
    }

    private func isPunct(_ b: [UInt8], _ t: Token, _ c: UInt8) -> Bool {
        t.kind == .punct && t.end - t.start == 1 && b[t.start] == c
    }

    private func digitsValue(_ b: [UInt8], _ t: Token) -> Int {
        var v = 0
        for k in t.start..<t.end { v = v &* 10 &+ Int(b[k] - 0x30) }
        return v
    }

    private func readDigits(_ b: [UInt8], _ tokens: [Token], at i: Int) -> NumberMention {
        let first = tokens[i]
        var value = digitsValue(b, first)
        var end = i + 1
        let n = tokens.count
        let adjacent = { (k: Int) -> Bool in k < n && tokens[k].start == tokens[k - 1].end }
        // Times and dates: 09:30, 09.30, 17.11.2024, 2024-11-17.
        if adjacent(end), end + 1 < n, tokens[end + 1].kind == .digits, adjacent(end + 1) {
            let sep = tokens[end]
            let nextLen = tokens[end + 1].end - tokens[end + 1].start
            if isPunct(b, sep, 0x3A) && nextLen == 2 {
                return NumberMention(value: value, kind: .time, tokens: i..<(end + 2), isWord: false)
            }
            if isPunct(b, sep, 0x2D) && first.end - first.start == 4 && nextLen <= 2 {
                var e = end + 2
                if adjacent(e), e + 1 < n, isPunct(b, tokens[e], 0x2D), tokens[e + 1].kind == .digits { e += 2 }
                return NumberMention(value: value, kind: .date, tokens: i..<e, isWord: false)
            }
            if isPunct(b, sep, 0x2E) && first.end - first.start <= 2 && nextLen == 2 {
                var e = end + 2
                if adjacent(e), e + 1 < n, isPunct(b, tokens[e], 0x2E), tokens[e + 1].kind == .digits, adjacent(e + 1) {
                    e += 2
                    return NumberMention(value: value, kind: .date, tokens: i..<e, isWord: false)
                }
                let second = digitsValue(b, tokens[end + 1])
                let kind: NumberMention.Kind = (value <= 23 && second <= 59) ? .time : .decimal
                return NumberMention(value: value, kind: kind, tokens: i..<e, isWord: false)
            }
        }
        // Thousands groups: "1,900" (en), "1.900" (de), "1 900" (uk, ru, de).
        let groupMark: UInt8 = language == "en" ? 0x2C : (language == "de" ? 0x2E : 0)
        var grouped = false
        while end < n {
            if groupMark != 0, adjacent(end), end + 1 < n, isPunct(b, tokens[end], groupMark),
               tokens[end + 1].kind == .digits, adjacent(end + 1), tokens[end + 1].end - tokens[end + 1].start == 3,
               grouped || first.end - first.start <= 3 {
                value = value * 1000 + digitsValue(b, tokens[end + 1])
                end += 2
                grouped = true
                continue
            }
            if language != "en", !adjacent(end), tokens[end].kind == .digits,
               tokens[end].end - tokens[end].start == 3, tokens[end].start == tokens[end - 1].end + 1,
               grouped || first.end - first.start <= 3, value > 0 {
                value = value * 1000 + digitsValue(b, tokens[end])
                end += 1
                grouped = true
                continue
            }
            break
        }
        // Decimals: "1,5" (de, uk, ru), "1.5" (en).
        if adjacent(end), end + 1 < n, tokens[end + 1].kind == .digits, adjacent(end + 1),
           isPunct(b, tokens[end], 0x2C) || isPunct(b, tokens[end], 0x2E) {
            let frac = tokens[end + 1]
            var scale = 1
            for _ in frac.start..<frac.end { scale *= 10 }
            // Kept as thousandths so that a multiplier can turn "1,5 тис." into 1500.
            let thousandths = (value * scale + digitsValue(b, frac)) * 1000 / scale
            return NumberMention(value: thousandths, kind: .decimal, tokens: i..<(end + 2), isWord: false)
        }
        if end < n, tokens[end].kind == .punct, adjacent(end) {
            if isPunct(b, tokens[end], 0x25) {
                return NumberMention(value: value, kind: .percent, tokens: i..<(end + 1), isWord: false)
            }
            // "17." in German is an ordinal day ("am 17. November") when followed by a word.
            if language == "de", isPunct(b, tokens[end], 0x2E), end + 1 < n, tokens[end + 1].kind == .word, value <= 31 {
                let o = tokens[end + 1].start
                if b[o] >= 0x61 && b[o] <= 0x7A || b[o] >= 0xC3 {
                    return NumberMention(value: value, kind: .ordinal, tokens: i..<(end + 1), isWord: false)
                }
            }
        }
        // "14-ма дронами", "15-ти ракет": a case ending after a hyphen belongs to the number.
        if end + 1 < n, adjacent(end), isPunct(b, tokens[end], 0x2D), tokens[end + 1].kind == .word, adjacent(end + 1) {
            var scalars = 0
            for k in tokens[end + 1].range where b[k] & 0xC0 != 0x80 { scalars += 1 }
            if scalars <= 3 && b[tokens[end + 1].start] >= 0x80 {
                return NumberMention(value: value, kind: .count, tokens: i..<(end + 2), isWord: false)
            }
        }
        if !grouped && first.end - first.start == 4 && (1900...2100).contains(value) {
            return NumberMention(value: value, kind: .year, tokens: i..<end, isWord: false)
        }
        return NumberMention(value: value, kind: .count, tokens: i..<end, isWord: false)
    }

    private func applyMultiplier(_ m: NumberMention, tokens: [Token], hits: TokenHits, text: [UInt8]) -> NumberMention {
        guard m.kind == .count || m.kind == .decimal, let h = hits[m.tokens.upperBound],
              let mult = h.hit.first(.multiplier)?.intValue else { return m }
        var r = m
        r.value = m.kind == .decimal ? m.value * mult / 1000 : m.value * mult
        r.kind = .count
        var end = h.tokens.upperBound
        // "тис." keeps its full stop.
        if end < tokens.count, tokens[end].kind == .punct, tokens[end].start == tokens[end - 1].end, text[tokens[end].start] == 0x2E {
            end += 1
        }
        r.tokens = m.tokens.lowerBound..<end
        return r
    }
}
