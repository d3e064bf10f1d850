import SalvoModel

/// Everything the text layer knows about one document: folded text, tokens, sentences, lexicon
/// hits, numbers, dates and places, all on the same token positions.
///
/// ```swift
/// let analysis = TextAnalysis(text: "Overnight, Russia launched 50 drones.", language: nil, published: Day("2024-11-17"))
/// analysis.language            // "en"
/// analysis.numbers.map(\.value)  // [50]
/// ```
///
/// A class: every stage of extraction holds the analysis, and sharing one reference is cheaper than
/// copying a dozen arrays' references into each.
public final class TextAnalysis: Sendable {
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
    /// Token length of the longest place found.
    let longestPlace: Int
    private let bounds: [SentenceBounds]
    /// Keeps the lexicon's entry table alive for as long as the hits that point into it.
    public let lexicon: Lexicon

    public init(text: String, language: String?, published: Day?, lexicon: Lexicon = .shared,
                gazetteer: (any PlaceFinding)? = nil) {
        self.lexicon = lexicon
        let original = Array(text.utf8)
        let folded = FoldedText(text)
        let toks = Tokenizer.tokens(folded)
        // Both tries walk from the same starts, read once off the tokens.
        let starts = WalkStarts(tokens: toks, text: folded)
        let matches = lexicon.matches(in: folded, startingAt: starts)
        let lang = language.flatMap { ["en", "de", "uk", "ru"].contains($0) ? $0 : nil }
            ?? LanguageIdentifier.identify(folded, hits: lexicon.hits(from: matches, language: nil),
                                           profiles: lexicon.languageProfiles)
        let list = Self.onTokens(lexicon.hits(from: matches, language: lang), toks)
        let byToken = TokenHits(hits: list, tokenCount: toks.count)
        var abbreviations = Set<[UInt8]>()
        for h in list where h.hit.has(.abbrev) {
            // The abbreviation's own full stop is not part of the word token.
            var w = Array(folded.bytes[h.hit.start..<h.hit.end])
            if w.last == 0x2E { w.removeLast() }
            abbreviations.insert(w)
        }
        let splitter = SentenceSplitter(abbreviations: abbreviations)
        let sentences = original.withUnsafeBufferPointer { splitter.split(folded, original: $0, tokens: toks) }
        let nums = NumberReader(language: lang, format: lexicon.numberFormat(for: lang)).read(folded, tokens: toks, hits: byToken)
        let dates = DateReader(published: published).read(folded, tokens: toks, hits: byToken, numbers: nums)
        let places = Self.onTokens(gazetteer?.places(in: folded, startingAt: starts) ?? [], toks)
        self.original = original
        self.folded = folded
        self.language = lang
        self.tokens = toks
        self.hits = list
        self.hitAt = byToken
        self.sentences = sentences
        self.numbers = nums
        self.dates = dates
        self.places = places
        longestPlace = places.reduce(0) { max($0, $1.tokens.count) }
        let hitBounds = Self.bounds(list, sentences) { $0.tokens.lowerBound }
        let numberBounds = Self.bounds(nums, sentences) { $0.tokens.lowerBound }
        let dateBounds = Self.bounds(dates, sentences) { $0.tokens.lowerBound }
        let placeBounds = Self.bounds(places, sentences) { $0.tokens.lowerBound }
        bounds = sentences.indices.map {
            SentenceBounds(hits: hitBounds[$0], numbers: numberBounds[$0], dates: dateBounds[$0], places: placeBounds[$0])
        }
    }

    /// Lexicon hits on token positions. Hits come in text order, so their tokens are found by
    /// walking forward, not by searching.
    private static func onTokens(_ found: [LexiconHit], _ toks: [Token]) -> [AnnotatedHit] {
        var list: [AnnotatedHit] = []
        list.reserveCapacity(found.count)
        var k = 0
        for h in found {
            while k < toks.count && toks[k].end <= h.start { k += 1 }
            var b = k
            while b < toks.count && toks[b].end < h.end { b += 1 }
            list.append(AnnotatedHit(hit: h, tokens: k..<min(max(k + 1, b + 1), toks.count)))
        }
        return list
    }

    /// Places on token positions, in text order.
    private static func onTokens(_ mentions: [(range: Range<Int>, place: Place)], _ toks: [Token]) -> [PlaceOccurrence] {
        var places: [PlaceOccurrence] = []
        places.reserveCapacity(mentions.count)
        for p in mentions {
            let a = toks.tokenIndex(atOrAfter: p.range.lowerBound)
            let b = max(a + 1, toks.tokenIndex(atOrAfter: p.range.upperBound - 1) + 1)
            places.append(PlaceOccurrence(place: p.place, tokens: a..<min(b, toks.count)))
        }
        places.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        return places
    }

    /// The hits, numbers, dates and places of one sentence: slices worked out once per document,
    /// since every step of extraction asks for them sentence by sentence.
    public func hits(in s: Sentence) -> ArraySlice<AnnotatedHit> { hits[bounds[s.index].hits] }
    public func numbers(in s: Sentence) -> ArraySlice<NumberMention> { numbers[bounds[s.index].numbers] }
    public func dates(in s: Sentence) -> ArraySlice<DateMention> { dates[bounds[s.index].dates] }
    public func places(in s: Sentence) -> ArraySlice<PlaceOccurrence> { places[bounds[s.index].places] }

    /// The places whose first token lies in `tokens`, found by binary search (places are sorted by
    /// their first token), so a check per number costs a logarithm, not a pass over the document.
    package func places(startingIn tokens: Range<Int>) -> ArraySlice<PlaceOccurrence> {
        let a = Self.firstIndex(places, atLeast: tokens.lowerBound) { $0.tokens.lowerBound }
        let b = Self.firstIndex(places, atLeast: tokens.upperBound) { $0.tokens.lowerBound }
        return places[a..<max(a, b)]
    }

    /// Per sentence, the index ranges of its hits, numbers, dates and places.
    struct SentenceBounds: Sendable {
        var hits: Range<Int>
        var numbers: Range<Int>
        var dates: Range<Int>
        var places: Range<Int>
    }

    /// For items sorted by first token: per sentence, the range of those starting inside it, in
    /// one forward pass.
    static func bounds<T>(_ items: [T], _ sentences: [Sentence], _ first: (T) -> Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(sentences.count)
        var i = 0
        for s in sentences {
            while i < items.count && first(items[i]) < s.tokens.lowerBound { i += 1 }
            var j = i
            while j < items.count && first(items[j]) < s.tokens.upperBound { j += 1 }
            out.append(i..<j)
            i = j
        }
        return out
    }

    /// Index in `places` of the first place (in text order) covering token `k`, if any.
    public func placeIndex(at k: Int) -> Int? {
        // Only places starting at most `longestPlace` tokens before `k` can cover it.
        var i = Self.firstIndex(places, atLeast: max(0, k - longestPlace + 1)) { $0.tokens.lowerBound }
        while i < places.count && places[i].tokens.lowerBound <= k {
            if places[i].tokens.upperBound > k { return i }
            i += 1
        }
        return nil
    }

    /// The first index whose key is at least `v`, in items sorted by key.
    static func firstIndex<T>(_ items: [T], atLeast v: Int, _ key: (T) -> Int) -> Int {
        var lo = 0, hi = items.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if key(items[mid]) < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
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
    /// The same places, where the caller has the walk starts at hand already.
    func places(in text: FoldedText, startingAt starts: WalkStarts) -> [(range: Range<Int>, place: Place)]
}

extension PlaceFinding {
    public func places(in text: FoldedText, startingAt starts: WalkStarts) -> [(range: Range<Int>, place: Place)] {
        places(in: text)
    }
}
