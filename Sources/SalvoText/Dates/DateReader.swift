import SalvoModel

/// Finds date expressions in all four languages and resolves them against the publication date.
///
/// Overnight attacks are dated by the morning they end: "night of 16 to 17 November", "у ніч на
/// 17 листопада", "in der Nacht zu Sonntag" all give the later day. A day and month without a year
/// take the publication year, or the year before when that would put the day after publication.
public struct DateReader: Sendable {
    public var published: Day?

    public init(published: Day?) {
        self.published = published
    }

    public func read(_ text: FoldedText, tokens: [Token], hits: TokenHits, numbers: [NumberMention]) -> [DateMention] {
        var out: [DateMention] = []
        // Numbers by the token they start at and the token after their end, in constant time.
        var startIndex = [Int32](repeating: -1, count: tokens.count + 1)
        var endIndex = [Int32](repeating: -1, count: tokens.count + 1)
        for (i, n) in numbers.enumerated() {
            startIndex[n.tokens.lowerBound] = Int32(i)
            endIndex[n.tokens.upperBound] = Int32(i)
        }
        func numberAt(_ k: Int) -> NumberMention? {
            k < startIndex.count && startIndex[k] >= 0 ? numbers[Int(startIndex[k])] : nil
        }
        func numberEndingAt(_ k: Int) -> NumberMention? {
            k < endIndex.count && endIndex[k] >= 0 ? numbers[Int(endIndex[k])] : nil
        }
        var nightUntil = -1
        var i = 0
        while i < tokens.count {
            if let n = numberAt(i), n.kind == .date {
                out.append(DateMention(kind: .absolute, day: numericDate(text.bytes, tokens, n), tokens: n.tokens, isNight: i <= nightUntil))
                i = n.tokens.upperBound
                continue
            }
            guard let h = hits[i] else { i += 1; continue }
            let isNight = i <= nightUntil
            if let month = h.hit.first(.month)?.intValue {
                // Day before the month ("17 листопада", "17. November") or after it ("November 17").
                var dayNumber: NumberMention?
                var start = i
                if let n = numberEndingAt(i), (n.kind == .count || n.kind == .ordinal), (1...31).contains(n.value), !n.isWord {
                    dayNumber = n
                    start = n.tokens.lowerBound
                } else if let n = numberAt(h.tokens.upperBound), n.kind == .count || n.kind == .ordinal, (1...31).contains(n.value), !n.isWord {
                    dayNumber = n
                }
                var end = max(h.tokens.upperBound, dayNumber?.tokens.upperBound ?? 0)
                var year: Int?
                var k = end
                if k < tokens.count, tokens[k].kind == .punct, text.bytes[tokens[k].start] == 0x2C { k += 1 }
                if let y = numberAt(k), y.kind == .year {
                    year = y.value
                    end = y.tokens.upperBound
                }
                if let d = dayNumber {
                    out.append(DateMention(kind: .absolute, day: resolve(day: d.value, month: month, year: year),
                                           tokens: start..<end, isNight: isNight))
                }
                i = end
                continue
            }
            if let weekday = h.hit.first(.weekday)?.intValue {
                out.append(DateMention(kind: .weekday, day: resolve(weekday: weekday), tokens: h.tokens, isNight: isNight))
                i = h.tokens.upperBound
                continue
            }
            if let rel = h.hit.first(.relday)?.value {
                switch rel {
                case "night_of":
                    // The date or weekday that follows names the morning: look a few tokens ahead.
                    nightUntil = h.tokens.upperBound + 5
                case "yesterday":
                    out.append(DateMention(kind: .yesterday, day: published?.adding(days: -1), tokens: h.tokens, isNight: false))
                default:
                    out.append(DateMention(kind: .today, day: published, tokens: h.tokens, isNight: rel == "overnight" || rel == "last_night"))
                }
                i = h.tokens.upperBound
                continue
            }
            i += 1
        }
        return out
    }

    func resolve(day: Int, month: Int, year: Int?) -> Day? {
        if let year { return Day(year: year, month: month, day: day) }
        guard let p = published, let d = Day(year: p.year, month: month, day: day) else { return nil }
        // A report looks back: a day well after publication belongs to the year before.
        if d.ordinal > p.ordinal + 2 { return Day(year: p.year - 1, month: month, day: day) }
        return d
    }

    /// The latest such weekday on or before publication.
    func resolve(weekday: Int) -> Day? {
        guard let p = published else { return nil }
        let back = (p.weekday - weekday + 7) % 7
        return p.adding(days: -back)
    }

    private func numericDate(_ b: [UInt8], _ tokens: [Token], _ n: NumberMention) -> Day? {
        let digits = n.tokens.filter { tokens[$0].kind == .digits }.map { k -> Int in
            var v = 0
            for j in tokens[k].range { v = v * 10 + Int(b[j] - 0x30) }
            return v
        }
        guard digits.count >= 2 else { return nil }
        if digits[0] >= 1900 {  // 2024-11-17
            return digits.count == 3 ? Day(year: digits[0], month: digits[1], day: digits[2]) : nil
        }
        var year = digits.count == 3 ? digits[2] : nil
        if let y = year, y < 100 { year = 2000 + y }
        return resolve(day: digits[0], month: digits[1], year: year)
    }
}
