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
                let lineEnd = Bytes.lineEnd(b, from: lineStart)
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
                    if length < 300, lineStartKeys.contains(startKey(b, s, e)) {
                        if commentFormStarts.contains(where: { startsLower(b, s, e, $0) })
                            || tagPrefixes.contains(where: { startsLower(b, s, e, $0) })
                            || bioPrefixes.contains(where: { startsLower(b, s, e, $0) }) { return true }
                        // 24 bytes: longer labels ("одноклассники") never counted here, and the output must not change.
                        if length < 160 && firstWordIsShareLabel(b, s, e, maxBytes: 24) { return true }
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
    /// Share labels by their length in bytes, to compare a line's first word with a few of them.
    static let shareLabelsByLength: [[[UInt8]]] = {
        let labels = shareWords.map { Array($0.utf8) }
        var table = Array(repeating: [[UInt8]](), count: labels.map(\.count).max()! + 1)
        for l in labels { table[l.count].append(l) }
        return table
    }()

    /// The lowercased first scalar of every prefix and label a boilerplate line can start with: most
    /// lines start with none of them and need no prefix comparisons at all.
    static let lineStartKeys: Set<UInt16> = Set((commentFormStarts + tagPrefixes + bioPrefixes + shareWords.map { Array($0.utf8) }).map { p in
        p.withUnsafeBufferPointer { startKey($0, 0, $0.count) }
    })

    /// A line's first scalar lowercased as `startsLower` does (two bytes for Latin-1 and Cyrillic), as one number.
    static func startKey(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt16 {
        let c = b[s]
        guard c == 0xD0 || c == 0xD1 || c == 0xD2 || c == 0xC3, s + 1 < e else { return UInt16(Bytes.lower(c)) }
        let (l0, l1) = lowerPair(c, b[s + 1])
        return UInt16(l0) << 8 | UInt16(l1)
    }

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

    /// Whether the line's first word (up to a space or `|`, at most `maxBytes` long) is a share label, in any case.
    static func firstWordIsShareLabel(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, maxBytes: Int) -> Bool {
        var w = s
        while w < e && b[w] != 0x20 && b[w] != 0x7C { w += 1 }
        let length = w - s
        guard length <= maxBytes, length < shareLabelsByLength.count else { return false }
        // Lowercasing keeps the length, so a label of the same length that the word starts with is the word.
        return shareLabelsByLength[length].contains { startsLower(b, s, w, $0) }
    }

    /// Whether a line could read the same as a title whose normalized form has `titleScalars` scalars.
    /// Every ASCII letter or digit and every Cyrillic letter (lead byte D0 or D1) keeps at least one
    /// scalar in the line's normalized form, and canonically equal strings differ at most fourfold in
    /// scalars (the longest canonical decomposition): a first paragraph is rejected without normalizing it.
    static func mayReadSame(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, titleScalars: Int) -> Bool {
        let limit = 4 * titleScalars
        var letters = 0
        for i in line {
            let c = b[i]
            if (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0xD0 || c == 0xD1 {
                letters += 1
                if letters > limit { return false }
            }
        }
        return true
    }
}
