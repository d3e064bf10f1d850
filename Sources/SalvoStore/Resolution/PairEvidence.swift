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
        var measure: @Sendable (Pair) -> Double
    }

    /// Two reports that no rule rules out, with what several features look at computed once.
    struct Pair {
        var a: ReportFacets
        var b: ReportFacets
        var places: PlaceRelation
        /// Shared values by kind: casualty counts under 3, from 3 and distinctive (from 10),
        /// weapon counts under 10 and from 10.
        var smallCasualties = 0, casualties = 0, distinctiveCasualties = 0, smallCounts = 0, counts = 0

        init(_ a: ReportFacets, _ b: ReportFacets) {
            self.a = a
            self.b = b
            places = PlaceRelation.best(a.places, b.places)
            // A rounded claim ("almost 270") shares the exact value it rounds (267).
            let shared = a.placedValues.filter { pv in b.placedValues.contains(where: pv.matches) }.map(\.key)
                + PairEvidence.roundedMatches(a, b)
            for v in shared {
                switch (v.quantity.isCasualty, v.quantity.isCasualty ? v.value >= 3 : v.value >= 10) {
                case (true, false): smallCasualties += 1
                case (true, true): if v.isDistinctive { distinctiveCasualties += 1 } else { casualties += 1 }
                case (false, false): smallCounts += 1
                case (false, true): counts += 1
                }
            }
            // A total on one side that the other's parts add up to is a shared count too.
            counts += PairEvidence.totalsOfParts(a, b)
        }

        var sameDay: Bool { a.day != nil && a.day == b.day }
        var bothPlaced: Bool { !a.places.isEmpty && !b.places.isEmpty }
    }

    var rules: [Rule]
    var features: [Feature]
    /// Evidence that links two reports: a cluster grows only through such a link.
    var threshold: Double
    /// What the average over every cross pair of two clusters needs for them to merge: each
    /// member must fit the whole cluster, not just one neighbour.
    var averageThreshold: Double

    /// Whether `a` and `b` may be one attack at all.
    func compatible(_ a: ReportFacets, _ b: ReportFacets) -> Bool {
        !rules.contains { $0.rulesOut(a, b) }
    }

    /// The weighted evidence, or `nil` when a rule rules the pair out.
    func score(_ a: ReportFacets, _ b: ReportFacets) -> Double? {
        guard compatible(a, b) else { return nil }
        let pair = Pair(a, b)
        var s = 0.0
        for f in features where f.weight != 0 { s += f.weight * f.measure(pair) }
        return s
    }

    /// The names and contributions behind a score, for `salvo explain`-style debugging and tests.
    func explain(_ a: ReportFacets, _ b: ReportFacets) -> [(String, Double)] {
        if let rule = rules.first(where: { $0.rulesOut(a, b) }) { return [("ruled out: " + rule.name, -.infinity)] }
        let pair = Pair(a, b)
        return features.map { ($0.name, $0.weight * $0.measure(pair)) }.filter { $0.1 != 0 }
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
        // on neighbouring days need a distinctive number in common.
        Rule(name: "days more than one apart") { a, b in
            guard let x = a.day, let y = b.day else { return false }
            return abs(x - y) > 1
        },
        Rule(name: "neighbouring days without a distinctive shared number") { a, b in
            guard let x = a.day, let y = b.day, abs(x - y) == 1 else { return false }
            return distinctiveShared(a, b) < 2
        },
        // Guided bombs on Kharkiv are not the night's drone attack on Kharkiv.
        Rule(name: "front-line against long-range weapons") { a, b in
            if let x = frontline(a.profile), let y = frontline(b.profile) { return x != y }
            return false
        },
        Rule(name: "nationwide counts of one side disagree") { a, b in countsDisagree(a, b) },
    ], features: [
        Feature(name: "same stated day", weight: 1) { p in p.sameDay && p.a.firm && p.b.firm ? 1 : 0 },
        // A day taken only from the publication date is a guess, worth less than a stated one.
        Feature(name: "same day, one guessed", weight: 0.5) { p in p.sameDay && !(p.a.firm && p.b.firm) ? 1 : 0 },
        Feature(name: "no day on one side", weight: -1) { p in p.a.day == nil || p.b.day == nil ? 1 : 0 },
        // Without a day, only a shared number makes a link; a toll about the same place lets the
        // report sit in an event others tie it to, never tie it alone (at most 1.25 here). Not a
        // rule: two reports without a day and without a number in common may both fit an event
        // a dated report ties them to, and average linkage weighs this against those links.
        // Tolls of several kinds about one place that all rose, one of them past ten, say one
        // toll at two times as a shared number does (21 killed and 83 injured, later 34 and 117).
        Feature(name: "no day on one side, and no number in common", weight: -1.5) { p in
            (p.a.day == nil || p.b.day == nil) && p.smallCasualties + p.casualties + p.distinctiveCasualties + p.smallCounts + p.counts == 0
                && !tollsRoseDistinctively(p.a, p.b) ? 1 : 0
        },
        // Without a day only a distinctive number ties a report on its own, as on neighbouring days.
        Feature(name: "no day on one side, and no distinctive number in common", weight: -1.5) { p in
            (p.a.day == nil || p.b.day == nil) && distinctiveShared(p.a, p.b) == 0 ? 1 : 0
        },
        Feature(name: "same city", weight: 2) { p in p.places == .sameCity ? 1 : 0 },
        Feature(name: "same oblast or country, or one inside the other", weight: 1) { p in
            p.places == .sameArea || p.places == .nested ? 1 : 0
        },
        // Not a rule: a mass strike's casualties in Kyiv and in Odesa are one event when a
        // nationwide report ties them, and average linkage lets that report outweigh this.
        Feature(name: "places far apart", weight: -1.5) { p in p.bothPlaced && p.places == .unrelated ? 1 : 0 },
        Feature(name: "two cities of one oblast", weight: 0.5) { p in p.places == .sameRegion ? 1 : 0 },
        // A nationwide report takes in a local one when it has figures about that place;
        // otherwise the local report may be the day's shelling elsewhere.
        Feature(name: "nationwide report with figures about the local place", weight: 1) { p in
            p.places == .inCountry && (namesPlaceOf(p.a, p.b) || namesPlaceOf(p.b, p.a)) ? 1 : 0
        },
        // A single death or a handful of hits is reported of many attacks; "145 drones" is not.
        // Past three, more of the same kind of evidence adds nothing.
        Feature(name: "shared small casualty count", weight: 0.25) { p in Double(min(p.smallCasualties, 3)) },
        // "Three killed in Kyiv" is said of many attacks in a year; "23 killed in Uman" is not.
        Feature(name: "shared casualty count", weight: 0.5) { p in Double(min(p.casualties, 3)) },
        Feature(name: "shared distinctive casualty count", weight: 2) { p in Double(min(p.distinctiveCasualties, 3)) },
        Feature(name: "shared small weapon count", weight: 1) { p in Double(min(p.smallCounts, 3)) },
        Feature(name: "shared weapon count", weight: 2) { p in Double(min(p.counts, 3)) },
        Feature(name: "same toll about the same place", weight: 0.5) { p in Double(min(p.a.tolls.intersection(p.b.tolls).count, 2)) },
        // A toll rises as rubble is cleared: 21 killed and 83 injured, later 34 and 117. Two
        // reports whose tolls of two or more kinds about one place all move the same way read
        // as one toll at two times; "3 killed, 9 injured" against "1 killed, 42 injured" do not.
        Feature(name: "tolls of several kinds that rise together", weight: 1) { p in risingTogether(p.a, p.b) ? 1 : 0 },
        Feature(name: "same weapon family", weight: 0.5) { p in p.a.profile.isDisjoint(with: p.b.profile) ? 0 : 1 },
        Feature(name: "same target kind", weight: 0.25) { p in p.a.targets.isDisjoint(with: p.b.targets) ? 0 : 1 },
    ], threshold: 1.5, averageThreshold: 0.75)

    /// Distinctive numbers in common (`ValueKey.isDistinctive`), two points each.
    static func distinctiveShared(_ a: ReportFacets, _ b: ReportFacets) -> Int {
        var n = 0
        for pv in a.placedValues where pv.key.isDistinctive && b.placedValues.contains(where: pv.matches) { n += 2 }
        n += 2 * roundedMatches(a, b).filter(\.isDistinctive).count
        return n + 2 * totalsOfParts(a, b)
    }

    /// Exact values of one side that a rounded claim of the other covers, by each exact value.
    static func roundedMatches(_ a: ReportFacets, _ b: ReportFacets) -> [ValueKey] {
        var out: [ValueKey] = []
        for (x, y) in [(a, b), (b, a)] {
            for pv in y.placedValues where x.rounded.contains(where: { $0.covers(pv) }) { out.append(pv.key) }
        }
        return out
    }

    /// Distinctive totals (ten or more) on one side that the other side's counts by weapon
    /// family add up to: "158 aerial targets" against "122 missiles and 36 drones".
    static func totalsOfParts(_ a: ReportFacets, _ b: ReportFacets) -> Int {
        var n = 0
        for (x, y) in [(a, b), (b, a)] {
            for (q, sum) in y.sumsOfParts where ValueKey(quantity: q, family: nil, value: sum).isDistinctive
                && x.totals[q]?.contains(sum) == true { n += 1 }
        }
        return n
    }

    /// At least two casualty quantities about the same place in both, and every one of them
    /// larger on the same side (or equal).
    static func risingTogether(_ a: ReportFacets, _ b: ReportFacets) -> Bool {
        let shared = a.tolls.intersection(b.tolls)
        guard shared.count >= 2 else { return false }
        var up = false, down = false
        for t in shared {
            let (x, y) = (largestToll(a, t), largestToll(b, t))
            if x > y { up = true } else if x < y { down = true }
        }
        return !(up && down)
    }

    /// The largest value `f` states of a toll.
    static func largestToll(_ f: ReportFacets, _ t: TollKey) -> Int {
        f.placedValues.filter { $0.key.quantity == t.quantity && $0.place == t.place }.map(\.key.value).max() ?? 0
    }

    /// Tolls that rise together (`risingTogether`) where, for one kind, even the smaller of the
    /// two tolls is distinctive: "5 killed, 37 injured" against "7 killed, 90 injured".
    static func tollsRoseDistinctively(_ a: ReportFacets, _ b: ReportFacets) -> Bool {
        guard risingTogether(a, b) else { return false }
        return a.tolls.intersection(b.tolls).contains { t in
            ValueKey(quantity: t.quantity, family: nil, value: min(largestToll(a, t), largestToll(b, t))).isDistinctive
        }
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
    /// A report without a day may be of the same day as any other: its counts may be a total
    /// or a part of the other's (the no-day features already ask for a number in common).
    static func countsDisagree(_ a: ReportFacets, _ b: ReportFacets) -> Bool {
        let sameDay = a.day == nil || b.day == nil || a.day == b.day
        for (key, xs) in a.counts where !sameDay || key.claimant == .russia {
            if let ys = b.counts[key], xs.isDisjoint(with: ys) { return true }
        }
        return false
    }
}
