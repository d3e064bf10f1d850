import SalvoModel

/// One figure per (quantity, weapon, value, place): a number repeated in headline and body is one
/// figure, but "two killed in Mykolaiv, two in Odesa" are two.
enum Deduplication {
    static func merge(_ drafts: [FigureDraft]) -> [FigureDraft] {
        // Copies can only share quantity, value, weapon family and attacker: candidates are looked
        // up by those, so a document with thousands of figures is not compared pair by pair.
        struct Key: Hashable { var quantity: Quantity; var value: Int; var family: Int; var attacker: Belligerent? }
        var kept: [FigureDraft] = []
        var byKey: [Key: [Int]] = [:]
        for d in drafts {
            let key = Key(quantity: d.quantity, value: d.value, family: family(d.weapon), attacker: d.attacker)
            if let i = byKey[key]?.first(where: { same(kept[$0], d) }) {
                var winner = score(d) > score(kept[i]) ? d : kept[i]
                let loser = score(d) > score(kept[i]) ? kept[i] : d
                if winner.model == nil { winner.model = loser.model }
                if winner.weapon == .missile, let w = loser.weapon, w.isMissile { winner.weapon = w }
                kept[i] = winner
            } else {
                byKey[key, default: []].append(kept.count)
                kept.append(d)
            }
        }
        return kept
    }

    private static func same(_ a: FigureDraft, _ b: FigureDraft) -> Bool {
        guard a.quantity == b.quantity, a.value == b.value, family(a.weapon) == family(b.weapon) else { return false }
        if a.attacker != b.attacker { return false }
        if let pa = a.place, let pb = b.place, pa.kind != .country, pb.kind != .country, pa.name != pb.name {
            return pa.contains(pb) || pb.contains(pa)
        }
        return true
    }

    private static func family(_ w: WeaponClass?) -> Int {
        guard let w else { return 0 }
        if w.isMissile { return 1 }
        if w == .drone || w == .decoy { return 2 }
        return 3 + (WeaponClass.allCases.firstIndex(of: w) ?? 0)
    }

    /// The better-sourced copy wins: a named claimant, a specific place, a stated qualifier.
    private static func score(_ d: FigureDraft) -> Int {
        var s = 0
        if d.claimant != .media { s += 4 }
        if let p = d.place, p.kind != .country { s += 2 }
        if d.qualifier != .exact { s += 1 }
        if d.model != nil { s += 1 }
        return s
    }
}
