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

    /// Date, attacker, places, targets and the claims per quantity, folded over the reports.
    package var digest: EventDigest { EventDigest(reports) }

    /// The day most reports give (see `EventDigest.date`).
    public var date: Day? { digest.date }

    /// The attacker most reports name.
    public var attacker: Belligerent? { digest.attacker }

    /// Every place any report names, once, in order of first mention by report time.
    public var places: [Place] { digest.places }

    /// The place that stands for the event on a map or in a CSV row (see `EventDigest.primaryPlace`).
    public var primaryPlace: Place? { digest.primaryPlace }

    public var targets: [String] { digest.targets }

    public var weaponProfile: Set<WeaponFamily> {
        reports.reduce(into: Set<WeaponFamily>()) { $0.formUnion($1.weaponProfile) }
    }

    /// Every claim with the document it came from, in report order.
    public var figures: [StoredFigure] {
        reports.flatMap { r in r.event.figures.map { StoredFigure(figure: $0, document: r.document) } }
    }

    /// Per quantity and weapon class: range, headline and conflict (see `HeadlineRule`).
    public var summary: [FigureSummary] { HeadlineRule().summarize(digest) }

    public var storedEvent: StoredEvent {
        var docs: [String] = []
        var seen = Set<String>()
        for r in reports where seen.insert(r.document).inserted { docs.append(r.document) }
        let d = digest
        let places = d.places
        return StoredEvent(id: id, date: d.date, attacker: d.attacker, places: places, targets: d.targets,
                           documents: docs, figures: figures, summary: HeadlineRule().summarize(d, places: places))
    }
}
