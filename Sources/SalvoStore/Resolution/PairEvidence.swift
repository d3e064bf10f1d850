import SalvoModel

/// How strongly two reports say they describe one attack: hard rules that rule a pair out,
/// then one table of named features with weights. Nothing here depends on which report
/// arrived first.
///
/// Scores are symmetric: `score(a, b) == score(b, a)`.
struct PairEvidence: Sendable {
    /// A fact that makes two reports two attacks, whatever else they share.
    struct Rule: Sendable {
        var name: String
        var rulesOut: @Sendable (ReportFacets, ReportFacets) -> Bool
    }

    /// One kind of evidence: `measure` counts it (0 when absent), `weight` says what one unit is worth.
    struct Feature: Sendable {
        var name: String
        var weight: Double
        var measure: @Sendable (ReportFacets, ReportFacets) -> Double
    }

    var rules: [Rule]
    var features: [Feature]
    /// Total evidence two reports, or the average over two clusters' pairs, need to be one event.
    var threshold: Double

    /// Whether `a` and `b` may be one attack at all.
    func compatible(_ a: ReportFacets, _ b: ReportFacets) -> Bool {
        !rules.contains { $0.rulesOut(a, b) }
    }

    /// The weighted evidence, or `nil` when a rule rules the pair out.
    func score(_ a: ReportFacets, _ b: ReportFacets) -> Double? {
        guard compatible(a, b) else { return nil }
        var s = 0.0
        for f in features where f.weight != 0 { s += f.weight * f.measure(a, b) }
        return s
    }

    /// The names and contributions behind a score, for `salvo explain`-style debugging and tests.
    func explain(_ a: ReportFacets, _ b: ReportFacets) -> [(String, Double)] {
        if let rule = rules.first(where: { $0.rulesOut(a, b) }) { return [("ruled out: " + rule.name, -.infinity)] }
        return features.map { ($0.name, $0.weight * $0.measure(a, b)) }.filter { $0.1 != 0 }
    }
}

extension PairEvidence {
    /// The resolver's evidence, stated once.
    static let standard = PairEvidence(rules: [
        Rule(name: "different attackers") { a, b in
            if let x = a.attacker, let y = b.attacker { return x != y }
            return false
        },
        // An event spans one attack: one day, or the night from one day into the next. Reports
        // on neighbouring days need a distinctive number in common (see `adjacentDay`).
        Rule(name: "days more than one apart") { a, b in
            guard let x = a.day, let y = b.day else { return false }
            return abs(x - y) > 1
        },
        Rule(name: "neighbouring days without a distinctive shared number") { a, b in
            guard let x = a.day, let y = b.day, abs(x - y) == 1 else { return false }
            return distinctiveShared(a, b) < 2
        },
        Rule(name: "no day, and no distinctive shared number") { a, b in
            guard a.day == nil || b.day == nil else { return false }
            return distinctiveShared(a, b) < 2
        },
        // Guided bombs on Kharkiv are not the night's drone attack on Kharkiv.
        Rule(name: "front-line against long-range weapons") { a, b in
            if let x = frontline(a.profile), let y = frontline(b.profile) { return x != y }
            return false
        },
        Rule(name: "nationwide counts of one side disagree") { a, b in countsDisagree(a, b) },
    ], features: [
        Feature(name: "same stated day", weight: 1) { a, b in a.day != nil && a.day == b.day && a.firm && b.firm ? 1 : 0 },
        // A day taken only from the publication date is a guess, worth less than a stated one.
        Feature(name: "same day, one guessed", weight: 0.5) { a, b in a.day != nil && a.day == b.day && !(a.firm && b.firm) ? 1 : 0 },
        Feature(name: "same city", weight: 2) { a, b in PlaceRelation.best(a.places, b.places) == .sameCity ? 1 : 0 },
        Feature(name: "same oblast or country, or one inside the other", weight: 1) { a, b in
            let r = PlaceRelation.best(a.places, b.places)
            return r == .sameArea || r == .nested ? 1 : 0
        },
        // Not a rule: a mass strike's casualties in Kyiv and in Odesa are one event when a
        // nationwide report ties them, and average linkage lets that report outweigh this.
        Feature(name: "places far apart", weight: -1.5) { a, b in
            !a.places.isEmpty && !b.places.isEmpty && PlaceRelation.best(a.places, b.places) == .unrelated ? 1 : 0
        },
        Feature(name: "two cities of one oblast", weight: 0.5) { a, b in PlaceRelation.best(a.places, b.places) == .sameRegion ? 1 : 0 },
        // A nationwide report takes in a local one when it has figures about that place;
        // otherwise the local report may be the day's shelling elsewhere.
        Feature(name: "nationwide report with figures about the local place", weight: 1) { a, b in
            guard PlaceRelation.best(a.places, b.places) == .inCountry else { return 0 }
            return namesPlaceOf(a, b) || namesPlaceOf(b, a) ? 1 : 0
        },
        // A single death or a handful of hits is reported of many attacks; "145 drones" is not.
        Feature(name: "shared small casualty count", weight: 0.25) { a, b in shared(a, b) { $0.quantity.isCasualty && $0.value < 3 } },
        Feature(name: "shared casualty count", weight: 2) { a, b in shared(a, b) { $0.quantity.isCasualty && $0.value >= 3 } },
        Feature(name: "shared small weapon count", weight: 1) { a, b in shared(a, b) { !$0.quantity.isCasualty && $0.value < 10 } },
        Feature(name: "shared weapon count", weight: 2) { a, b in shared(a, b) { !$0.quantity.isCasualty && $0.value >= 10 } },
        Feature(name: "same weapon family", weight: 0.5) { a, b in a.profile.isDisjoint(with: b.profile) ? 0 : 1 },
        Feature(name: "same target kind", weight: 0.25) { a, b in a.targets.isDisjoint(with: b.targets) ? 0 : 1 },
    ], threshold: 1.5)

    /// How many values both state that satisfy `include`, at most three: past that, more of the
    /// same kind of evidence adds nothing.
    static func shared(_ a: ReportFacets, _ b: ReportFacets, _ include: (ValueKey) -> Bool) -> Double {
        var n = 0
        let (small, large) = a.values.count <= b.values.count ? (a.values, b.values) : (b.values, a.values)
        for v in small where include(v) && large.contains(v) { n += 1 }
        return Double(min(n, 3))
    }

    /// Distinctive numbers in common (`ValueKey.isDistinctive`), two points each.
    static func distinctiveShared(_ a: ReportFacets, _ b: ReportFacets) -> Int {
        var n = 0
        let (small, large) = a.values.count <= b.values.count ? (a.values, b.values) : (b.values, a.values)
        for v in small where v.isDistinctive && large.contains(v) { n += 2 }
        return n
    }

    /// `a` has figures about a non-country place that lies in or is one of `b`'s places.
    static func namesPlaceOf(_ a: ReportFacets, _ b: ReportFacets) -> Bool {
        let named = a.places.filter { a.figurePlaces.contains($0.name) && $0.kind != .country }
        return PlaceRelation.best(named, b.places) >= .nested
    }

    /// Guided bombs and artillery are the front line's weapons; drones and missiles reach the rear.
    /// `nil` for a mix, which is compatible with both.
    static func frontline(_ profile: Set<WeaponFamily>) -> Bool? {
        let tactical = profile.contains(.guidedBomb) || profile.contains(.artillery)
        let strategic = profile.contains(.drone) || profile.contains(.missile)
        return tactical == strategic ? nil : tactical
    }

    /// Nationwide counts by the same side with no value in common: on neighbouring days, two
    /// nights. On the same day they may be a total and its part (all drones, the Shaheds), except
    /// for Russian counts: the defence ministry reports each time window (day, evening, night)
    /// separately, and each window is its own attack.
    static func countsDisagree(_ a: ReportFacets, _ b: ReportFacets) -> Bool {
        let sameDay = a.day == b.day
        for (key, xs) in a.counts where !sameDay || key.claimant == .russia {
            if let ys = b.counts[key], xs.isDisjoint(with: ys) { return true }
        }
        return false
    }
}
