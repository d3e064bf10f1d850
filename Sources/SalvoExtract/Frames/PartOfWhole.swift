import SalvoModel
import SalvoText

/// A figure counted earlier in the document, remembered so that a later part can be told from a
/// new total: "12 of the 30 drones" after "30 drones were shot down" is a share of those 30.
struct CountedFigure {
    /// How many figures back a whole or a share looks for the figure it repeats: more than any
    /// article states, and bounded so that a document of thousands of counts stays linear.
    static let lookBack = 200

    var quantity: Quantity
    var family: WeaponFamily
    var value: Int
    var qualifier: Qualifier
}

/// Weapon classes that count the same things: a missile total and a cruise-missile total, or
/// drones and decoys, may be one figure told twice (parts of a whole, and copies in `Deduplication`).
enum WeaponFamily: Hashable {
    case missile, drone, other(WeaponClass?)

    init(_ w: WeaponClass?) {
        if let w, w.isMissile { self = .missile }
        else if w == .drone || w == .decoy { self = .drone }
        else { self = .other(w) }
    }
}

extension CountedFigure {
    /// Whether a whole stated as `value` (with `qualifier`) is this figure again: the same number,
    /// or, for a rounded whole ("almost 150", "more than 50"), the same kind within a tenth of it.
    func isRestated(as value: Int, _ qualifier: Qualifier, quantity: Quantity, family: WeaponFamily) -> Bool {
        guard family == self.family else { return false }
        if value == self.value { return true }
        guard qualifier != .exact, quantity == self.quantity else { return false }
        return abs(value - self.value) * 10 <= value
    }
}

/// How a number is stated as a share of a whole.
enum PartForm {
    /// "12 of the 30 drones": the whole has its own number.
    case ofNumber
    /// "one of the drones", "two of the missiles": the whole is named, not counted.
    case ofNamed
    /// "12 of them", "з них 20", "davon 5".
    case ofThem
}

/// A figure stated as a share of a whole that names no type of its own: what it may be a part of.
struct Share {
    var form: PartForm
    /// For `ofNumber`, the whole as stated; for `ofThem`, the figure "them" refers to.
    var whole: CountedFigure?
}

extension Share {
    /// A share that counts the same way as a larger figure of the same attack already counted is that
    /// figure broken down by place ("12 of the 30 drones were downed over Kyiv"), not another total.
    /// "N of M" is one only when M repeats a figure of the part's own kind, not the number launched
    /// ("shot down 18 of the 22 drones" after "22 drones were launched" is the night's total).
    func isBreakdown(_ d: FigureDraft, earlier: [FigureDraft]) -> Bool {
        let family = WeaponFamily(d.weapon)
        // Lazy: the figures are looked at in place, not copied into new arrays for every number.
        let same = earlier.suffix(CountedFigure.lookBack).lazy.filter { !$0.quantity.isCasualty && $0.attacker == d.attacker && WeaponFamily($0.weapon) == family }
        switch form {
        case .ofNumber:
            guard let whole else { return false }
            let repeated = same.filter { $0.value == whole.value }
            return repeated.contains { $0.quantity == d.quantity } && !repeated.contains { $0.quantity == .launched }
        case .ofNamed:
            return same.contains { $0.quantity == d.quantity && $0.value > d.value }
        case .ofThem:
            guard let whole else { return false }
            return whole.quantity == d.quantity && whole.family == family && whole.value > d.value
        }
    }
}

extension FigureFinder {
    /// "Overall, 60 of the missiles were downed", "загалом з них 40": a count said to be the total is
    /// no breakdown, whatever it is a part of.
    func isTotal(_ n: NumberMention, hits: ArraySlice<AnnotatedHit>) -> Bool {
        hits.contains { $0.tokens.upperBound <= n.tokens.lowerBound && $0.hit.first(.part)?.part == .total }
    }

    /// "of the drones", "von den Drohnen" right after the number: `of`, then articles, "all" or
    /// qualifiers, then a weapon term, with no number of its own.
    func isOfNamedWhole(_ n: NumberMention, sentenceEnd: Int) -> Bool {
        var k = n.tokens.upperBound
        if k < sentenceEnd, let h = analysis.hitAt[k], h.tokens.count == 1, h.hit.first(.part)?.part == .out { k += 1 }
        guard k < sentenceEnd, let of = analysis.hitAt[k], of.tokens.count == 1, of.hit.first(.part)?.part == .of else { return false }
        k += 1
        var steps = 0
        while k < sentenceEnd && steps < 3, let h = analysis.hitAt[k] {
            if h.hit.first(.weapon)?.weaponClass != nil { return true }
            guard h.hit.has(.qualifier) || [.article, .all].contains(h.hit.first(.part)?.part) else { return false }
            k = h.tokens.upperBound
            steps += 1
        }
        return false
    }

    /// "з них — шахеди", "of them Shaheds": a weapon term right after the part's "of them" (quotes
    /// and a dash may stand between) names the part's own type.
    func namesTypeAfterOfThem(_ n: NumberMention, sentenceEnd: Int) -> Bool {
        guard let ofThem = analysis.hitAt[n.tokens.upperBound], ofThem.hit.first(.part)?.part == .ofThem else { return false }
        var k = ofThem.tokens.upperBound
        var steps = 0
        while k < sentenceEnd && steps < 3 {
            let t = analysis.tokens[k]
            if t.kind == .punct { k += 1; steps += 1; continue }
            return analysis.hitAt[k]?.hit.first(.weapon)?.weaponClass != nil
        }
        return false
    }
}
