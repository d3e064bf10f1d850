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
        summarize(cluster, places: cluster.places)
    }

    /// The same, with `cluster.places` computed already (a store writing the event needs both).
    public func summarize(_ cluster: EventCluster, places: [Place]) -> [FigureSummary] {
        let counting = Self.countingClaimant(attacker: cluster.attacker)
        struct Key: Hashable { var quantity: Quantity; var weapon: WeaponClass? }
        var groups: [Key: [Claim]] = [:]
        var order: [Key] = []
        for r in cluster.reports {
            let published = r.published?.ordinal ?? Int.min
            for f in r.event.figures {
                let key = Key(quantity: f.quantity, weapon: f.quantity.isCasualty ? nil : f.weapon)
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(Claim(value: f.value, claimant: f.claimant, place: f.place,
                                                      published: published, sequence: r.sequence))
            }
        }
        let quantityOrder = Quantity.allCases
        order.sort { a, b in
            let qa = quantityOrder.firstIndex(of: a.quantity)!, qb = quantityOrder.firstIndex(of: b.quantity)!
            return qa != qb ? qa < qb : (a.weapon?.rawValue ?? "") < (b.weapon?.rawValue ?? "")
        }
        return order.map { key in
            summarize(claims: groups[key]!, quantity: key.quantity, weapon: key.weapon, counting: counting, places: places)
        }
    }

    /// The side whose count is the reference for an attack by `attacker`.
    public static func countingClaimant(attacker: Belligerent?) -> [Claimant] {
        guard let attacker else { return [.ukraine, .russia] }
        return [attacker.opponent.claimant]
    }

    /// What the rule needs of a figure; copying whole figures (sentences and all) was the cost.
    struct Claim {
        var value: Int
        var claimant: Claimant
        var place: String?
        var published: Int
        var sequence: Int
    }

    func summarize(claims: [Claim], quantity: Quantity, weapon: WeaponClass?, counting: [Claimant], places: [Place]) -> FigureSummary {
        let values = claims.map(\.value)
        // Group by place; nationwide claims (no place, or a country) are the total.
        var kinds: [String: Place.Kind] = ["Ukraine": .country, "Russia": .country]
        for p in places { kinds[p.name] = p.kind }
        func kind(_ name: String?) -> Place.Kind? {
            guard let name else { return .country }
            return kinds[name]
        }
        var byPlace: [String: [Claim]] = [:]
        var totals: [Claim] = []
        for c in claims {
            if kind(c.place) == .country { totals.append(c) } else { byPlace[c.place!, default: []].append(c) }
        }
        var headline: Int
        var claimant: Claimant
        var conflict = false
        if !totals.isEmpty || byPlace.count <= 1 {
            let group = totals.isEmpty ? Array(byPlace.values.first ?? []) : totals
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
        return FigureSummary(quantity: quantity, weapon: weapon, minimum: values.min() ?? 0,
                             maximum: max(values.max() ?? 0, headline), headline: headline,
                             headlineClaimant: claimant, conflict: conflict)
    }

    /// The headline of one group of claims about the same place.
    func pick(_ claims: [Claim], counting: [Claimant]) -> (Int, Claimant) {
        var pool: [Claim] = []
        for side in counting where pool.isEmpty { pool = claims.filter { $0.claimant == side } }
        if pool.isEmpty { pool = claims.filter { $0.claimant != .media } }
        if pool.isEmpty { pool = claims }
        let latest = pool.max { a, b in (a.published, a.sequence, a.value) < (b.published, b.sequence, b.value) }!
        return (latest.value, latest.claimant)
    }

    /// Official sides (not outlets) whose latest values differ.
    func sidesDisagree(_ claims: [Claim]) -> Bool {
        var latest: [Claimant: Claim] = [:]
        for c in claims where c.claimant != .media {
            if let old = latest[c.claimant], (old.published, old.sequence, old.value) >= (c.published, c.sequence, c.value) {
                continue
            }
            latest[c.claimant] = c
        }
        return Set(latest.values.map(\.value)).count > 1
    }
}

extension Int {
    /// The sum, held at `Int.max` / `Int.min` instead of trapping.
    package func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
