import SalvoModel
import SalvoText

/// Groups a document's figures into events: one per attacking side and day.
struct EventGrouping {
    let analysis: TextAnalysis

    func events(from drafts: [FigureDraft]) -> [Event] {
        var order: [String] = []
        var groups: [String: [FigureDraft]] = [:]
        for d in drafts {
            let key = "\(d.date?.description ?? "-")|\(d.attacker?.rawValue ?? "-")"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(d)
        }
        var counter = ScalarCounter(analysis.original)
        // Offsets are counted in one forward pass, so sentences are visited in text order.
        var offsets: [Int: (Int, Int, String)] = [:]
        for i in Set(drafts.map(\.sentence)).sorted() {
            let s = analysis.sentences[i]
            let start = counter.scalarOffset(ofByte: s.original.lowerBound)
            let end = counter.scalarOffset(ofByte: s.original.upperBound)
            offsets[i] = (start, end, String(decoding: analysis.original[s.original], as: UTF8.self))
        }
        return order.map { key in
            let figs = groups[key]!
            var places: [Place] = []
            for p in figs.compactMap(\.place) where !places.contains(where: { $0.name == p.name }) { places.append(p) }
            var targets: [String] = []
            for i in Set(figs.map(\.sentence)).sorted() {
                let s = analysis.sentences[i]
                for h in analysis.hits(in: s) {
                    if let t = h.hit.first(.target)?.value, !targets.contains(t) { targets.append(t) }
                }
            }
            let figures = figs.map { d -> Figure in
                let (start, end, sentence) = offsets[d.sentence]!
                return Figure(quantity: d.quantity, weapon: d.weapon, model: d.model, value: d.value, qualifier: d.qualifier,
                              place: d.place?.name, date: d.date, claimant: d.claimant, claimantName: d.claimantName,
                              sentence: sentence, start: start, end: end)
            }
            return Event(date: figs.first?.date, attacker: figs.first?.attacker, places: places, targets: targets, figures: figures)
        }
    }
}
