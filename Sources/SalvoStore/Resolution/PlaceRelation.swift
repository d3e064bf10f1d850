import SalvoModel

/// How two named places relate, from the same place down to unrelated.
enum PlaceRelation: Int, Comparable {
    case unrelated = 0
    /// A local place and the whole country: a nationwide report and a local one.
    case inCountry
    /// Two cities of the same oblast.
    case sameRegion
    /// One lies inside the other (Odesa in Odesa Oblast, Kharkiv in Ukraine).
    case nested
    /// The same country or oblast named by both.
    case sameArea
    /// The same city named by both.
    case sameCity

    static func < (a: PlaceRelation, b: PlaceRelation) -> Bool { a.rawValue < b.rawValue }

    init(_ a: Place, _ b: Place) {
        if a.name == b.name {
            self = a.kind == .city ? .sameCity : .sameArea
        } else if (a.kind == .country) != (b.kind == .country),
                  a.contains(b) || b.contains(a) || Self.countryHolds(a, b) || Self.countryHolds(b, a) {
            self = .inCountry
        } else if a.contains(b) || b.contains(a) {
            self = .nested
        } else if a.kind == .city, b.kind == .city, let r = a.admin1, r == b.admin1 {
            self = .sameRegion
        } else {
            self = .unrelated
        }
    }

    /// A country holds a place of unknown country by its name when that place is not itself a
    /// country: gazetteer entries sometimes lack the country code.
    private static func countryHolds(_ country: Place, _ other: Place) -> Bool {
        guard country.kind == .country, other.kind != .country, other.country == nil else { return false }
        return true
    }

    /// The closest relation between any place of one list and any place of the other.
    static func best(_ a: [Place], _ b: [Place]) -> PlaceRelation {
        var best = PlaceRelation.unrelated
        for p in a {
            for q in b {
                let r = PlaceRelation(p, q)
                if r > best { best = r }
            }
        }
        return best
    }
}
