import SalvoModel

/// Decides which stored event a newly reported attack belongs to, shared by every store.
///
/// A report is compared with the events a store found by blocking (same attacker or unknown,
/// day within ±1). Hard rules rule a candidate out; evidence then scores the rest:
///
/// - **Ruled out**: different attackers; days more than one apart; the document is already in
///   the event (one document's events were separated by the extractor); places that do not
///   overlap (a city inside a named oblast or country overlaps it); weapon profiles that share
///   no family (guided bombs on Kharkiv are not the night's drone attack); nationwide launch or
///   interception counts by the same side that disagree (by more than 10 %, or at all when the
///   days differ): those are two nights.
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
    /// Evidence above which a second candidate is merged into the joined event.
    public var absorbThreshold: Double = 4

    public init() {}

    public func resolve(_ report: EventReport, candidates: [EventCluster]) -> Resolution {
        guard report.day != nil, !candidates.isEmpty else { return .create }
        let facets = EventFacets([report])
        var scored: [(cluster: EventCluster, facets: EventFacets, score: Double)] = []
        for c in candidates {
            let f = EventFacets(c.reports)
            if let s = evidence(facets, f) { scored.append((c, f, s)) }
        }
        guard let best = scored.max(by: { ($0.score, $1.cluster.id) < ($1.score, $0.cluster.id) }) else { return .create }
        var mergedReports = best.cluster.reports + [report]
        var merged = EventFacets(mergedReports)
        var absorbing: [String] = []
        for other in scored.sorted(by: { $0.score > $1.score }) where other.cluster.id != best.cluster.id && !facets.firmDays.isEmpty {
            guard other.score >= absorbThreshold, evidence(merged, other.facets) != nil else { continue }
            absorbing.append(other.cluster.id)
            mergedReports += other.cluster.reports
            merged = EventFacets(mergedReports)
        }
        return .join(best.cluster.id, absorbing: absorbing)
    }

    /// Whether `a` and `b` may be one attack, and how strongly the evidence says so; `nil` when ruled out.
    func evidence(_ a: EventFacets, _ b: EventFacets) -> Double? {
        if let x = a.attacker, let y = b.attacker, x != y { return nil }
        guard let distance = a.dayDistance(to: b), distance <= 1 else { return nil }
        guard a.documents.isDisjoint(with: b.documents) else { return nil }
        if !a.profile.isEmpty, !b.profile.isEmpty, a.profile.isDisjoint(with: b.profile) { return nil }
        if countsDisagree(a, b, strict: distance > 0) { return nil }

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
                score += named ? 1 : 0.25
            case .sameRegion: score += 0.5
            case .nested: score += 1
            case .sameArea: score += 1
            case .sameCity: score += 2
            }
        }
        var shared = 0.0
        for v in a.values where b.values.contains(v) {
            // A single death or a handful of injured is reported of many attacks; launch counts are not.
            shared += (v.quantity.isCasualty && v.value < 3) ? 0.5 : 2
        }
        score += min(shared, 6)
        if !a.profile.isDisjoint(with: b.profile) { score += 0.5 }
        // A day taken only from the publication date is a guess: it needs the same numbers.
        let firm = !a.firmDays.isEmpty && !b.firmDays.isEmpty
        if distance == 0, firm {
            score += 1
            return score >= sameDayThreshold ? score : nil
        }
        return shared >= 2 && score >= nextDayThreshold ? score : nil
    }

    /// Nationwide counts by the same side that cannot describe the same attack.
    func countsDisagree(_ a: EventFacets, _ b: EventFacets, strict: Bool) -> Bool {
        for (key, xs) in a.counts {
            guard let ys = b.counts[key], xs.isDisjoint(with: ys) else { continue }
            if strict { return true }
            let close = xs.contains { x in ys.contains { y in abs(x - y) * 10 <= max(x, y) } }
            if !close { return true }
        }
        return false
    }
}
