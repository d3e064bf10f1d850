import SalvoModel

/// Chooses, per quantity and weapon class of an event, the headline figure among all claims.
///
/// The rule, stated once:
/// 1. **Who counts.** The side that was attacked counts: for a Russian attack the Ukrainian side
///    (air force for launched and intercepted, local and regional authorities for casualties);
///    for a Ukrainian attack the Russian side (defence ministry, governors). When the attacker is
///    unknown, Ukrainian officials, then Russian ones. Without any claim from the counting side,
///    other officials count, and the outlets' own figures come last.
/// 2. **Latest wins.** Among those claims, the one from the most recently published document
///    (ingest order breaks ties); figures rise through the day as rubble is cleared. Within one
///    document the largest value.
/// 3. **Totals over parts.** A nationwide claim (no place or a country) is the total. Without one,
///    the headline is the sum over places, a city dropped when its oblast has its own figure.
/// 4. **Conflict.** Two official sides whose latest values differ for the same place.
///
/// ```swift
/// let summary = HeadlineRule().summarize(cluster)   // [FigureSummary]
/// ```
public struct HeadlineRule: Sendable {
    public init() {}

    public func summarize(_ cluster: EventCluster) -> [FigureSummary] {
        summarize(EventDigest(cluster.reports))
    }

    /// The same, with `cluster.places` computed already (a store writing the event needs both).
    public func summarize(_ cluster: EventCluster, places: [Place]) -> [FigureSummary] {
        summarize(EventDigest(cluster.reports), places: places)
    }

    package func summarize(_ digest: EventDigest) -> [FigureSummary] {
        summarize(digest, places: digest.places)
    }

    /// From the folded claims: the cost depends on the places and claimants, not on how many
    /// reports repeat them.
    package func summarize(_ digest: EventDigest, places: [Place]) -> [FigureSummary] {
        let counting = Self.countingClaimant(attacker: digest.attacker)
        let quantityOrder = Quantity.allCases
        let order = digest.claims.keys.sorted { a, b in
            let qa = quantityOrder.firstIndex(of: a.quantity)!, qb = quantityOrder.firstIndex(of: b.quantity)!
            return qa != qb ? qa < qb : (a.weapon?.rawValue ?? "") < (b.weapon?.rawValue ?? "")
        }
        return order.map { key in
            summarize(digest.claims[key]!, quantity: key.quantity, weapon: key.weapon, counting: counting, places: places)
        }
    }

    /// The side whose count is the reference for an attack by `attacker`.
    public static func countingClaimant(attacker: Belligerent?) -> [Claimant] {
        guard let attacker else { return [.ukraine, .russia] }
        return [attacker.opponent.claimant]
    }

    /// How claims are grouped: per quantity, and per weapon class for what is not a casualty.
    struct Key: Hashable, Sendable {
        var quantity: Quantity
        var weapon: WeaponClass?
    }

    /// What the rule needs of a figure; copying whole figures (sentences and all) was the cost.
    struct Claim: Sendable {
        var value: Int
        var claimant: Claimant
        var place: String?
        var published: Int
        var sequence: Int

        /// Later publication, then later arrival, then (within one document) the larger value.
        func isLater(than other: Claim) -> Bool {
            (published, sequence, value) > (other.published, other.sequence, other.value)
        }
    }

    /// The claims of one key as the rule reads them: every pick is of the latest claim of a side
    /// about a place, so those, and the range of values, are all that is kept.
    struct Fold: Sendable {
        var minimum = Int.max
        var maximum = Int.min
        /// Per place as stated (`nil`: none), the latest claim of each claimant.
        var latest: [String?: [Claimant: Claim]] = [:]

        mutating func add(_ c: Claim) {
            minimum = min(minimum, c.value)
            maximum = max(maximum, c.value)
            if let old = latest[c.place]?[c.claimant], !c.isLater(than: old) { return }
            latest[c.place, default: [:]][c.claimant] = c
        }
    }

    func summarize(_ fold: Fold, quantity: Quantity, weapon: WeaponClass?, counting: [Claimant], places: [Place]) -> FigureSummary {
        // Group by place; nationwide claims (no place, or a country) are the total.
        var kinds: [String: Place.Kind] = ["Ukraine": .country, "Russia": .country]
        for p in places { kinds[p.name] = p.kind }
        func kind(_ name: String?) -> Place.Kind? {
            guard let name else { return .country }
            return kinds[name]
        }
        var byPlace: [String: [Claimant: Claim]] = [:]
        var totals: [Claimant: Claim] = [:]
        for (place, sides) in fold.latest {
            if kind(place) == .country {
                for (side, c) in sides where totals[side].map({ c.isLater(than: $0) }) ?? true { totals[side] = c }
            } else {
                byPlace[place!] = sides
            }
        }
        var headline: Int
        var claimant: Claimant
        var conflict = false
        if !totals.isEmpty || byPlace.count <= 1 {
            let group = totals.isEmpty ? (byPlace.values.first ?? [:]) : totals
            (headline, claimant) = pick(group, counting: counting)
            conflict = sidesDisagree(group)
        } else {
            // Parts only: drop a city when the oblast it lies in has its own figure.
            let placeObjects = Dictionary(places.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            let names = byPlace.keys.sorted()
            let kept = names.filter { name in
                guard let p = placeObjects[name] else { return true }
                return !names.contains { other in other != name && (placeObjects[other]?.contains(p) ?? false) }
            }
            headline = 0
            var sides: [Claimant: Int] = [:]
            for name in kept {
                let (v, s) = pick(byPlace[name]!, counting: counting)
                // Checked: a corrupt or hostile input can state any value.
                headline = headline.addingClamped(v)
                sides[s, default: 0] += 1
                conflict = conflict || sidesDisagree(byPlace[name]!)
            }
            claimant = sides.max(by: { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) })?.key ?? .media
        }
        let minimum = fold.minimum == .max ? 0 : fold.minimum
        let maximum = fold.maximum == .min ? 0 : fold.maximum
        return FigureSummary(quantity: quantity, weapon: weapon, minimum: minimum,
                             maximum: max(maximum, headline), headline: headline,
                             headlineClaimant: claimant, conflict: conflict)
    }

    /// The headline of one group of claims about the same place: the latest claim of the side
    /// that counts, else of any official side, else of anyone.
    func pick(_ latest: [Claimant: Claim], counting: [Claimant]) -> (Int, Claimant) {
        for side in counting { if let c = latest[side] { return (c.value, side) } }
        func best(_ claims: some Sequence<Claim>) -> Claim? {
            // Equal claims of two sides: the side's name decides, whatever order they came in.
            claims.max { a, b in b.isLater(than: a) || (!a.isLater(than: b) && a.claimant.rawValue > b.claimant.rawValue) }
        }
        guard let c = best(latest.values.filter { $0.claimant != .media }) ?? best(latest.values) else { return (0, .media) }
        return (c.value, c.claimant)
    }

    /// Official sides (not outlets) whose latest values differ.
    func sidesDisagree(_ latest: [Claimant: Claim]) -> Bool {
        Set(latest.values.filter { $0.claimant != .media }.map(\.value)).count > 1
    }
}

extension Int {
    /// The sum, held at `Int.max` / `Int.min` instead of trapping.
    package func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
