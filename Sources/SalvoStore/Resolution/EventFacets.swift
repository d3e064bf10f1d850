import SalvoModel

/// What the resolver compares, for a report or a whole event: days, attacker, places, weapon
/// profile, documents and figure values. One shape for both, so that a report joining an event
/// and two events merging follow the same rules.
struct EventFacets {
    var days: Set<Day>
    /// Days a report states (an event or figure date), as opposed to days taken from publication.
    var firmDays: Set<Day>
    var attacker: Belligerent?
    var places: [Place]
    var profile: Set<WeaponFamily>
    var documents: Set<String>
    /// Nationwide launch and interception counts by the side that states them.
    var counts: [CountKey: Set<Int>]
    /// Every stated value, for "the same number was reported" evidence.
    var values: Set<ValueKey>
    /// Places that figures are explicitly about.
    var figurePlaces: Set<String>

    struct CountKey: Hashable { var quantity: Quantity; var family: WeaponFamily?; var claimant: Claimant }
    struct ValueKey: Hashable { var quantity: Quantity; var family: WeaponFamily?; var value: Int }

    private var attackerVotes: [Belligerent: Int] = [:]
    private var placeNames = Set<String>()

    init(_ reports: [EventReport]) {
        days = []
        firmDays = []
        places = []
        profile = []
        documents = []
        counts = [:]
        values = []
        figurePlaces = []
        for r in reports { add(r) }
    }

    /// Takes in one more report; an event's facets grow with it instead of being recomputed.
    mutating func add(_ r: EventReport) {
        if let d = r.day {
            days.insert(d)
            if r.event.date != nil || r.event.figures.contains(where: { $0.date != nil }) { firmDays.insert(d) }
        }
        if let a = r.event.attacker {
            attackerVotes[a, default: 0] += 1
            attacker = attackerVotes.max(by: { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) })?.key
        }
        for p in r.event.places where placeNames.insert(p.name).inserted { places.append(p) }
        profile.formUnion(r.weaponProfile)
        documents.insert(r.document)
        for f in r.event.figures {
            let family = f.quantity.isCasualty ? nil : f.weapon.flatMap(WeaponFamily.init)
            values.insert(ValueKey(quantity: f.quantity, family: family, value: f.value))
            if let p = f.place { figurePlaces.insert(p) }
            let nationwide = f.place == nil || r.event.places.contains { $0.name == f.place && $0.kind == .country }
            if nationwide, f.claimant != .media, f.quantity == .launched || f.quantity == .intercepted {
                counts[CountKey(quantity: f.quantity, family: family, claimant: f.claimant), default: []].insert(f.value)
            }
        }
    }

    /// Fewest days between any day of one and any day of the other.
    func dayDistance(to other: EventFacets) -> Int? {
        var best: Int?
        for a in days {
            for b in other.days {
                let d = abs(a.ordinal - b.ordinal)
                if best == nil || d < best! { best = d }
            }
        }
        return best
    }
}
