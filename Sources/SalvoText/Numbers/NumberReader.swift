/// Reads numbers from tokens: digit groups by the conventions of each language (its
/// `NumberFormat`, from the lexicon), number words with their inflected forms, multipliers
/// ("2 тис.", "1,5 Millionen"), and the numbers that are not counts (times, dates, years,
/// percentages, decimals, and values too large to be counts).
///
/// All arithmetic on digits is overflow-checked: a value that does not fit is `.tooLarge`, never a trap.
public struct NumberReader: Sendable {
    public var language: String?
    public var format: NumberFormat

    /// With the bundled lexicon's format for `language`.
    public init(language: String?) {
        self.init(language: language, format: Lexicon.shared.numberFormat(for: language))
    }

    public init(language: String?, format: NumberFormat) {
        self.language = language
        self.format = format
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
                out.append(Self.bounded(m))
                i = m.tokens.upperBound
                continue
            }
            // A number word must start its token: the "one" of "no-one" counts nothing.
            if let h = hits[i], h.hit.start == t.start, let n = h.hit.first(.number), let v = n.intValue {
                var value: Int? = v
                var end = h.tokens.upperBound
                // "twenty-five", "двадцять п'ять", "сто сорок", "one hundred": words that add up.
                while let sum = value, let next = hits[end], let nv = next.hit.first(.number)?.intValue {
                    if nv == 100 && sum < 10 { value = Self.multiply(sum, 100) } else if canAdd(sum, nv) { value = Self.add(sum, nv) } else { break }
                    end = next.tokens.upperBound
                }
                var m = NumberMention(value: value ?? 0, kind: value == nil ? .tooLarge : .count, tokens: i..<end, isWord: true)
                m = applyMultiplier(m, tokens: tokens, hits: hits, text: b)
                out.append(Self.bounded(m))
                i = m.tokens.upperBound
                continue
            }
            i += 1
        }
        return out
    }

    @inline(__always) static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }

    @inline(__always) static func add(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    /// A count beyond `largestCount` is marked too large rather than passed on.
    static func bounded(_ m: NumberMention) -> NumberMention {
        guard m.kind == .count, m.value > NumberMention.largestCount || m.value < 0 else { return m }
        return NumberMention(value: 0, kind: .tooLarge, tokens: m.tokens, isWord: m.isWord)
    }

    /// The value of a run of digits; `nil` when it does not fit in an `Int`.
    static func digitsValue(_ b: [UInt8], _ r: Range<Int>) -> Int? {
        var v = 0
        for k in r {
            guard let ten = multiply(v, 10), let next = add(ten, Int(b[k] &- 0x30)) else { return nil }
            v = next
        }
        return v
    }

    private func canAdd(_ a: Int, _ b: Int) -> Bool {
        if a % 100 == 0 && a >= 100 { return b < 100 }
        if a % 10 == 0 && a >= 20 && a < 100 { return b < 10 }
        return false
    }

    private func isPunct(_ b: [UInt8], _ t: Token, _ c: UInt8) -> Bool {
        t.kind == .punct && t.end - t.start == 1 && b[t.start] == c
    }

    private func isPunct(_ b: [UInt8], _ t: Token, in marks: [UInt8]) -> Bool {
        t.kind == .punct && t.end - t.start == 1 && marks.contains(b[t.start])
    }

    private func readDigits(_ b: [UInt8], _ tokens: [Token], at i: Int) -> NumberMention {
        let first = tokens[i]
        let firstLength = first.end - first.start
        var value = Self.digitsValue(b, first.range)
        var end = i + 1
        let n = tokens.count
        let adjacent = { (k: Int) -> Bool in k < n && tokens[k].start == tokens[k - 1].end }
        // Times and dates: 09:30, 09.30, 17.11.2024, 17/11/2024, 2024-11-17.
        if let v = value, adjacent(end), end + 1 < n, tokens[end + 1].kind == .digits, adjacent(end + 1) {
            let sep = tokens[end]
            let nextLen = tokens[end + 1].end - tokens[end + 1].start
            if isPunct(b, sep, 0x3A) && nextLen == 2 {
                return NumberMention(value: v, kind: .time, tokens: i..<(end + 2), isWord: false)
            }
            if isPunct(b, sep, 0x2D) && firstLength == 4 && nextLen <= 2 {
                var e = end + 2
                if adjacent(e), e + 1 < n, isPunct(b, tokens[e], 0x2D), tokens[e + 1].kind == .digits { e += 2 }
                return NumberMention(value: v, kind: .date, tokens: i..<e, isWord: false)
            }
            // Day/month/year with slashes only when all three parts are there: "24/7" is no date.
            if isPunct(b, sep, 0x2F) && firstLength <= 2 && nextLen <= 2, end + 3 < n, adjacent(end + 2),
               isPunct(b, tokens[end + 2], 0x2F), tokens[end + 3].kind == .digits, adjacent(end + 3),
               [2, 4].contains(tokens[end + 3].end - tokens[end + 3].start) {
                return NumberMention(value: v, kind: .date, tokens: i..<(end + 4), isWord: false)
            }
            if isPunct(b, sep, 0x2E) && firstLength <= 2 && nextLen == 2 {
                var e = end + 2
                if adjacent(e), e + 1 < n, isPunct(b, tokens[e], 0x2E), tokens[e + 1].kind == .digits, adjacent(e + 1) {
                    e += 2
                    return NumberMention(value: v, kind: .date, tokens: i..<e, isWord: false)
                }
                let second = Self.digitsValue(b, tokens[end + 1].range) ?? 99
                let kind: NumberMention.Kind = (v <= 23 && second <= 59) ? .time : .decimal
                // A decimal is kept in thousandths, like the decimals below.
                let thousandths = kind == .decimal ? Self.multiply(v, 1000).flatMap { Self.add($0, second * 10) } : v
                return NumberMention(value: thousandths ?? 0, kind: thousandths == nil ? .tooLarge : kind, tokens: i..<e, isWord: false)
            }
        }
        // Thousands groups by the language's marks ("1,900" en, "1.900" de) or spaces ("1 900").
        // Groups are consumed even once the value overflows, so that no tail is read as a count of its own.
        var grouped = false
        while end < n {
            if !format.groupMarks.isEmpty, adjacent(end), end + 1 < n, isPunct(b, tokens[end], in: format.groupMarks),
               tokens[end + 1].kind == .digits, adjacent(end + 1), tokens[end + 1].end - tokens[end + 1].start == 3,
               grouped || firstLength <= 3 {
                value = value.flatMap { Self.multiply($0, 1000) }.flatMap { v in Self.digitsValue(b, tokens[end + 1].range).flatMap { Self.add(v, $0) } }
                end += 2
                grouped = true
                continue
            }
            if format.groupsBySpace, !adjacent(end), tokens[end].kind == .digits,
               tokens[end].end - tokens[end].start == 3, tokens[end].start == tokens[end - 1].end + 1,
               b[tokens[end - 1].end] == 0x20, grouped || firstLength <= 3, value != 0 {
                value = value.flatMap { Self.multiply($0, 1000) }.flatMap { v in Self.digitsValue(b, tokens[end].range).flatMap { Self.add(v, $0) } }
                end += 1
                grouped = true
                continue
            }
            break
        }
        guard let value else {
            // Still take a fraction that follows, so that its digits are not read as a count.
            if adjacent(end), end + 1 < n, tokens[end + 1].kind == .digits, adjacent(end + 1),
               isPunct(b, tokens[end], in: format.decimalMarks) { end += 2 }
            return NumberMention(value: 0, kind: .tooLarge, tokens: i..<end, isWord: false)
        }
        // Decimals: "1,5" (de, uk, ru), "1.5" (en).
        if adjacent(end), end + 1 < n, tokens[end + 1].kind == .digits, adjacent(end + 1),
           isPunct(b, tokens[end], in: format.decimalMarks) {
            // Kept as thousandths so that a multiplier can turn "1,5 тис." into 1500; digits past
            // the third add nothing, however many there are ("0.30000000000000004").
            let frac = tokens[end + 1]
            var thousandths = 0
            for k in 0..<3 { thousandths = thousandths * 10 + (frac.start + k < frac.end ? Int(b[frac.start + k] &- 0x30) : 0) }
            let total = Self.multiply(value, 1000).flatMap { Self.add($0, thousandths) }
            return NumberMention(value: total ?? 0, kind: total == nil ? .tooLarge : .decimal, tokens: i..<(end + 2), isWord: false)
        }
        if end < n, tokens[end].kind == .punct, adjacent(end) {
            if isPunct(b, tokens[end], 0x25) {
                return NumberMention(value: value, kind: .percent, tokens: i..<(end + 1), isWord: false)
            }
            // "17." is an ordinal day ("am 17. November") in languages that write it so, when a word follows.
            if isPunct(b, tokens[end], in: format.ordinalMarks), end + 1 < n, tokens[end + 1].kind == .word, value <= 31 {
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
        if !grouped && firstLength == 4 && (1900...2100).contains(value) {
            return NumberMention(value: value, kind: .year, tokens: i..<end, isWord: false)
        }
        return NumberMention(value: value, kind: .count, tokens: i..<end, isWord: false)
    }

    private func applyMultiplier(_ m: NumberMention, tokens: [Token], hits: TokenHits, text: [UInt8]) -> NumberMention {
        guard m.kind == .count || m.kind == .decimal, let h = hits[m.tokens.upperBound],
              let mult = h.hit.first(.multiplier)?.intValue else { return m }
        var r = m
        let scaled = m.kind == .decimal ? Self.multiply(m.value / 1000, mult).flatMap { Self.add($0, m.value % 1000 * (mult / 1000)) }
                                        : Self.multiply(m.value, mult)
        r.value = scaled ?? 0
        r.kind = scaled == nil ? .tooLarge : .count
        var end = h.tokens.upperBound
        // "тис." keeps its full stop.
        if end < tokens.count, tokens[end].kind == .punct, tokens[end].start == tokens[end - 1].end, text[tokens[end].start] == 0x2E {
            end += 1
        }
        r.tokens = m.tokens.lowerBound..<end
        return r
    }
}
