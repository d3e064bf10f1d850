import SalvoModel

/// Decides which stored event a newly reported attack belongs to, shared by every store.
///
/// A report is compared with the events a store found by blocking (same attacker or unknown,
/// day within ±1). Hard rules rule a candidate out; evidence then scores the rest:
///
/// - **Ruled out**: different attackers; days more than one apart; the document is already in
///   the event (one document's events were separated by the extractor); places that do not
///   overlap (a city inside a named oblast or country overlaps it); front-line weapons against
///   long-range ones (guided bombs on Kharkiv are not the night's drone attack); on neighbouring
///   days, nationwide launch or interception counts by the same side with no value in common:
///   those are two nights.
/// - A report without any day (no date, no publication day) joins only on a distinctive shared
///   number (a launch count of 10 or more, 3 or more killed) in a compatible place.
/// - **Evidence**: the same day; the same city or oblast; the same numbers reported; shared
///   weapon families.
/// - A report dated one day off, or dated only by its publication day, needs the same numbers
///   as well, because the neighbouring night is usually another attack.
/// - A nationwide report and a local one (Ukraine and Kharkiv) are weakly related unless the
///   nationwide side has figures about that place or they share weapons or numbers: on any day
///   there is shelling somewhere that is not the night's mass strike.
///
/// The best-scoring candidate is joined. Other candidates the report ties to strongly (the same
/// numbers, or figures about their places) and that fit the joined event are merged into it: a
/// nationwide report that lists Kyiv's and Odesa's casualties turns two city events into one
/// mass strike.
///
/// ```swift
/// let resolver = EventResolver()
/// switch resolver.resolve(report, candidates: clusters) {
/// case .create: …
/// case .join(let id, let absorbing): …
/// }
/// ```
public struct EventResolver: Sendable {
    public enum Resolution: Equatable, Sendable {
        case create
        /// Join `event`; merge the `absorbing` events into it.
        case join(String, absorbing: [String])
    }

    /// Minimum evidence for a report of the same day, and of a neighbouring day.
    public var sameDayThreshold: Double = 1.5
    public var nextDayThreshold: Double = 3.5
    public var undatedThreshold: Double = 2.5
    /// Evidence above which a second candidate is merged into the joined event.
    public var absorbThreshold: Double = 4

    public init() {}

    public func resolve(_ report: EventReport, candidates: [EventCluster]) -> Resolution {
        resolve(report, candidates: candidates.map { ($0, EventFacets($0.reports)) })
    }

    /// As `resolve(_:candidates:)`, with each event's facets already at hand (stores keep them).
    func resolve(_ report: EventReport, candidates: [(cluster: EventCluster, facets: EventFacets)]) -> Resolution {
        guard !candidates.isEmpty else { return .create }
        let facets = EventFacets([report])
        var scored: [(cluster: EventCluster, facets: EventFacets, score: Double)] = []
        for c in candidates {
            if let s = evidence(facets, c.facets) { scored.append((c.cluster, c.facets, s)) }
        }
        guard let best = scored.max(by: { ($0.score, $1.cluster.id) < ($1.score, $0.cluster.id) }) else { return .create }
        var absorbing: [String] = []
        guard !facets.firmDays.isEmpty, scored.contains(where: { $0.score >= absorbThreshold && $0.cluster.id != best.cluster.id }) else {
            return .join(best.cluster.id, absorbing: [])
        }
        var merged = best.facets
        merged.add(report)
        for other in scored.sorted(by: { ($0.score, $1.cluster.id) > ($1.score, $0.cluster.id) }) where other.cluster.id != best.cluster.id {
            guard other.score >= absorbThreshold, evidence(merged, other.facets) != nil else { continue }
            absorbing.append(other.cluster.id)
            for r in other.cluster.reports { merged.add(r) }
        }
        return .join(best.cluster.id, absorbing: absorbing)
    }

    /// Whether `a` and `b` may be one attack, and how strongly the evidence says so; `nil` when ruled out.
    func evidence(_ a: EventFacets, _ b: EventFacets) -> Double? {
        if let x = a.attacker, let y = b.attacker, x != y { return nil }
        let distance = a.dayDistance(to: b)
        if let distance, distance > 1 { return nil }
        guard a.documents.isDisjoint(with: b.documents) else { return nil }
        if let x = Self.frontline(a.profile), let y = Self.frontline(b.profile), x != y { return nil }
        if countsDisagree(a, b, sameDay: distance == 0) { return nil }

        var score = 0.0
        let relation = PlaceRelation.best(a.places, b.places)
        if !a.places.isEmpty, !b.places.isEmpty {
            switch relation {
            case .unrelated: return nil
            case .inCountry:
                // A nationwide report takes in a local one when it has figures about that place;
                // otherwise the local report may be the day's shelling elsewhere.
                let named = PlaceRelation.best(a.places.filter { a.figurePlaces.contains($0.name) && $0.kind != .country }, b.places)
                    >= .nested || PlaceRelation.best(b.places.filter { b.figurePlaces.contains($0.name) && $0.kind != .country }, a.places) >= .nested
                score += named ? 1 : 0
            case .sameRegion: score += 0.5
            case .nested: score += 1
            case .sameArea: score += 1
            case .sameCity: score += 2
            }
        }
        var shared = 0.0
        for v in a.values where b.values.contains(v) {
            // A single death or a handful of hits is reported of many attacks; "145 drones" is not.
            if v.quantity.isCasualty { shared += v.value < 3 ? 0.25 : 2 } else { shared += v.value < 10 ? 1 : 2 }
        }
        score += min(shared, 6)
        if !a.profile.isDisjoint(with: b.profile) { score += 0.5 }
        switch distance {
        case 0?:
            // A day taken only from the publication date is a guess, worth less than a stated one.
            score += (!a.firmDays.isEmpty && !b.firmDays.isEmpty) ? 1 : 0.5
            return score >= sameDayThreshold ? score : nil
        case 1?:
            return shared >= 2 && score >= nextDayThreshold ? score : nil
        default:
            // No day at all: only a distinctive shared number, in a compatible place, ties it to an event.
            return shared >= 2 && score >= undatedThreshold ? score : nil
        }
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
    func countsDisagree(_ a: EventFacets, _ b: EventFacets, sameDay: Bool) -> Bool {
        for (key, xs) in a.counts where !sameDay || key.claimant == .russia {
            if let ys = b.counts[key], xs.isDisjoint(with: ys) { return true }
        }
        return false
    }
}
