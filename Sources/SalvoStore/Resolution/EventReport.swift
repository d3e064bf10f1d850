import SalvoModel

/// One document's account of one attack: an `Event` of the extract contract plus where it came from.
///
/// Reports are what the resolver groups: an event in the store is a set of reports from
/// different documents that describe the same real-world attack.
public struct EventReport: Sendable, Equatable {
    /// The input id of the document.
    public var document: String
    /// Position of the event inside its document.
    public var ordinal: Int
    /// When the document was published; later documents win the headline on ties.
    public var published: Day?
    /// Increases with every ingest; orders documents published on the same day.
    public var sequence: Int
    public var event: Event

    public init(document: String, ordinal: Int, published: Day?, sequence: Int, event: Event) {
        self.document = document
        self.ordinal = ordinal
        self.published = published
        self.sequence = sequence
        self.event = event
    }

    /// The day used for blocking: the event's own date, else the majority of its figures' dates,
    /// else the publication day.
    public var day: Day? {
        if let d = event.date { return d }
        var counts: [Day: Int] = [:]
        for f in event.figures { if let d = f.date { counts[d, default: 0] += 1 } }
        if let best = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) { return best.key }
        return published
    }

    /// The weapon classes this report counts launches, interceptions, losses or hits of, coarsened
    /// so that outlets naming a missile type and outlets saying "missiles" agree.
    public var weaponProfile: Set<WeaponFamily> {
        var s = Set<WeaponFamily>()
        for f in event.figures where !f.quantity.isCasualty {
            if let w = f.weapon, let family = WeaponFamily(w) { s.insert(family) }
        }
        return s
    }
}

/// Weapon classes as broad families for comparing reports; `any` (a mixed total) has no family.
public enum WeaponFamily: String, Sendable, Hashable {
    case drone, missile, guidedBomb, artillery

    public init?(_ weapon: WeaponClass) {
        switch weapon {
        case .drone, .decoy: self = .drone
        case .missile, .cruiseMissile, .ballisticMissile: self = .missile
        case .guidedBomb: self = .guidedBomb
        case .artillery: self = .artillery
        case .any: return nil
        }
    }
}
