import SalvoText

/// Whole documents that report no strike of this war: another war, an anniversary, a road accident.
struct Relevance {
    let analysis: TextAnalysis

    private static let counted = LexiconCategory.negative.bit | LexiconCategory.attacker.bit | LexiconCategory.weapon.bit

    var isOffTopic: Bool {
        var otherWar = 0, thisWar = 0, accident = 0, weapons = 0
        for h in analysis.hits where h.hit.categories & Self.counted != 0 {
            switch h.hit.first(.negative)?.negative {
            case .otherWar: otherWar += 1
            case .accident: accident += 1
            default: break
            }
            if h.hit.has(.attacker) { thisWar += 1 }
            if h.hit.has(.weapon) { weapons += 1 }
        }
        for p in analysis.places where p.place.country == "UA" || p.place.country == "RU" { thisWar += 1 }
        if otherWar >= 2 && otherWar > thisWar { return true }
        if accident > 0 && weapons == 0 { return true }
        // An anniversary or history piece says so in its headline or lead.
        for s in analysis.sentences.prefix(2) {
            if analysis.hits(in: s).contains(where: { $0.hit.first(.negative)?.negative == .history }) {
                return true
            }
        }
        return false
    }
}
