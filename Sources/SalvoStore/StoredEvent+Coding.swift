import SalvoModel

// The JSON of `salvo events` and the API follows the extract contract: every key present,
// `null` where unknown, snake_case keys.

extension StoredEvent {
    enum CodingKeys: String, CodingKey { case id, date, attacker, places, targets, documents, figures, summary }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        if let date { try c.encode(date, forKey: .date) } else { try c.encodeNil(forKey: .date) }
        if let attacker { try c.encode(attacker, forKey: .attacker) } else { try c.encodeNil(forKey: .attacker) }
        try c.encode(places, forKey: .places)
        try c.encode(targets, forKey: .targets)
        try c.encode(documents, forKey: .documents)
        try c.encode(figures, forKey: .figures)
        try c.encode(summary, forKey: .summary)
    }
}

extension FigureSummary {
    enum CodingKeys: String, CodingKey {
        case quantity, weapon, minimum, maximum, headline, conflict
        case headlineClaimant = "headline_claimant"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(quantity: try c.decode(Quantity.self, forKey: .quantity),
                  weapon: try c.decodeIfPresent(WeaponClass.self, forKey: .weapon),
                  minimum: try c.decode(Int.self, forKey: .minimum), maximum: try c.decode(Int.self, forKey: .maximum),
                  headline: try c.decode(Int.self, forKey: .headline),
                  headlineClaimant: try c.decode(Claimant.self, forKey: .headlineClaimant),
                  conflict: try c.decode(Bool.self, forKey: .conflict))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(quantity, forKey: .quantity)
        if let weapon { try c.encode(weapon, forKey: .weapon) } else { try c.encodeNil(forKey: .weapon) }
        try c.encode(minimum, forKey: .minimum)
        try c.encode(maximum, forKey: .maximum)
        try c.encode(headline, forKey: .headline)
        try c.encode(headlineClaimant, forKey: .headlineClaimant)
        try c.encode(conflict, forKey: .conflict)
    }
}
