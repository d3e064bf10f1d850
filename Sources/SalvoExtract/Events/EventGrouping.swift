import SalvoModel
import SalvoText

/// Groups a document's figures into events: one per attacking side and day.
struct EventGrouping {
    let analysis: TextAnalysis

    private struct Group {
        var date: Day?
        var attacker: Belligerent?
        var drafts: [FigureDraft]
    }

    /// A sentence's text and scalar offsets, as the contract quotes it.
    private struct Quote {
        var sentence: Int
        var text: String
        var start: Int
        var end: Int
    }

    func events(from drafts: [FigureDraft]) -> [Event] {
        // A document has a handful of groups: a list in first-seen order beats hashing keys.
        var groups: [Group] = []
        for d in drafts {
            if let g = groups.firstIndex(where: { $0.date == d.date && $0.attacker == d.attacker }) {
                groups[g].drafts.append(d)
            } else {
                groups.append(Group(date: d.date, attacker: d.attacker, drafts: [d]))
            }
        }
        let quotes = quotes(of: drafts)
        var quoteOf: [Int: Int] = [:]
        for (i, q) in quotes.enumerated() { quoteOf[q.sentence] = i }
        return groups.map { group in
            let figs = group.drafts
            var places: [Place] = []
            for p in figs.compactMap({ $0.place }) where !places.contains(where: { $0.name == p.name }) { places.append(p) }
            var targets: [String] = []
            for i in Self.sortedSentences(figs) {
                for h in analysis.hits(in: analysis.sentences[i]) {
                    if let t = h.hit.first(.target)?.value, !targets.contains(t) { targets.append(t) }
                }
            }
            let figures = figs.map { d -> Figure in
                let q = quotes[quoteOf[d.sentence]!]
                return Figure(quantity: d.quantity, weapon: d.weapon, model: d.model, value: d.value, qualifier: d.qualifier,
                              place: d.place?.name, placeID: d.place?.geonameid, date: d.date, claimant: d.claimant, claimantName: d.claimantName,
                              sentence: q.text, start: q.start, end: q.end)
            }
            return Event(date: figs.first?.date, attacker: figs.first?.attacker, places: places, targets: targets, figures: figures)
        }
    }

    /// The quoted sentences, with offsets counted in one forward pass in text order.
    private func quotes(of drafts: [FigureDraft]) -> [Quote] {
        var counter = ScalarCounter(analysis.original)
        return Self.sortedSentences(drafts).map { i in
            let s = analysis.sentences[i]
            let start = counter.scalarOffset(ofByte: s.original.lowerBound)
            let end = counter.scalarOffset(ofByte: s.original.upperBound)
            return Quote(sentence: i, text: String(decoding: analysis.original[s.original], as: UTF8.self), start: start, end: end)
        }
    }

    private static func sortedSentences(_ drafts: [FigureDraft]) -> [Int] {
        Set(drafts.map { $0.sentence }).sorted()
    }
}
