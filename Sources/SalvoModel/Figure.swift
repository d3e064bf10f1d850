/// One number a text states about one attack, with where it came from.
///
/// A figure is never without provenance: `sentence` is the text it was read from and
/// `start`/`end` are that sentence's Unicode-scalar offsets in the document text.
public struct Figure: Hashable, Codable, Sendable {
    public var quantity: Quantity
    public var weapon: WeaponClass?
    /// Canonical model name (`Shahed`, `Kh-101`, `Iskander-M`) when the text names one.
    public var model: String?
    public var value: Int
    public var qualifier: Qualifier
    /// The most specific place the figure is about, by its English name.
    public var place: String?
    /// That place's GeoNames id, which tells apart places of one name (Donetsk in Ukraine and in
    /// Russia's Rostov Oblast).
    public var placeID: Int?
    /// The day of the attack when it differs from, or is more certain than, the event's.
    public var date: Day?
    public var claimant: Claimant
    /// Who said it, as the text names them ("governor Vitaliy Kim", "Air Force").
    public var claimantName: String?
    public var sentence: String
    public var start: Int
    public var end: Int

    public init(quantity: Quantity, weapon: WeaponClass? = nil, model: String? = nil, value: Int,
                qualifier: Qualifier = .exact, place: String? = nil, placeID: Int? = nil, date: Day? = nil,
                claimant: Claimant = .media, claimantName: String? = nil,
                sentence: String, start: Int, end: Int) {
        self.quantity = quantity
        self.weapon = weapon
        self.model = model
        self.value = value
        self.qualifier = qualifier
        self.place = place
        self.placeID = placeID
        self.date = date
        self.claimant = claimant
        self.claimantName = claimantName
        self.sentence = sentence
        self.start = start
        self.end = end
    }

    enum CodingKeys: String, CodingKey {
        case quantity, weapon, model, value, qualifier, place, date, claimant
        case placeID = "place_geonameid"
        case claimantName = "claimant_name"
        case sentence, start, end
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        quantity = try c.decode(Quantity.self, forKey: .quantity)
        weapon = try c.decodeIfPresent(WeaponClass.self, forKey: .weapon)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        value = try c.decode(Int.self, forKey: .value)
        qualifier = try c.decodeIfPresent(Qualifier.self, forKey: .qualifier) ?? .exact
        place = try c.decodeIfPresent(String.self, forKey: .place)
        placeID = try c.decodeIfPresent(Int.self, forKey: .placeID)
        date = try c.decodeIfPresent(Day.self, forKey: .date)
        claimant = try c.decodeIfPresent(Claimant.self, forKey: .claimant) ?? .media
        claimantName = try c.decodeIfPresent(String.self, forKey: .claimantName)
        sentence = try c.decodeIfPresent(String.self, forKey: .sentence) ?? ""
        start = try c.decodeIfPresent(Int.self, forKey: .start) ?? 0
        end = try c.decodeIfPresent(Int.self, forKey: .end) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(quantity, forKey: .quantity)
        try c.encodeOrNull(weapon, forKey: .weapon)
        try c.encodeOrNull(model, forKey: .model)
        try c.encode(value, forKey: .value)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encodeOrNull(place, forKey: .place)
        try c.encodeOrNull(placeID, forKey: .placeID)
        try c.encodeOrNull(date, forKey: .date)
        try c.encode(claimant, forKey: .claimant)
        try c.encodeOrNull(claimantName, forKey: .claimantName)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}
