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
        let matches = automaton.matches(in: text)
        var result: [PlaceMention] = []
        result.reserveCapacity(matches.count)
        var i = 0
        var covered = 0  // end of the last kept mention
        while i < matches.count {
            // Matches come ordered by start, then length: take the longest at this start.
            var best = matches[i]
            var j = i + 1
            while j < matches.count && matches[j].start == best.start {
                if matches[j].end > best.end { best = matches[j] }
                j += 1
            }
            if best.start >= covered {
                result.append(PlaceMention(range: best.start..<best.end, place: places[Int(best.payload)]))
                covered = best.end
            }
            i = j
        }
        return result
    }

    /// The place with this English name or any of its forms (`Kiew`, `Харкові`, `Oblast Charkiw`), for
    /// the store and the API. Names are matched whole, after folding.
    public func place(named name: String) -> Place? {
        let folded = FoldedText(name)
        guard !folded.bytes.isEmpty else { return nil }
        let whole = automaton.matches(in: folded, at: 0).filter { $0.end == folded.bytes.count }
        guard let m = whole.max(by: { $0.end < $1.end }) else { return nil }
        return places[Int(m.payload)]
    }
}

extension Gazetteer: PlaceFinding {
    public func places(in text: FoldedText) -> [(range: Range<Int>, place: Place)] {
        mentions(in: text).map { ($0.range, $0.place) }
    }
}
