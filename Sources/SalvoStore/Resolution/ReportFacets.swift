import SalvoModel

/// What the resolver compares of one report, computed once when the report is indexed.
///
/// Facets leave out the document: two reports with equal facets score alike against every
/// other report, so the index keeps them as one signature and the clustering works on
/// signatures, not on every outlet that repeated the air force's numbers.
struct ReportFacets: Hashable, Sendable {
    /// Blocking day as an ordinal; `nil` for a report with no date and no publication day.
    var day: Int?
    /// The day is stated (an event or figure date), not taken from publication.
    var firm: Bool
    var attacker: Belligerent?
    var places: [Place]
    var profile: Set<WeaponFamily>
    /// Nationwide launch and interception counts by the side that states them.
    var counts: [CountKey: Set<Int>]
    /// Every stated value, for finding candidates by number.
    var values: Set<ValueKey>
    /// The same with the place each is about (`nil` for nationwide or unstated), for evidence:
    /// "three killed in Kherson" and "three killed in Odesa" are not the same claim.
    var placedValues: Set<PlacedValue>
    /// Casualty quantities stated about a named place: two reports of a toll that rose
    /// (3 killed in Uman, later 7) state no number in common but the same toll.
    var tolls: Set<TollKey>
    /// Places that figures are explicitly about.
    var figurePlaces: Set<String>
    var targets: Set<String>
    /// Values stated with a qualifier ("almost 270", "more than 20"), which cover exact values near them.
    var rounded: Set<RoundedValue>
    /// Nationwide launch and interception totals over all weapon kinds ("158 aerial targets").
    var totals: [Quantity: Set<Int>]
    /// The same quantities summed over weapon families, the largest count of each, when two or
    /// more families are counted: "122 missiles and 36 drones" adds up to 158.
    var sumsOfParts: [Quantity: Int]

    struct CountKey: Hashable, Sendable { var quantity: Quantity; var family: WeaponFamily?; var claimant: Claimant }

    init(_ r: EventReport) {
        let d = r.day
        day = d?.ordinal
        firm = d != nil && (r.event.date != nil || r.event.figures.contains { $0.date != nil })
        attacker = r.event.attacker
        var seen = Set<String>()
        places = r.event.places.filter { seen.insert($0.name).inserted }
        profile = r.weaponProfile
        counts = [:]
        values = []
        placedValues = []
        tolls = []
        figurePlaces = []
        targets = Set(r.event.targets)
        rounded = []
        totals = [:]
        var parts: [Quantity: [WeaponFamily: Int]] = [:]
        for f in r.event.figures {
            let family = f.quantity.isCasualty ? nil : f.weapon.flatMap(WeaponFamily.init)
            let key = ValueKey(quantity: f.quantity, family: family, value: f.value)
            values.insert(key)
            let national = f.place == nil || r.event.places.contains { $0.name == f.place && $0.kind == .country }
            let placed = PlacedValue(key: key, place: national ? nil : f.place)
            placedValues.insert(placed)
            if f.qualifier != .exact { rounded.insert(RoundedValue(value: placed, qualifier: f.qualifier)) }
            if f.quantity.isCasualty, !national, let p = f.place { tolls.insert(TollKey(quantity: f.quantity, place: p)) }
            if let p = f.place { figurePlaces.insert(p) }
            if national, f.claimant != .media, f.quantity == .launched || f.quantity == .intercepted {
                counts[CountKey(quantity: f.quantity, family: family, claimant: f.claimant), default: []].insert(f.value)
            }
            if national, f.quantity == .launched || f.quantity == .intercepted {
                if let family {
                    parts[f.quantity, default: [:]][family] = max(parts[f.quantity]?[family] ?? 0, f.value)
                } else if f.weapon == .any {
                    totals[f.quantity, default: []].insert(f.value)
                }
            }
        }
        sumsOfParts = [:]
        for (q, byFamily) in parts where byFamily.count >= 2 {
            // Values come from input: an overflowing sum is no total of anything.
            var sum = 0
            var overflow = false
            for v in byFamily.values {
                let (s, o) = sum.addingReportingOverflow(v)
                sum = s
                overflow = overflow || o
            }
            if !overflow {
                sumsOfParts[q] = sum
                // A report stating the total finds this one by it.
                values.insert(ValueKey(quantity: q, family: nil, value: sum))
            }
        }
    }

    /// Every value, in a fixed order: what a report without a day is looked up by.
    var sortedValues: [ValueKey] { values.sorted() }

    /// Tolls of places with casualties of two or more kinds, in a fixed order: what finds a
    /// later report of a toll that rose (`PairEvidence.tollsRoseDistinctively`) when it states
    /// no number of the earlier one.
    var severalKindTolls: [TollKey] {
        var kinds: [String: Int] = [:]
        for t in tolls { kinds[t.place, default: 0] += 1 }
        return tolls.filter { (kinds[$0.place] ?? 0) >= 2 }.sorted()
    }
}

/// A casualty quantity about a named place, whatever the number.
package struct TollKey: Hashable, Comparable, Sendable {
    package var quantity: Quantity
    package var place: String

    package static func < (a: TollKey, b: TollKey) -> Bool { (a.quantity.rawValue, a.place) < (b.quantity.rawValue, b.place) }
}

/// A stated value and the place it is about.
struct PlacedValue: Hashable, Sendable {
    var key: ValueKey
    var place: String?

    /// The same number of the same thing, about the same place or with one side nationwide.
    func matches(_ other: PlacedValue) -> Bool {
        key == other.key && (place == nil || other.place == nil || place == other.place)
    }
}

/// A value stated with a qualifier: "almost 270" covers 267, "more than 20" covers 21.
struct RoundedValue: Hashable, Sendable {
    var value: PlacedValue
    var qualifier: Qualifier

    /// How far from its number a rounded claim reaches, as a share of that number.
    static let reach = 0.1

    /// Whether `other`, another value of the same quantity about the same place, is one this
    /// claim rounds: within `reach` of it, on the side the qualifier says.
    func covers(_ other: PlacedValue) -> Bool {
        let k = value.key, o = other.key
        guard o.quantity == k.quantity, o.family == k.family, o.value != k.value,
              value.place == nil || other.place == nil || value.place == other.place else { return false }
        let stated = Double(k.value), x = Double(o.value), slack = stated * Self.reach
        switch qualifier {
        case .exact: return false
        case .almost, .upTo: return x < stated && x >= stated - slack
        case .moreThan, .atLeast: return x > stated && x <= stated + slack
        case .about: return abs(x - stated) <= slack
        }
    }
}

/// A stated value of a quantity, weapons coarsened to families so that "Shahed" and "drones" agree.
package struct ValueKey: Hashable, Comparable, Sendable {
    package var quantity: Quantity
    package var family: WeaponFamily?
    package var value: Int

    /// Ten or more dead, injured or weapons: numbers unrelated attacks rarely share ("one killed,
    /// four injured" is said of a different night every week). What lets reports on neighbouring
    /// days be one night: a lower bar chained a city's daily shelling reports into one block.
    package var isDistinctive: Bool { value >= 10 }

    package static func < (a: ValueKey, b: ValueKey) -> Bool {
        (a.quantity.rawValue, a.family?.rawValue ?? "", a.value) < (b.quantity.rawValue, b.family?.rawValue ?? "", b.value)
    }
}
