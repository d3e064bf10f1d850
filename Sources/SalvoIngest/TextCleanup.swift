/// Removes what scrapers leave around an article's text and keeps what is metadata:
/// YAML front matter (title, date), a leading ` date YYYY-MM-DD` stamp, the title repeated as the
/// first line, share-button lines, tag lists, author-bio paragraphs, and everything from
/// "Leave a Reply" (comment forms, "Latest Posts" lists) to the end.
///
/// ```swift
/// let clean = TextCleanup.clean(" date 2024-11-17 Drones hit Odesa overnight.")
/// clean.text       // "Drones hit Odesa overnight."
/// clean.published  // "2024-11-17"
/// ```
public enum TextCleanup {
    public struct Result: Sendable, Equatable {
        public var text: String
        public var title: String?
        public var published: String?
    }

    public static func clean(_ text: String, title knownTitle: String? = nil) -> Result {
        // Text that went through a wrong charset on its way here is read again as what it was.
        if let fixed = Mojibake.repaired(text) { return clean(fixed, title: knownTitle.map { Mojibake.repaired($0) ?? $0 }) }
        guard mayNeedCleaning(text, title: knownTitle) else { return Result(text: trimmed(text), title: knownTitle, published: nil) }
        var storage = text
        return storage.withUTF8 { cleanLines(text, $0, title: knownTitle) }
    }

    /// The line-by-line clean-up, on byte ranges of `b` (the UTF-8 of `text`): only the few lines
    /// that need `String` semantics (front matter, a date stamp, the repeated title, share lines)
    /// are looked at as Substrings.
    private static func cleanLines(_ text: String, _ b: UnsafeBufferPointer<UInt8>, title knownTitle: String?) -> Result {
        var title = knownTitle
        var published: String?
        var lines = splitLines(b)
        let originalCount = lines.count
        func line(_ r: Range<Int>) -> Substring {
            let u = text.utf8
            return text[u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)]
        }
        func isFence(_ l: Line) -> Bool { l.trimmed.count == 3 && l.trimmed.allSatisfy { b[$0] == 0x2D } }

        // Front matter (Jekyll, Hugo): `---` ... `---` at the very top.
        if let first = lines.first, isFence(first), let end = lines.dropFirst().firstIndex(where: isFence), end < 40 {
            for l in lines[1..<end] {
                let l = line(l.trimmed)
                if let v = value(of: "title", in: l), title == nil { title = v }
                if let v = value(of: "date", in: l), published == nil { published = PageMetadata.day(v) }
            }
            lines.removeSubrange(0...end)
        }
        // A date stamp before the first words: " date 2024-11-17 Text…"
        if let first = lines.firstIndex(where: { !$0.trimmed.isEmpty }) {
            let l = line(lines[first].trimmed)
            if l.hasPrefix("date "), l.utf8.count >= 15 {
                let rest = l.dropFirst(5)
                if let day = PageMetadata.day(String(rest.prefix(10))) {
                    published = published ?? day
                    let after = rest.dropFirst(10).utf8
                    let from = text.utf8.distance(from: text.utf8.startIndex, to: after.startIndex)
                    lines[first] = Line(from..<(from + after.count), in: b)
                }
            }
        }
        // The title again as the first line.
        if let t = title.map(normalized), !t.isEmpty, let first = lines.firstIndex(where: { !$0.trimmed.isEmpty }),
           mayReadSame(b, lines[first].trimmed, titleScalars: t.unicodeScalars.count), normalized(line(lines[first].trimmed)) == t {
            lines.remove(at: first)
        }
        // The comment form and whatever follows it.
        if let cut = lines.firstIndex(where: { isCommentFormStart(b, $0.trimmed) }) {
            lines.removeSubrange(cut...)
        }
        lines.removeAll { l in isBoilerplateLine(b, l.trimmed) { line(l.trimmed) } }

        var out = lines.count == originalCount && title == knownTitle && published == nil ? text : joined(lines, b)
        // Trimmed Character by Character, as before: a space that carries a combining mark stays.
        var kept = Substring(out)
        while kept.hasPrefix("\n") || kept.hasPrefix(" ") { kept.removeFirst() }
        while kept.hasSuffix("\n") || kept.hasSuffix(" ") { kept.removeLast() }
        if kept.startIndex != out.startIndex || kept.endIndex != out.endIndex { out = String(kept) }
        return Result(text: out, title: title, published: published)
    }

    /// A line as byte ranges of the text: all of it, and without surrounding white space.
    struct Line {
        var text: Range<Int>
        var trimmed: Range<Int>
        init(_ text: Range<Int>, in b: UnsafeBufferPointer<UInt8>) {
            self.text = text
            var start = text.lowerBound, end = text.upperBound
            while start < end, Bytes.isSpace(b[start]) { start += 1 }
            while end > start, Bytes.isSpace(b[end - 1]) { end -= 1 }
            trimmed = start..<end
        }
    }

    static func splitLines(_ b: UnsafeBufferPointer<UInt8>) -> [Line] {
        var out: [Line] = []
        var start = 0
        while true {
            let end = Bytes.lineEnd(b, from: start)
            out.append(Line(start..<end, in: b))
            guard end < b.count else { return out }
            start = end + 1
        }
    }

    /// The lines' bytes joined with newlines; they are whole scalars of valid UTF-8, so nothing is repaired.
    static func joined(_ lines: [Line], _ b: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(b.count)
        for (k, l) in lines.enumerated() {
            if k > 0 { bytes.append(0x0A) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[l.text]))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func value(of key: String, in line: Substring) -> String? {
        // Bytes first: building `key + ":"` and comparing Characters costs more than the whole front matter.
        guard line.utf8.starts(with: key.utf8), line.utf8.dropFirst(key.utf8.count).first == 0x3A,
              line.hasPrefix(key + ":") else { return nil }
        var v = line.dropFirst(key.count + 1)
        while v.first == " " { v.removeFirst() }
        if v.count >= 2, let f = v.first, f == "\"" || f == "'", v.last == f { v = v.dropFirst().dropLast() }
        return v.isEmpty ? nil : String(v)
    }

    /// Letters and digits only, lowercased scalar by scalar as `String.lowercased()` does: how a
    /// title and a line are compared. ASCII and basic Cyrillic are mapped here, the rest by their
    /// Unicode properties, which are slow to look up.
    static func normalized(_ s: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x30...0x39, 0x61...0x7A: out.append(UInt8(u.value))
            case 0x41...0x5A: out.append(UInt8(u.value) | 0x20)
            case 0..<0x80: continue
            case 0x400...0x40F: UTF8.encode(Unicode.Scalar(u.value + 0x50)!) { out.append($0) }  // Ѐ–Џ → ѐ–џ
            case 0x410...0x42F: UTF8.encode(Unicode.Scalar(u.value + 0x20)!) { out.append($0) }  // А–Я → а–я
            case 0x430...0x45F: UTF8.encode(u) { out.append($0) }
            default:
                for l in u.properties.lowercaseMapping.unicodeScalars where l.properties.isAlphabetic || l.properties.numericType != nil {
                    UTF8.encode(l) { out.append($0) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let commentFormStarts: [[UInt8]] = [
        "leave a reply", "leave a comment", "post a comment", "add a comment", "оставить комментарий",
        "добавить комментарий", "залишити коментар", "додати коментар", "schreibe einen kommentar",
        "kommentar verfassen", "hinterlasse einen kommentar",
    ].map { Array($0.utf8) }

    static func isCommentFormStart(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        line.count < 300 && commentFormStarts.contains { startsLower(b, line.lowerBound, line.upperBound, $0) }
    }

    static let tagPrefixes: [[UInt8]] = [
        "tags:", "tagged:", "tagged with", "теги:", "тэги:", "мітки:", "теґи:", "schlagwörter:", "schlagworte:",
        "themen:", "topics:", "filed under:", "categories:",
    ].map { Array($0.utf8) }
    static let bioPrefixes: [[UInt8]] = [
        "about the author", "об авторе", "про автора", "über den autor", "über die autorin", "author bio",
    ].map { Array($0.utf8) }
    static let shareWords: Set<String> = [
        "share", "shares", "tweet", "facebook", "twitter", "x", "whatsapp", "telegram", "viber", "email", "e-mail",
        "print", "linkedin", "reddit", "pinterest", "copy", "link", "copied", "on", "this", "article", "share:",
        "поделиться", "поділитися", "teilen", "drucken", "vk", "вконтакте", "одноклассники", "skype", "messenger",
    ]

    /// Whether the (trimmed) line is a tag list, an author bio or a row of share buttons; `text`
    /// gives the line as a Substring for the one check that needs Unicode lowercasing.
    static func isBoilerplateLine(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, text: () -> Substring) -> Bool {
        let count = line.count, s = line.lowerBound, e = line.upperBound
        guard count > 0, count < 300 else { return false }
        if tagPrefixes.contains(where: { startsLower(b, s, e, $0) }) { return true }
        if bioPrefixes.contains(where: { startsLower(b, s, e, $0) }) { return true }
        // A short line made only of share-button labels; cheap test first: the first word must be one.
        guard count < 160, firstWordIsShareLabel(b, s, e, maxBytes: 64), onlyShareLineBytes(b, line) else { return false }
        let l = text().lowercased()
        let words = l.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "·" || $0 == "•" || $0 == "/" })
        if !words.isEmpty && words.count <= 12 && words.allSatisfy({ shareWords.contains(String($0)) }) {
            return words.contains { $0.hasPrefix("share") || $0 == "tweet" || $0.hasPrefix("поделит") || $0.hasPrefix("поділит") || $0 == "teilen" || $0 == "facebook" }
        }
        return false
    }

    /// Whether the line could be share labels alone. Their words are letters, `:` and `-` between
    /// `" "`, `|`, `/`, `·` and `•`; lowercasing keeps every other ASCII character (a digit, a full
    /// stop) in some word, so a line with one is an ordinary sentence, known without lowercasing it.
    static func onlyShareLineBytes(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        for i in line {
            let c = b[i]
            guard c >= 0x80 || c | 0x20 >= 0x61 && c | 0x20 <= 0x7A || c == 0x3A || c == 0x2D || c == 0x20 || c == 0x7C || c == 0x2F
            else { return false }
        }
        return true
    }
}
