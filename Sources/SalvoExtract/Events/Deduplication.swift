import SalvoModel

/// One figure per (quantity, weapon, value, place): a number repeated in headline and body is one
/// figure, but "two killed in Mykolaiv, two in Odesa" are two.
enum Deduplication {
    static func merge(_ drafts: [FigureDraft]) -> [FigureDraft] {
        let drafts = dropRounded(drafts)
        // Copies can only share quantity, value, weapon family and attacker: candidates are looked
        // up by those, so a document with thousands of figures is not compared pair by pair.
        struct Key: Hashable { var quantity: Quantity; var value: Int; var family: WeaponFamily; var attacker: Belligerent? }
        var kept: [FigureDraft] = []
        var byKey: [Key: [Int]] = [:]
        for d in drafts {
            let key = Key(quantity: d.quantity, value: d.value, family: WeaponFamily(d.weapon), attacker: d.attacker)
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

    /// "up to 300 drones" in a lead and "297 drones" in the body: a rounded figure with an exact one
    /// of the same kind, night and place within a tenth of it, on the side its qualifier allows, is
    /// that figure rounded.
    static func dropRounded(_ drafts: [FigureDraft]) -> [FigureDraft] {
        // Exact figures by kind, sorted by value: a rounded one looks only at the values within a tenth
        // of it, so a document of thousands of figures is not compared pair by pair.
        struct Kind: Hashable { var quantity: Quantity; var family: WeaponFamily; var attacker: Belligerent?; var place: String? }
        func kind(_ d: FigureDraft) -> Kind { Kind(quantity: d.quantity, family: WeaponFamily(d.weapon), attacker: d.attacker, place: d.place?.name) }
        var exact: [Kind: [FigureDraft]] = [:]
        for d in drafts where d.qualifier == .exact && !d.quantity.isCasualty { exact[kind(d), default: []].append(d) }
        guard !exact.isEmpty else { return drafts }
        for k in exact.keys { exact[k]!.sort { $0.value < $1.value } }
        return drafts.filter { d in
            guard d.qualifier != .exact, !d.quantity.isCasualty, let same = exact[kind(d)] else { return true }
            var i = lowerBound(same, d.value - d.value / 10)
            while i < same.count && (same[i].value - d.value) * 10 <= d.value {
                let e = same[i]
                if e.value != d.value && sameNight(e.date, d.date) && allows(d.qualifier, e.value, d.value) { return false }
                i += 1
            }
            return true
        }
    }

    /// The first index of `sorted` whose value is at least `value`.
    private static func lowerBound(_ sorted: [FigureDraft], _ value: Int) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].value < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The same day, or the evening and the morning of one overnight attack.
    private static func sameNight(_ a: Day?, _ b: Day?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a.ordinal - b.ordinal) <= 1
    }

    /// Whether `exact` is a value a count stated as `qualifier` `rounded` may stand for.
    private static func allows(_ qualifier: Qualifier, _ exact: Int, _ rounded: Int) -> Bool {
        switch qualifier {
        case .upTo, .almost: exact < rounded
        case .moreThan, .atLeast: exact > rounded
        default: true
        }
    }

    private static func same(_ a: FigureDraft, _ b: FigureDraft) -> Bool {
        guard a.quantity == b.quantity, a.value == b.value, WeaponFamily(a.weapon) == WeaponFamily(b.weapon) else { return false }
        if a.attacker != b.attacker { return false }
        if let pa = a.place, let pb = b.place, pa.kind != .country, pb.kind != .country, pa.name != pb.name {
            return pa.contains(pb) || pb.contains(pa)
        }
        return true
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
