import SalvoModel

/// An event as the resolver sees it: the reports merged so far, and what follows from them.
///
/// `id` is assigned by the store. Everything else is derived from `reports`, so merging two
/// clusters is concatenating their reports.
public struct EventCluster: Sendable, Equatable {
    public var id: String
    public var reports: [EventReport]

    public init(id: String, reports: [EventReport]) {
        self.id = id
        self.reports = reports
    }

    public var documents: Set<String> { Set(reports.map(\.document)) }

    /// The day most reports give; on a tie the later day, because an overnight attack is dated
    /// by the morning it ends and outlets that disagree usually name the evening before.
    public var date: Day? {
        var counts: [Day: Int] = [:]
        for r in reports { if let d = r.day { counts[d, default: 0] += 1 } }
        return counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
    }

    /// The attacker most reports name.
    public var attacker: Belligerent? {
        var counts: [Belligerent: Int] = [:]
        for r in reports { if let a = r.event.attacker { counts[a, default: 0] += 1 } }
        return counts.max(by: { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) })?.key
    }

    /// Every place any report names, once, in order of first mention.
    public var places: [Place] {
        var seen = Set<String>()
        var out: [Place] = []
        for r in reports {
            for p in r.event.places where seen.insert(p.name).inserted { out.append(p) }
        }
        return out
    }

    /// The place that stands for the event on a map or in a CSV row: the one most reports
    /// name; on a tie the broader one (a nationwide strike is located in the country).
    public var primaryPlace: Place? {
        var counts: [String: (Int, Place)] = [:]
        for r in reports {
            for p in Set(r.event.places.map(\.name)) {
                let place = r.event.places.first { $0.name == p }!
                counts[p, default: (0, place)].0 += 1
            }
        }
        func breadth(_ k: Place.Kind) -> Int { k == .country ? 2 : k == .region ? 1 : 0 }
        return counts.values.max(by: { a, b in
            (a.0, breadth(a.1.kind), b.1.name) < (b.0, breadth(b.1.kind), a.1.name)
        })?.1
    }

    public var targets: [String] {
        var seen = Set<String>()
        return reports.flatMap(\.event.targets).filter { seen.insert($0).inserted }
    }

    public var weaponProfile: Set<WeaponFamily> {
        reports.reduce(into: Set<WeaponFamily>()) { $0.formUnion($1.weaponProfile) }
    }

    /// Every claim with the document it came from, in report order.
    public var figures: [StoredFigure] {
        reports.flatMap { r in r.event.figures.map { StoredFigure(figure: $0, document: r.document) } }
    }

    /// Per quantity and weapon class: range, headline and conflict (see `HeadlineRule`).
    public var summary: [FigureSummary] { HeadlineRule().summarize(self) }

    public var storedEvent: StoredEvent {
        var docs: [String] = []
        var seen = Set<String>()
        for r in reports where seen.insert(r.document).inserted { docs.append(r.document) }
        return StoredEvent(id: id, date: date, attacker: attacker, places: places, targets: targets,
                           documents: docs, figures: figures, summary: summary)
    }
}
