/// A place resolved against the gazetteer (GeoNames ids where known).
public struct Place: Hashable, Codable, Sendable {
    /// Common English name: `Kyiv`, `Kherson Oblast`, `Ukraine`.
    public var name: String
    public var geonameid: Int?
    /// English name of the first-level division (`Mykolaiv Oblast`); for an oblast itself, its own name.
    public var admin1: String?
    /// ISO 3166 alpha-2.
    public var country: String?
    public var lat: Double?
    public var lon: Double?
    public var kind: Kind

    public enum Kind: String, Codable, Sendable { case city, region, country }

    public init(name: String, geonameid: Int? = nil, admin1: String? = nil, country: String? = nil,
                lat: Double? = nil, lon: Double? = nil, kind: Kind = .city) {
        self.name = name
        self.geonameid = geonameid
        self.admin1 = admin1
        self.country = country
        self.lat = lat
        self.lon = lon
        self.kind = kind
    }

    /// Whether `other` lies inside this place or is this place (a city in a named oblast, an oblast in a country).
    public func contains(_ other: Place) -> Bool {
        if name == other.name { return true }
        switch kind {
        case .country: return other.country == country
        case .region: return other.kind == .city && other.admin1 == name
        case .city: return false
        }
    }

    enum CodingKeys: String, CodingKey { case name, geonameid, admin1, country, lat, lon, kind }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        geonameid = try c.decodeIfPresent(Int.self, forKey: .geonameid)
        admin1 = try c.decodeIfPresent(String.self, forKey: .admin1)
        country = try c.decodeIfPresent(String.self, forKey: .country)
        lat = try c.decodeIfPresent(Double.self, forKey: .lat)
        lon = try c.decodeIfPresent(Double.self, forKey: .lon)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .city
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeOrNull(geonameid, forKey: .geonameid)
        try c.encodeOrNull(admin1, forKey: .admin1)
        try c.encodeOrNull(country, forKey: .country)
        try c.encodeOrNull(lat, forKey: .lat)
        try c.encodeOrNull(lon, forKey: .lon)
        try c.encode(kind, forKey: .kind)
    }
}

extension KeyedEncodingContainer {
    /// The contract writes every field, `null` where unknown.
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
