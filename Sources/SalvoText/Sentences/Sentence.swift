/// A sentence (or headline line) of a document.
public struct Sentence: Sendable, Equatable {
    /// Token index range into the document's tokens.
    public var tokens: Range<Int>
    /// Folded byte range.
    public var folded: Range<Int>
    /// Original UTF-8 byte range.
    public var original: Range<Int>
    /// Whether a line break (not a full stop) ended it; headlines and list items end so.
    public var endsLine: Bool
    /// Index of the paragraph (line) it belongs to.
    public var paragraph: Int
    /// Its own index among the document's sentences.
    public var index: Int
}

/// Splits tokens into sentences: at line breaks, and at `. ! ? …` followed by an upper-case letter,
/// a digit, a quote or a dash — unless the word before the stop is an abbreviation or an initial.
public struct SentenceSplitter: Sendable {
    public var abbreviations: Set<[UInt8]>

    /// The most tokens one sentence holds; longer runs are cut.
    public static let maxTokens = 240

    public init(abbreviations: Set<[UInt8]>) {
        self.abbreviations = abbreviations
    }

    public func split(_ text: FoldedText, original: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Sentence] {
        var result: [Sentence] = []
        var first = 0
        var paragraph = 0
        func close(_ endToken: Int, endsLine: Bool) {
            // Trim: a sentence never starts or ends with a newline token.
            var a = first
            var b = endToken
            while a < b && tokens[a].kind == .newline { a += 1 }
            while b > a && tokens[b - 1].kind == .newline { b -= 1 }
            if a < b {
                let fs = tokens[a].start, fe = tokens[b - 1].end
                result.append(Sentence(tokens: a..<b, folded: fs..<fe,
                                       original: text.originalOffset(of: fs)..<text.originalOffset(of: fe),
                                       endsLine: endsLine, paragraph: paragraph, index: result.count))
            }
            first = endToken
        }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            // A run of text with no stop (a table, a list, a scraped blob) is cut into pieces of at
            // most `maxTokens`, at the last comma or semicolon if there is one, so that the work done
            // per sentence stays bounded whatever the input.
            if i - first >= Self.maxTokens {
                var cut = i
                var k = i - 1
                while k > first + Self.maxTokens / 2 {
                    if tokens[k].kind == .punct, text.bytes[tokens[k].start] == 0x2C || text.bytes[tokens[k].start] == 0x3B { cut = k + 1; break }
                    k -= 1
                }
                close(cut, endsLine: false)
                i = cut
                continue
            }
            if t.kind == .newline {
                close(i, endsLine: true)
                paragraph += 1
                i += 1
                continue
            }
            if t.kind == .punct && isStop(text.bytes, t) && i + 1 < tokens.count {
                // Close after any closing quotes or brackets that follow the stop.
                var k = i + 1
                while k < tokens.count && tokens[k].kind == .punct && isCloser(text.bytes, tokens[k]) && tokens[k].start == tokens[k - 1].end { k += 1 }
                if k < tokens.count, tokens[k].start > tokens[k - 1].end || tokens[k].kind == .newline,
                   startsSentence(tokens[k], text: text, original: original),
                   !isAbbreviation(before: i, tokens: tokens, text: text) {
                    close(k, endsLine: false)
                    i = k
                    continue
                }
            }
            i += 1
        }
        close(tokens.count, endsLine: true)
        return result
    }

    private func isStop(_ b: [UInt8], _ t: Token) -> Bool {
        let c = b[t.start]
        if t.end - t.start == 1 { return c == 0x2E || c == 0x21 || c == 0x3F }
        return t.end - t.start == 3 && c == 0xE2 && b[t.start + 1] == 0x80 && b[t.start + 2] == 0xA6  // …
    }

    private func isCloser(_ b: [UInt8], _ t: Token) -> Bool {
        let c = b[t.start]
        if t.end - t.start == 1 { return c == 0x22 || c == 0x27 || c == 0x29 }
        // » ” “
        return (c == 0xC2 && b[t.start + 1] == 0xBB) || (c == 0xE2 && b[t.start + 1] == 0x80 && (b[t.start + 2] == 0x9D || b[t.start + 2] == 0x9C))
    }

    private func startsSentence(_ t: Token, text: FoldedText, original: UnsafeBufferPointer<UInt8>) -> Bool {
        if t.kind == .newline || t.kind == .digits { return true }
        let o = text.originalOffset(of: t.start)
        guard o < original.count else { return true }
        let c = original[o]
        if t.kind == .punct { return true }  // quotes, dashes, brackets opening the next sentence
        if c >= 0x41 && c <= 0x5A { return true }
        if o + 1 < original.count {
            let d = original[o + 1]
            if c == 0xD0 && d >= 0x80 && d <= 0xAF { return true }  // Cyrillic capitals Ѐ–Я
            if c == 0xD2 && d == 0x90 { return true }  // Ґ
            if c == 0xC3 && d >= 0x80 && d <= 0x9E { return true }  // Ä Ö Ü …
        }
        return false
    }

    private func isAbbreviation(before stop: Int, tokens: [Token], text: FoldedText) -> Bool {
        guard stop > 0, tokens[stop - 1].kind == .word, tokens[stop - 1].end == tokens[stop].start else { return false }
        let range = tokens[stop - 1].range
        // A single letter is an initial: "V. Zelensky", "О. Ткаченко".
        var scalars = 0
        for i in range where text.bytes[i] & 0xC0 != 0x80 { scalars += 1 }
        if scalars == 1 { return true }
        return !abbreviations.isEmpty && abbreviations.contains(Array(text.bytes[range]))
    }
}
