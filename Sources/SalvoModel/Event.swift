/// One attack as one document reports it: its day, attacker, places and figures.
public struct Event: Hashable, Codable, Sendable {
    public var date: Day?
    /// The attacking side, `RU` or `UA`; `nil` when the text does not say.
    public var attacker: Belligerent?
    public var places: [Place]
    /// What was hit, by kind: `energy`, `residential`, `infrastructure`, `military`, …
    public var targets: [String]
    public var figures: [Figure]

    public init(date: Day? = nil, attacker: Belligerent? = nil, places: [Place] = [], targets: [String] = [], figures: [Figure] = []) {
        self.date = date
        self.attacker = attacker
        self.places = places
        self.targets = targets
        self.figures = figures
    }

    enum CodingKeys: String, CodingKey { case date, attacker, places, targets, figures }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decodeIfPresent(Day.self, forKey: .date)
        attacker = try c.decodeIfPresent(Belligerent.self, forKey: .attacker)
        places = try c.decodeIfPresent([Place].self, forKey: .places) ?? []
        targets = try c.decodeIfPresent([String].self, forKey: .targets) ?? []
        figures = try c.decodeIfPresent([Figure].self, forKey: .figures) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeOrNull(date, forKey: .date)
        try c.encodeOrNull(attacker, forKey: .attacker)
        try c.encode(places, forKey: .places)
        try c.encode(targets, forKey: .targets)
        try c.encode(figures, forKey: .figures)
    }
}
