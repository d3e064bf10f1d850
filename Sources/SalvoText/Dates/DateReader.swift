import SalvoModel

/// Finds date expressions in all four languages and resolves them against the publication date.
///
/// What the words mean is lexicon data: `month` and `weekday` numbers, and `relday` entries that
/// say how many days back a word points and whether it names a night (`RelativeDay`). Overnight
/// attacks are dated by the morning they end: "night of 16 to 17 November", "у ніч на 17
/// листопада", "in der Nacht zu Sonntag", "overnight into Sunday" all give the later day. A day
/// and month without a year take the publication year, or the year before when that would put
/// the day after publication. "The day before" counts from the date named just before it in its
/// paragraph, where there is one. Relative days count from the dateline a story opens with
/// ("KYIV, Nov 17 (Reuters) -") when it lies in the week before publication. One pass over the
/// tokens; nothing looks back further than that.
public struct DateReader: Sendable {
    public var published: Day?

    /// How far after a night's words its date or weekday may come ("in der Nacht vom 16. auf den
    /// 17. November" is seven tokens), and after a plain "overnight" ("overnight into Sunday").
    static let nightReach = 8
    static let overnightReach = 3
    /// How far before a date a midnight may close a window ("00:00 on 25 May", "0.00 мск 23 сентября"),
    /// and how far before the midnight the time that opens it may stand.
    static let midnightReach = 4
    static let windowReach = 16
    /// How far back, within its paragraph, the date may stand that "the day before" counts from.
    static let anaphorReach = 40
    /// How far into its line and into the text a dateline's date may start, and how many days
    /// before publication it may lie.
    static let datelineStart = 6
    static let datelineTop = 200
    static let datelineDays = 7

    public init(published: Day?) {
        self.published = published
    }

    /// A night's words waiting for the date or weekday that names its morning.
    private struct PendingNight {
        var start: Int
        var until: Int
        /// Index in the output of the mention the night made by itself, replaced when a date follows.
        var standalone: Int?
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
        func isDay(_ n: NumberMention) -> Bool {
            (n.kind == .count || n.kind == .ordinal) && (1...31).contains(n.value) && !n.isWord
        }
        let b = text.bytes
        // A day number joined to the token before `k` by a dash: "24-25", "24–25", "24 — 25".
        func dayAfterDash(_ k: Int) -> NumberMention? {
            guard k < tokens.count, tokens[k].isDash(in: b),
                  let n = numberAt(k + 1), isDay(n) else { return nil }
            return n
        }
        // Whether a midnight time (00:00, 0.00, 24:00) stands within `midnightReach` tokens before
        // `k` and another time before it in the sentence opens the window it closes.
        func endsWindowAtMidnight(before k: Int) -> Bool {
            var j = k
            var midnight: NumberMention?
            while j > 0 && j >= k - Self.midnightReach {
                if tokens[j - 1].kind == .newline { return false }
                if let n = numberEndingAt(j), n.kind == .time {
                    let minutes = NumberReader.digitsValue(b, tokens[n.tokens.upperBound - 1].range)
                    if (n.value == 0 || n.value == 24) && minutes == 0 { midnight = n }
                    break
                }
                j -= 1
            }
            guard let m = midnight else { return false }
            j = m.tokens.lowerBound
            while j > 0 && j >= m.tokens.lowerBound - Self.windowReach {
                if tokens[j - 1].kind == .newline { return false }
                if let n = numberEndingAt(j), n.kind == .time { return true }
                j -= 1
            }
            return false
        }
        var night: PendingNight?
        // What relative days count from: publication, or the day of the dateline the story opens
        // with ("KYIV, Nov 17 (Reuters) -", "Київ, 17 листопада."), which a page's later
        // publication or update stamp does not move.
        var reference = self
        // A date or weekday starting at `start`: a night waiting for it takes it over.
        func emit(_ m: DateMention) {
            if out.isEmpty, m.kind == .absolute, let d = m.day, isDateline(m),
               published.map({ d.ordinal <= $0.ordinal && d.ordinal >= $0.ordinal - Self.datelineDays }) ?? true {
                reference.published = d
            }
            var m = m
            guard let p = night, m.tokens.lowerBound <= p.until else {
                night = nil
                out.append(m)
                return
            }
            m.tokens = p.start..<m.tokens.upperBound
            m.isNight = true
            if let s = p.standalone { out.remove(at: s) }
            out.append(m)
            // A second day right after the first names the morning: "Saturday into Sunday",
            // "von Samstag auf Sonntag", "с субботы на воскресенье".
            night = PendingNight(start: p.start, until: m.tokens.upperBound + 1, standalone: out.count - 1)
        }
        // A dateline: near the top of the text, a date among the first few tokens of its line, ending
        // in a dash, a bracket, a full stop or a colon ("KYIV, Nov 17 (Reuters) -", "МОСКВА, 23 сен -
        // РИА Новости", "Київ, 17 листопада.").
        func isDateline(_ m: DateMention) -> Bool {
            let start = m.tokens.lowerBound, end = m.tokens.upperBound
            guard start <= Self.datelineTop, end < tokens.count, tokens[end].kind == .punct else { return false }
            var lineStart = start
            while lineStart > 0 && tokens[lineStart - 1].kind != .newline {
                lineStart -= 1
                if start - lineStart > Self.datelineStart { return false }
            }
            let c = b[tokens[end].start]
            return c == 0x28 || c == 0x2E || c == 0x3A || tokens[end].isDash(in: b)
        }
        var i = 0
        while i < tokens.count {
            // A night's date is in its own paragraph.
            if tokens[i].kind == .newline { night = nil }
            if let n = numberAt(i), n.kind == .date {
                emit(DateMention(kind: .absolute, day: reference.numericDate(b, tokens, n), tokens: n.tokens, isNight: false))
                i = n.tokens.upperBound
                continue
            }
            guard let h = hits[i] else { i += 1; continue }
            if let month = h.hit.first(.month)?.intValue {
                // Day before the month ("17 листопада", "17. November", "8-го ноября") or after it
                // ("November 17", AP's "Nov. 8").
                var dayNumber: NumberMention?
                var start = i
                var after = h.tokens.upperBound
                // Only an abbreviated month keeps a full stop before its day: "in November. 5 people" is no date.
                if after < tokens.count, tokens[after].start == tokens[after - 1].end, tokens[after].kind == .punct,
                   b[tokens[after].start] == 0x2E, Self.scalars(b, h.hit.start..<h.hit.end) <= 4 { after += 1 }
                if let n = numberEndingAt(i), isDay(n) {
                    dayNumber = n
                    start = n.tokens.lowerBound
                } else if let n = numberAt(after), isDay(n) {
                    dayNumber = n
                } else if after != h.tokens.upperBound, let n = numberAt(h.tokens.upperBound), isDay(n) {
                    dayNumber = n
                }
                // A night's span after its month, "the night of January 24-25": the second day is the
                // morning the night ends.
                if let d = dayNumber, d.tokens.lowerBound >= h.tokens.upperBound, let p = night, i <= p.until,
                   let second = dayAfterDash(d.tokens.upperBound), second.value > d.value {
                    dayNumber = second
                }
                var end = max(h.tokens.upperBound, dayNumber?.tokens.upperBound ?? 0)
                var year: Int?
                var k = end
                if k < tokens.count, tokens[k].kind == .punct, b[tokens[k].start] == 0x2C { k += 1 }
                if let y = numberAt(k), y.kind == .year {
                    year = y.value
                    end = y.tokens.upperBound
                }
                if let d = dayNumber {
                    var day = reference.resolve(day: d.value, month: month, year: year)
                    // "from 20:00 on 24 May to 00:00 on 25 May": a window that closes at midnight is the
                    // day before's, not an overnight one.
                    if endsWindowAtMidnight(before: start) { day = day?.adding(days: -1) }
                    emit(DateMention(kind: .absolute, day: day, tokens: start..<end, isNight: false))
                }
                i = end
                continue
            }
            if let weekday = h.hit.first(.weekday)?.intValue {
                emit(DateMention(kind: .weekday, day: reference.resolve(weekday: weekday), tokens: h.tokens, isNight: false))
                i = h.tokens.upperBound
                continue
            }
            if let rel = h.hit.first(.relday)?.relativeDay {
                night = nil
                var standalone: Int?
                if let offset = rel.offset {
                    standalone = out.count
                    // "nine were killed on Monday; the day before, four died": the day before Monday.
                    if rel.isAnaphoric, let anchor = out.last, anchor.kind == .absolute || anchor.kind == .weekday,
                       let day = anchor.day, anchor.tokens.upperBound + Self.anaphorReach >= h.tokens.lowerBound,
                       !(anchor.tokens.upperBound..<h.tokens.lowerBound).contains(where: { tokens[$0].kind == .newline }) {
                        out.append(DateMention(kind: anchor.kind, day: day.adding(days: offset), tokens: h.tokens, isNight: false))
                    } else {
                        out.append(DateMention(kind: offset == 0 ? .today : .yesterday, day: reference.published?.adding(days: offset),
                                               tokens: h.tokens, isNight: rel.isNight, offset: offset))
                    }
                }
                // A night names its morning by the date or weekday that follows: "у ніч на неділю",
                // "overnight into Sunday". A night without one ("night of" alone) dates nothing.
                if rel.isNight {
                    let reach = rel.offset == nil ? Self.nightReach : Self.overnightReach
                    night = PendingNight(start: h.tokens.lowerBound, until: h.tokens.upperBound + reach, standalone: standalone)
                }
                i = h.tokens.upperBound
                continue
            }
            i += 1
        }
        return out
    }

    private static func scalars(_ b: [UInt8], _ r: Range<Int>) -> Int {
        var n = 0
        for k in r where b[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    func resolve(day: Int, month: Int, year: Int?) -> Day? {
        if let year { return (1000...9999).contains(year) ? Day(year: year, month: month, day: day) : nil }
        guard let p = published, let d = Day(year: p.year, month: month, day: day) else { return nil }
        // A report looks back: a day after publication belongs to the year before (two days'
        // grace for time zones and dates of the coming days).
        if d.ordinal > p.ordinal + 2 { return Day(year: p.year - 1, month: month, day: day) }
        return d
    }

    /// The latest such weekday on or before publication.
    func resolve(weekday: Int) -> Day? {
        guard let p = published else { return nil }
        let back = (p.weekday - weekday + 7) % 7
        return p.adding(days: -back)
    }

    /// 17.11.2024, 17.11.24, 17/11/2024, 2024-11-17.
    private func numericDate(_ b: [UInt8], _ tokens: [Token], _ n: NumberMention) -> Day? {
        var digits: [Int] = []
        for k in n.tokens where tokens[k].kind == .digits {
            guard let v = NumberReader.digitsValue(b, tokens[k].range) else { return nil }
            digits.append(v)
        }
        guard digits.count >= 2 else { return nil }
        if digits[0] >= 1000 {  // 2024-11-17
            return digits.count == 3 ? resolve(day: digits[2], month: digits[1], year: digits[0]) : nil
        }
        var year = digits.count == 3 ? digits[2] : nil
        if let y = year, y < 100 { year = 2000 + y }
        return resolve(day: digits[0], month: digits[1], year: year)
    }
}
