import SalvoModel

/// Everything the text layer knows about one document: folded text, tokens, sentences, lexicon
/// hits, numbers, dates and places, all on the same token positions.
///
/// ```swift
/// let analysis = TextAnalysis(text: "Overnight, Russia launched 50 drones.", language: nil, published: Day("2024-11-17"))
/// analysis.language            // "en"
/// analysis.numbers.map(\.value)  // [50]
/// ```
public struct TextAnalysis: Sendable {
    public let original: [UInt8]
    public let folded: FoldedText
    public let language: String?
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// Lexicon hits in text order, and keyed by their first token.
    public let hits: [AnnotatedHit]
    public let hitAt: TokenHits
    public let numbers: [NumberMention]
    public let dates: [DateMention]
    public let places: [PlaceOccurrence]
    /// Keeps the lexicon's entry table alive for as long as the hits that point into it.
    public let lexicon: Lexicon

    public init(text: String, language: String?, published: Day?, lexicon: Lexicon = .shared,
                gazetteer: (any PlaceFinding)? = nil) {
        self.lexicon = lexicon
        original = Array(text.utf8)
        folded = FoldedText(text)
        let matches = lexicon.matches(in: folded)
        let lang = language.flatMap { ["en", "de", "uk", "ru"].contains($0) ? $0 : nil }
            ?? LanguageIdentifier.identify(folded, hits: lexicon.hits(from: matches, language: nil))
        self.language = lang
        let toks = Tokenizer.tokens(folded)
        tokens = toks
        var list: [AnnotatedHit] = []
        for h in lexicon.hits(from: matches, language: lang) {
            let a = toks.tokenIndex(atOrAfter: h.start)
            let b = max(a + 1, toks.tokenIndex(atOrAfter: h.end - 1) + 1)
            list.append(AnnotatedHit(hit: h, tokens: a..<min(b, toks.count)))
        }
        hits = list
        let byToken = TokenHits(hits: list, tokenCount: toks.count)
        hitAt = byToken
        var abbreviations = Set<[UInt8]>()
        for h in list where h.hit.has(.abbrev) {
            // The abbreviation's own full stop is not part of the word token.
            var w = Array(folded.bytes[h.hit.start..<h.hit.end])
            if w.last == 0x2E { w.removeLast() }
            abbreviations.insert(w)
        }
        let splitter = SentenceSplitter(abbreviations: abbreviations)
        let foldedText = folded
        sentences = original.withUnsafeBufferPointer { splitter.split(foldedText, original: $0, tokens: toks) }
        let nums = NumberReader(language: lang).read(folded, tokens: toks, hits: byToken)
        numbers = nums
        dates = DateReader(published: published).read(folded, tokens: toks, hits: byToken, numbers: nums)
        let found = gazetteer?.places(in: folded) ?? []
        places = found.map { p in
            let a = toks.tokenIndex(atOrAfter: p.range.lowerBound)
            let b = max(a + 1, toks.tokenIndex(atOrAfter: p.range.upperBound - 1) + 1)
            return PlaceOccurrence(place: p.place, tokens: a..<min(b, toks.count))
        }.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// The hits, numbers, dates and places of one sentence: slices found by binary search, since
    /// every step of extraction asks for them sentence by sentence.
    public func hits(in s: Sentence) -> ArraySlice<AnnotatedHit> { Self.slice(hits, s.tokens) { $0.tokens.lowerBound } }
    public func numbers(in s: Sentence) -> ArraySlice<NumberMention> { Self.slice(numbers, s.tokens) { $0.tokens.lowerBound } }
    public func dates(in s: Sentence) -> ArraySlice<DateMention> { Self.slice(dates, s.tokens) { $0.tokens.lowerBound } }
    public func places(in s: Sentence) -> ArraySlice<PlaceOccurrence> { Self.slice(places, s.tokens) { $0.tokens.lowerBound } }

    static func slice<T>(_ items: [T], _ range: Range<Int>, _ key: (T) -> Int) -> ArraySlice<T> {
        func firstIndex(atLeast v: Int) -> Int {
            var lo = 0, hi = items.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if key(items[mid]) < v { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return items[firstIndex(atLeast: range.lowerBound)..<firstIndex(atLeast: range.upperBound)]
    }

    /// The original text of a token range.
    public func originalText(_ tokenRange: Range<Int>) -> String {
        guard !tokenRange.isEmpty else { return "" }
        let a = folded.originalOffset(of: tokens[tokenRange.lowerBound].start)
        let b = folded.originalOffset(of: tokens[tokenRange.upperBound - 1].end)
        return String(decoding: original[a..<b], as: UTF8.self)
    }

    /// The folded text of one token.
    public func word(_ index: Int) -> String { folded.string(tokens[index].range) }

    /// Index of the sentence holding token `index`.
    public func sentenceIndex(ofToken index: Int) -> Int {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if sentences[mid].tokens.upperBound <= index { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A place the gazetteer found, on token positions.
public struct PlaceOccurrence: Sendable {
    public var place: Place
    public var tokens: Range<Int>
}

/// Finds places in folded text; the gazetteer is the real one, tests may pass their own.
public protocol PlaceFinding: Sendable {
    func places(in text: FoldedText) -> [(range: Range<Int>, place: Place)]
}
