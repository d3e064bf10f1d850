import SalvoModel

extension EventQuery {
    /// Whether `event` passes every filter except `text` (which needs the documents).
    ///
    /// A place filter matches an event that names the place, a place inside it (a city of the
    /// oblast), or any place of the country it names; case does not matter.
    public func matches(_ event: StoredEvent) -> Bool {
        if let since, event.date.map({ $0 < since }) ?? true { return false }
        if let until, event.date.map({ $0 > until }) ?? true { return false }
        if let attacker, event.attacker != attacker { return false }
        if let weapon, !event.figures.contains(where: { $0.figure.weapon == weapon }) { return false }
        if let minKilled, event.headline(.killed) < minKilled { return false }
        if let place, !event.places.contains(where: { Self.place($0, matches: place) }) { return false }
        return true
    }

    /// The place test of `matches`, also what the SQL stores compute.
    public static func place(_ p: Place, matches query: String) -> Bool {
        let q = query.lowercased()
        if p.name.lowercased() == q || p.admin1?.lowercased() == q { return true }
        if let code = countryCode(named: query), p.country == code { return true }
        return false
    }

    /// ISO code of a country given by English name or code.
    public static func countryCode(named name: String) -> String? {
        switch name.lowercased() {
        case "ukraine", "ua": return "UA"
        case "russia", "russian federation", "ru": return "RU"
        case "belarus", "by": return "BY"
        default: return nil
        }
    }

    /// Sorts, skips `offset` and keeps `limit` events.
    public func page(_ events: [StoredEvent]) -> [StoredEvent] {
        let sorted: [StoredEvent]
        switch sort {
        case .dateAscending:
            sorted = events.sorted { ($0.date?.ordinal ?? Int.min, Int($0.id) ?? 0, $0.id) < ($1.date?.ordinal ?? Int.min, Int($1.id) ?? 0, $1.id) }
        case .dateDescending:
            sorted = events.sorted { ($0.date?.ordinal ?? Int.min, Int($0.id) ?? 0, $0.id) > ($1.date?.ordinal ?? Int.min, Int($1.id) ?? 0, $1.id) }
        case .killedDescending:
            sorted = events.sorted { ($0.headline(.killed), $0.date?.ordinal ?? Int.min) > ($1.headline(.killed), $1.date?.ordinal ?? Int.min) }
        }
        let tail = sorted.dropFirst(offset)
        return Array(limit.map { tail.prefix($0) } ?? tail)
    }
}

extension StoredEvent {
    /// The headline value of a quantity, summed over weapon classes for launches (an `any`
    /// total wins over its parts); 0 when nobody states it.
    public func headline(_ quantity: Quantity) -> Int {
        let rows = summary.filter { $0.quantity == quantity }
        if let total = rows.first(where: { $0.weapon == .any || $0.weapon == nil }) { return total.headline }
        return rows.reduce(0) { $0.addingClamped($1.headline) }
    }
}

extension StoredEvent {
    /// The headline value, or `nil` when no report states the quantity: outputs show nothing
    /// rather than a 0 nobody claimed.
    public func reportedHeadline(_ quantity: Quantity) -> Int? {
        summary.contains { $0.quantity == quantity } ? headline(quantity) : nil
    }

    /// Headline values of a quantity per weapon class (an `any` total and unknown classes under `nil`).
    public func headlines(byWeapon quantity: Quantity) -> [(weapon: WeaponClass?, value: Int)] {
        summary.filter { $0.quantity == quantity }.map { ($0.weapon, $0.headline) }
    }
}
