extension TextCleanup {
    /// Whether `clean` could change anything, decided in one pass over the bytes without allocating.
    /// Most texts (JSON Lines records from pipelines) have nothing to remove, and the line-by-line
    /// clean-up costs as much as extracting figures from them.
    static func mayNeedCleaning(_ text: String, title: String?) -> Bool {
        var copy = text
        return copy.withUTF8 { b in
            let n = b.count
            guard n > 0 else { return false }
            var lineStart = 0
            var firstLine = true
            while lineStart <= n {
                var lineEnd = lineStart
                while lineEnd < n && b[lineEnd] != 0x0A { lineEnd += 1 }
                var s = lineStart, e = lineEnd
                while s < e && Bytes.isSpace(b[s]) { s += 1 }
                while e > s && Bytes.isSpace(b[e - 1]) { e -= 1 }
                if s < e {
                    let length = e - s
                    if firstLine {
                        firstLine = false
                        if startsLower(b, s, e, Self.frontMatter) || startsLower(b, s, e, Self.dateStamp) { return true }
                        if let title, sameLetters(b, s, e, title) { return true }
                    }
                    if length < 300 {
                        if commentFormStarts.contains(where: { startsLower(b, s, e, $0) })
                            || tagPrefixes.contains(where: { startsLower(b, s, e, $0) })
                            || bioPrefixes.contains(where: { startsLower(b, s, e, $0) }) { return true }
                        if length < 160 && firstWordIsShareLabel(b, s, e) { return true }
                    }
                }
                lineStart = lineEnd + 1
            }
            return false
        }
    }

    /// Whether a line and the title read the same, ignoring case, spaces and punctuation (the
    /// byte-level counterpart of comparing `normalized` forms).
    static func sameLetters(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ title: String) -> Bool {
        var t = title
        return t.withUTF8 { tb in
            var i = s, j = 0
            while true {
                while i < e && isSkippable(b, i) { i += skipWidth(b, i) }
                while j < tb.count && isSkippable(tb, j) { j += skipWidth(tb, j) }
                if i >= e || j >= tb.count { return i >= e && j >= tb.count }
                if (b[i] & 0xE0) == 0xC0, i + 1 < e, (tb[j] & 0xE0) == 0xC0, j + 1 < tb.count {
                    guard lowerPair(b[i], b[i + 1]) == lowerPair(tb[j], tb[j + 1]) else { return false }
                    i += 2
                    j += 2
                    continue
                }
                guard Bytes.lower(b[i]) == Bytes.lower(tb[j]) else { return false }
                i += 1
                j += 1
            }
        }
    }

    /// ASCII that is not a letter or digit, and general punctuation (E2 80 xx: dashes, quotes).
    private static func isSkippable(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)) }
        if c == 0xC2 { return true }  // «, », non-breaking space
        return c == 0xE2 && i + 1 < b.count && b[i + 1] == 0x80
    }

    private static func skipWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
    }

    /// The text without leading and trailing white space, as the full clean-up leaves it.
    static func trimmed(_ text: String) -> String {
        let u = text.utf8
        guard let first = u.first, let last = u.last, Bytes.isSpace(first) || Bytes.isSpace(last) else { return text }
        var start = u.startIndex, end = u.endIndex
        while start < end, Bytes.isSpace(u[start]) { start = u.index(after: start) }
        while end > start, Bytes.isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(text[start..<end])
    }

    static let frontMatter: [UInt8] = Array("---".utf8)
    static let dateStamp: [UInt8] = Array("date ".utf8)
    static let shareLabels: Set<[UInt8]> = Set(shareWords.map { Array($0.utf8) })

    /// Whether the bytes `b[s..<e]`, lowercased (ASCII, Latin-1, basic Cyrillic), start with `prefix`.
    static func startsLower(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ prefix: [UInt8]) -> Bool {
        guard e - s >= prefix.count else { return false }
        var i = s
        var k = 0
        while k < prefix.count {
            let c = b[i]
            if c == 0xD0 || c == 0xD1 || c == 0xD2 || c == 0xC3, i + 1 < e, k + 1 < prefix.count {
                let (l0, l1) = lowerPair(c, b[i + 1])
                guard l0 == prefix[k], l1 == prefix[k + 1] else { return false }
                i += 2
                k += 2
                continue
            }
            guard Bytes.lower(c) == prefix[k] else { return false }
            i += 1
            k += 1
        }
        return true
    }

    static func lowerPair(_ a: UInt8, _ b: UInt8) -> (UInt8, UInt8) {
        switch (a, b) {
        case (0xD0, 0x90...0x9F): return (0xD0, b + 0x20)
        case (0xD0, 0xA0...0xAF): return (0xD1, b - 0x20)
        case (0xD0, 0x80...0x8F): return (0xD1, b + 0x10)
        case (0xD2, 0x90): return (0xD2, 0x91)
        case (0xC3, 0x80...0x9E) where b != 0x97: return (0xC3, b + 0x20)
        default: return (a, b)
        }
    }

    private static func firstWordIsShareLabel(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var w = s
        while w < e && b[w] != 0x20 && b[w] != 0x7C { w += 1 }
        guard w - s <= 24 else { return false }
        var word: [UInt8] = []
        var i = s
        while i < w {
            if (b[i] == 0xD0 || b[i] == 0xD1 || b[i] == 0xD2 || b[i] == 0xC3) && i + 1 < w {
                let (l0, l1) = lowerPair(b[i], b[i + 1])
                word.append(l0)
                word.append(l1)
                i += 2
            } else {
                word.append(Bytes.lower(b[i]))
                i += 1
            }
        }
        return shareLabels.contains(word)
    }
}
