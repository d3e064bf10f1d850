import SalvoModel

/// What an event's row shows (date, attacker, places, targets, weapons, and per quantity what the
/// headline rule needs), folded report by report.
///
/// Every part is a fold that does not depend on the order reports are added in: counts, the
/// earliest mention by report time, and per place and claimant the latest claim. So a report
/// that joins an event adds its own figures to the digest, and writing the event's row costs the
/// same whether it has two reports or two thousand; only a report that leaves rebuilds it.
///
/// ```swift
/// var digest = EventDigest()
/// for r in reports { digest.add(r) }
/// let summary = HeadlineRule().summarize(digest)
/// ```
package struct EventDigest: Sendable {
    /// Report time, document (two documents may share a time) and position within the report:
    /// orders first mentions.
    typealias Mention = (time: EventReport.Time, document: String, position: Int)

    package private(set) var reportCount = 0
    private var dayCounts: [Day: Int] = [:]
    private var attackerCounts: [Belligerent: Int] = [:]
    /// Per place name: its first mention and how many reports name it.
    private var placeMentions: [String: (first: Mention, place: Place, reports: Int)] = [:]
    private var targetMentions: [String: Mention] = [:]
    package private(set) var weapons = Set<WeaponClass>()
    /// Per quantity and weapon class, as the headline rule groups claims.
    private(set) var claims: [HeadlineRule.Key: HeadlineRule.Fold] = [:]

    package init() {}

    package init<S: Sequence>(_ reports: S) where S.Element == EventReport {
        for r in reports { add(r) }
    }

    package mutating func add(_ r: EventReport) {
        reportCount += 1
        if let d = r.day { dayCounts[d, default: 0] += 1 }
        if let a = r.event.attacker { attackerCounts[a, default: 0] += 1 }
        let time = r.reportTime
        var named = Set<String>()
        for (i, p) in r.event.places.enumerated() where named.insert(p.name).inserted {
            let mention = (time: time, document: r.document, position: i)
            if var known = placeMentions[p.name] {
                known.reports += 1
                if Self.precedes(mention, known.first) { (known.first, known.place) = (mention, p) }
                placeMentions[p.name] = known
            } else {
                placeMentions[p.name] = (mention, p, 1)
            }
        }
        for (i, t) in r.event.targets.enumerated() {
            let mention = (time: time, document: r.document, position: i)
            if let known = targetMentions[t], !Self.precedes(mention, known) { continue }
            targetMentions[t] = mention
        }
        let published = r.published?.ordinal ?? Int.min
        for f in r.event.figures {
            if let w = f.weapon { weapons.insert(w) }
            let key = HeadlineRule.Key(quantity: f.quantity, weapon: f.quantity.isCasualty ? nil : f.weapon)
            claims[key, default: HeadlineRule.Fold()].add(
                HeadlineRule.Claim(value: f.value, claimant: f.claimant, place: f.place, published: published, sequence: r.sequence))
        }
    }

    private static func precedes(_ a: Mention, _ b: Mention) -> Bool {
        if a.time != b.time { return a.time < b.time }
        return a.document != b.document ? a.document < b.document : a.position < b.position
    }

    /// The day most reports give; on a tie the later day, because an overnight attack is dated
    /// by the morning it ends and outlets that disagree usually name the evening before.
    package var date: Day? {
        dayCounts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
    }

    /// The attacker most reports name.
    package var attacker: Belligerent? {
        attackerCounts.max(by: { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) })?.key
    }

    /// Every place any report names, once, in order of first mention by report time.
    package var places: [Place] {
        placeMentions.values.sorted { Self.precedes($0.first, $1.first) }.map(\.place)
    }

    /// The place that stands for the event on a map or in a CSV row: the one most reports
    /// name; on a tie the broader one (a nationwide strike is located in the country).
    package var primaryPlace: Place? {
        func breadth(_ k: Place.Kind) -> Int { k == .country ? 2 : k == .region ? 1 : 0 }
        return placeMentions.values.max(by: { a, b in
            (a.reports, breadth(a.place.kind), b.place.name) < (b.reports, breadth(b.place.kind), a.place.name)
        })?.place
    }

    package var targets: [String] {
        targetMentions.sorted { Self.precedes($0.value, $1.value) }.map(\.key)
    }
}

extension EventReport {
    /// When it was reported: publication day (unknown first), then arrival, then position.
    typealias Time = (Int, Int, Int)
}
