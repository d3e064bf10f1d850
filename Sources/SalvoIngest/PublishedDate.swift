import SalvoModel

/// Publication dates as feeds, archives and pages write them, read on bytes: ISO 8601 / RFC 3339
/// (`2024-11-17T08:30:00+02:00`, `2024-11-17 08:30`, `2024/11/17`, `20241117`), RFC 822 and RFC 850
/// (`Sun, 17 Nov 2024 08:30:00 +0200`, `Sunday, 17-Nov-24 …`), asctime, written-out dates in the four
/// languages (`17. November 2024`, `17 листопада 2024`), day-first numeric dates (`17.11.2024`),
/// web-archive timestamps (`20241117083000`) and Unix epoch seconds or milliseconds.
///
/// A date with a time and offset is the day as written there: the publisher's own calendar day.
///
/// ```swift
/// PublishedDate.day("Sun, 17 Nov 2024 08:30:00 +0200")   // "2024-11-17"
/// PublishedDate.day("1731825000")                         // "2024-11-17"
/// ```
enum PublishedDate {
    /// Month names, lowercased, to their number: data (`Resources/months.tsv`), not code.
    static let months: [[UInt8]: Int] = {
        var out: [[UInt8]: Int] = [:]
        for line in String(decoding: PackageResources.months_tsv, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t")
            guard cols.count >= 3, cols[1] == "month", let m = Int(cols[2]) else { continue }
            out[Array(cols[0].lowercased().utf8)] = m
        }
        return out
    }()

    /// The `YYYY-MM-DD` of a date text, or nil for a text that is no date Salvo reads.
    static func day(_ text: some StringProtocol) -> String? {
        var b = Array(text.utf8.prefix(256))
        while let f = b.first, Bytes.isSpace(f) || f == 0x22 { b.removeFirst() }
        while let l = b.last, Bytes.isSpace(l) || l == 0x22 { b.removeLast() }
        guard !b.isEmpty else { return nil }
        return isoDay(b) ?? epochDay(b) ?? writtenDay(b)
    }

    /// The warning for a date given in a form Salvo does not read.
    static func unreadMessage(_ value: String) -> String {
        "published date '\(value.prefix(80))' is in no format Salvo reads; left null"
    }

    /// Unix time in seconds, or in milliseconds when the number is too large for seconds of this era.
    static func day(epoch value: Double) -> String? {
        guard value.isFinite else { return nil }
        let seconds = value >= 1e11 ? value / 1000 : value
        // 1990 ... 2100: outside it the number is no publication date, and the conversion stays in range.
        guard seconds >= 631_152_000, seconds < 4_102_444_800 else { return nil }
        return Day(ordinal: Int(seconds) / 86_400).description
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Digits at `range` as a number; nil if any is not a digit.
    static func number(_ b: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.upperBound <= b.count, !range.isEmpty else { return nil }
        var v = 0
        for i in range {
            guard isDigit(b[i]) else { return nil }
            v = v * 10 + Int(b[i] - 0x30)
        }
        return v
    }

    /// `YYYY-MM-DD…`, `YYYY/M/D…`, `YYYYMMDD` and `YYYYMMDDhhmmss`.
    static func isoDay(_ b: [UInt8]) -> String? {
        guard b.count >= 8, let y = number(b, 0..<4) else { return nil }
        var run = 0
        while run < b.count && isDigit(b[run]) { run += 1 }
        if run == 8 || run == 14 {
            return PageMetadata.validDay(y, number(b, 4..<6), number(b, 6..<8))
        }
        guard run == 4, b[4] == 0x2D || b[4] == 0x2F || b[4] == 0x2E else { return nil }
        var i = 5
        func part() -> Int? {
            let start = i
            while i < b.count && isDigit(b[i]) && i - start < 3 { i += 1 }
            return i - start <= 2 ? number(b, start..<i) : nil
        }
        guard let m = part(), i < b.count, b[i] == b[4] else { return nil }
        i += 1
        guard let d = part(), i == b.count || !isDigit(b[i]) else { return nil }
        return PageMetadata.validDay(y, m, d)
    }

    /// Epoch seconds (9 to 11 digits) or milliseconds (12 or 13), with an optional fraction.
    static func epochDay(_ b: [UInt8]) -> String? {
        var digits = 0
        while digits < b.count && isDigit(b[digits]) { digits += 1 }
        guard (9...13).contains(digits), let v = number(b, 0..<digits) else { return nil }
        if digits < b.count {
            guard b[digits] == 0x2E, b[(digits + 1)...].allSatisfy(isDigit) else { return nil }
        }
        return day(epoch: Double(v))
    }

    struct Token {
        var value: Int       // the number, or the month for a month name
        var length: Int      // digits
        var isMonth: Bool
        var separator: UInt8 // the byte right after the token (0 at the end)
    }

    /// Dates written with a month name (any order of day, month and year), or day-first numbers.
    static func writtenDay(_ b: [UInt8]) -> String? {
        var tokens: [Token] = []
        var i = 0
        let n = b.count
        while i < n && tokens.count < 24 {
            let c = b[i]
            if isDigit(c) {
                let start = i
                while i < n && isDigit(b[i]) { i += 1 }
                let before: UInt8 = start > 0 ? b[start - 1] : 0
                let after: UInt8 = i < n ? b[i] : 0
                // Times (08:30:00) and offsets (+0200, -0500) are not parts of the date.
                let inTime = before == 0x3A || after == 0x3A
                let isOffset = before == 0x2B || (before == 0x2D && (start < 2 || Bytes.isSpace(b[start - 2])))
                if !inTime && !isOffset && i - start <= 4 {
                    tokens.append(Token(value: number(b, start..<i) ?? 0, length: i - start, isMonth: false, separator: after))
                }
            } else if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80 {
                let start = i
                while i < n, (b[i] >= 0x41 && b[i] <= 0x5A) || (b[i] >= 0x61 && b[i] <= 0x7A) || b[i] >= 0x80 { i += 1 }
                if i - start <= 40 {
                    let word = Array(String(decoding: b[start..<i], as: UTF8.self).lowercased().utf8)
                    if let m = months[word] {
                        tokens.append(Token(value: m, length: 0, isMonth: true, separator: i < n ? b[i] : 0))
                    }
                }
            } else {
                i += 1
            }
        }
        if let month = tokens.first(where: \.isMonth)?.value {
            let numbers = tokens.filter { !$0.isMonth }
            let year = numbers.first { $0.length == 4 }?.value
            guard let dayIndex = numbers.firstIndex(where: { $0.length <= 2 && (1...31).contains($0.value) }) else { return nil }
            let twoDigitYear = numbers[(dayIndex + 1)...].first { $0.length == 2 }.map { 2000 + $0.value }
            return PageMetadata.validDay(year ?? twoDigitYear, month, numbers[dayIndex].value)
        }
        // Numbers only: the first three in a row joined by one kind of separator.
        guard tokens.count >= 3 else { return nil }
        for k in 0...(tokens.count - 3) {
            let (a, m, c) = (tokens[k], tokens[k + 1], tokens[k + 2])
            let sep = a.separator
            guard [0x2E, 0x2F, 0x2D].contains(sep), m.separator == sep else { continue }
            if a.length == 4 { return PageMetadata.validDay(a.value, m.value, c.value) }
            guard a.length <= 2, m.length <= 2 else { continue }
            let year = c.length == 4 ? c.value : (c.length == 2 && sep == 0x2E ? 2000 + c.value : nil)
            if sep == 0x2F {
                // 11/17/2024 is American, 17/11/2024 European; 05/06/2024 could be either and is left unread.
                if a.value > 12 { return PageMetadata.validDay(year, m.value, a.value) }
                if m.value > 12 { return PageMetadata.validDay(year, a.value, m.value) }
                return nil
            }
            return PageMetadata.validDay(year, m.value, a.value)
        }
        return nil
    }
}
