import SalvoModel

extension Gazetteer {
    /// The places a text names, left to right, longest first and never overlapping.
    ///
    /// "Нова Каховка" is one mention of Nova Kakhovka, not Kakhovka; "Kharkiv region" is the
    /// oblast, not the city. Offsets are folded-byte offsets (`text.origin` maps them back).
    ///
    /// ```swift
    /// Gazetteer.shared.mentions(in: FoldedText("у Новій Каховці")).map(\.place.name)   // ["Nova Kakhovka"]
    /// ```
    public func mentions(in text: FoldedText) -> [PlaceMention] {
        mentions(in: text, startingAt: WalkStarts(tokens: Tokenizer.tokens(text), text: text))
    }

    /// The same mentions, where the caller has the walk starts at hand already.
    public func mentions(in text: FoldedText, startingAt starts: WalkStarts) -> [PlaceMention] {
        var result: [PlaceMention] = []
        text.bytes.withUnsafeBufferPointer { buf in
            trie.forEachLongestMatch(in: buf, startingAt: starts) { start, end, payload in
                result.append(PlaceMention(range: start..<end, place: places[Int(payload)]))
            }
        }
        return result
    }

    /// The place with this English name or any of its forms (`Kiew`, `Харкові`, `Oblast Charkiw`), for
    /// the store and the API. Names are matched whole, after folding.
    public func place(named name: String) -> Place? {
        let folded = FoldedText(name)
        guard !folded.bytes.isEmpty else { return nil }
        return folded.bytes.withUnsafeBufferPointer { buf in
            guard let m = trie.longest(buf, from: 0), m.end == buf.count else { return nil }
            return places[Int(m.payload)]
        }
    }
}

extension Gazetteer {
    /// The first-level region a place lies in (Rostov-on-Don → Rostov Oblast, Nikopol Raion →
    /// Dnipropetrovsk Oblast), for reports that name a city but mean its region ("Rostov's governor").
    /// `nil` for countries, regions themselves and places outside the regions table.
    public func region(of place: Place) -> Place? {
        guard place.kind != .country, let admin1 = place.admin1, admin1 != place.name else { return nil }
        guard let region = self.place(named: admin1), region.kind == .region, region.name == admin1 else { return nil }
        return region
    }
}

extension Gazetteer {
    /// How many mentions a text has, without building them (for the benchmark).
    public func matchCount(in text: FoldedText) -> Int {
        var count = 0
        let starts = WalkStarts(tokens: Tokenizer.tokens(text), text: text)
        text.bytes.withUnsafeBufferPointer { trie.forEachLongestMatch(in: $0, startingAt: starts) { _, _, _ in count += 1 } }
        return count
    }
}

extension Gazetteer: PlaceFinding {
    public func places(in text: FoldedText) -> [(range: Range<Int>, place: Place)] {
        mentions(in: text).map { ($0.range, $0.place) }
    }

    /// Built straight from the trie's matches: going through `mentions` made and dropped a second
    /// array, and copied every place (three strings' references) once more, per document.
    public func places(in text: FoldedText, startingAt starts: WalkStarts) -> [(range: Range<Int>, place: Place)] {
        var result: [(range: Range<Int>, place: Place)] = []
        text.bytes.withUnsafeBufferPointer { buf in
            trie.forEachLongestMatch(in: buf, startingAt: starts) { start, end, payload in
                result.append((start..<end, places[Int(payload)]))
            }
        }
        return result
    }
}
