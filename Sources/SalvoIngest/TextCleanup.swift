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
        guard mayNeedCleaning(text, title: knownTitle) else { return Result(text: trimmed(text), title: knownTitle, published: nil) }
        var title = knownTitle
        var published: String?
        var lines = splitLines(text)
        let originalCount = lines.count

        // Front matter (Jekyll, Hugo): `---` ... `---` at the very top.
        if lines.first?.trimmed == "---", let end = lines.dropFirst().firstIndex(where: { $0.trimmed == "---" }), end < 40 {
            for line in lines[1..<end] {
                let l = line.trimmed
                if let v = value(of: "title", in: l), title == nil { title = v }
                if let v = value(of: "date", in: l), published == nil { published = PageMetadata.day(v) }
            }
            lines.removeSubrange(0...end)
        }
        // A date stamp before the first words: " date 2024-11-17 Text…"
        if let first = lines.firstIndex(where: { !$0.trimmed.isEmpty }) {
            let l = lines[first].trimmed
            if l.hasPrefix("date "), l.utf8.count >= 15 {
                let rest = l.dropFirst(5)
                if let day = PageMetadata.day(String(rest.prefix(10))) {
                    published = published ?? day
                    lines[first] = Line(rest.dropFirst(10))
                }
            }
        }
        // The title again as the first line.
        if let t = title.map(normalized), !t.isEmpty, let first = lines.firstIndex(where: { !$0.trimmed.isEmpty }),
           normalized(lines[first].trimmed) == t {
            lines.remove(at: first)
        }
        // The comment form and whatever follows it.
        if let cut = lines.firstIndex(where: { isCommentFormStart($0.trimmed) }) {
            lines.removeSubrange(cut...)
        }
        lines.removeAll { isBoilerplateLine($0.trimmed) }

        var out = lines.count == originalCount && title == knownTitle && published == nil
            ? text : lines.map(\.text).joined(separator: "\n")
        while out.hasPrefix("\n") || out.hasPrefix(" ") { out.removeFirst() }
        while out.hasSuffix("\n") || out.hasSuffix(" ") { out.removeLast() }
        return Result(text: out, title: title, published: published)
    }

    /// A line as a slice of the text (no copies), with its trimmed form.
    struct Line {
        var text: Substring
        var trimmed: Substring
        init(_ text: Substring) {
            self.text = text
            let u = text.utf8
            var start = u.startIndex, end = u.endIndex
            while start < end, Bytes.isSpace(u[start]) { start = u.index(after: start) }
            while end > start, Bytes.isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
            trimmed = text[start..<end]
        }
    }

    static func splitLines(_ text: String) -> [Line] {
        var out: [Line] = []
        let u = text.utf8
        var start = u.startIndex
        var i = u.startIndex
        while i != u.endIndex {
            if u[i] == 0x0A {
                out.append(Line(text[start..<i]))
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        out.append(Line(text[start..<u.endIndex]))
        return out
    }

    static func value(of key: String, in line: Substring) -> String? {
        guard line.hasPrefix(key + ":") else { return nil }
        var v = line.dropFirst(key.count + 1)
        while v.first == " " { v.removeFirst() }
        if v.count >= 2, let f = v.first, f == "\"" || f == "'", v.last == f { v = v.dropFirst().dropLast() }
        return v.isEmpty ? nil : String(v)
    }

    static func normalized(_ s: some StringProtocol) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    static let commentFormStarts: [[UInt8]] = [
        "leave a reply", "leave a comment", "post a comment", "add a comment", "оставить комментарий",
        "добавить комментарий", "залишити коментар", "додати коментар", "schreibe einen kommentar",
        "kommentar verfassen", "hinterlasse einen kommentar",
    ].map { Array($0.utf8) }

    static func isCommentFormStart(_ line: Substring) -> Bool {
        guard line.utf8.count < 300 else { return false }
        let head = Bytes.lowerPrefix(line.utf8, 64)
        return commentFormStarts.contains { head.starts(with: $0) }
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

    static func isBoilerplateLine(_ line: Substring) -> Bool {
        let count = line.utf8.count
        guard count > 0, count < 300 else { return false }
        let head = Bytes.lowerPrefix(line.utf8, 64)
        if tagPrefixes.contains(where: { head.starts(with: $0) }) { return true }
        if bioPrefixes.contains(where: { head.starts(with: $0) }) { return true }
        // A short line made only of share-button labels.
        guard count < 160 else { return false }
        // Cheap test first: the first word must be a share label.
        let firstWord = head.prefix { $0 != 0x20 && $0 != 0x7C }
        guard shareWords.contains(String(decoding: firstWord, as: UTF8.self)) else { return false }
        let l = line.lowercased()
        let words = l.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "·" || $0 == "•" || $0 == "/" })
        if !words.isEmpty && words.count <= 12 && words.allSatisfy({ shareWords.contains(String($0)) }) {
            return words.contains { $0.hasPrefix("share") || $0 == "tweet" || $0.hasPrefix("поделит") || $0.hasPrefix("поділит") || $0 == "teilen" || $0 == "facebook" }
        }
        return false
    }
}
