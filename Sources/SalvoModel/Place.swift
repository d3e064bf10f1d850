/// A place resolved against the gazetteer (GeoNames ids where known).
public struct Place: Hashable, Codable, Sendable {
    // The fields live in one shared, immutable box: extraction copies places by the hundred per
    // document (occurrences, candidates, drafts), and copying a box is one reference count where
    // copying the fields was three strings' worth plus a call through the value witness table.
    // A setter puts a changed copy in a new box, so the value semantics are those of a plain struct.
    private final class Fields: Sendable {
        let name: String
        let geonameid: Int?
        let admin1: String?
        let country: String?
        let lat: Double?
        let lon: Double?
        let kind: Kind

        init(name: String, geonameid: Int?, admin1: String?, country: String?, lat: Double?, lon: Double?, kind: Kind) {
            self.name = name
            self.geonameid = geonameid
            self.admin1 = admin1
            self.country = country
            self.lat = lat
            self.lon = lon
            self.kind = kind
        }
    }

    private var fields: Fields

    /// Common English name: `Kyiv`, `Kherson Oblast`, `Ukraine`.
    public var name: String {
        get { fields.name }
        set { fields = Fields(name: newValue, geonameid: geonameid, admin1: admin1, country: country, lat: lat, lon: lon, kind: kind) }
    }
    public var geonameid: Int? {
        get { fields.geonameid }
        set { fields = Fields(name: name, geonameid: newValue, admin1: admin1, country: country, lat: lat, lon: lon, kind: kind) }
    }
    /// English name of the first-level division (`Mykolaiv Oblast`); for an oblast itself, its own name.
    public var admin1: String? {
        get { fields.admin1 }
        set { fields = Fields(name: name, geonameid: geonameid, admin1: newValue, country: country, lat: lat, lon: lon, kind: kind) }
    }
    /// ISO 3166 alpha-2.
    public var country: String? {
        get { fields.country }
        set { fields = Fields(name: name, geonameid: geonameid, admin1: admin1, country: newValue, lat: lat, lon: lon, kind: kind) }
    }
    public var lat: Double? {
        get { fields.lat }
        set { fields = Fields(name: name, geonameid: geonameid, admin1: admin1, country: country, lat: newValue, lon: lon, kind: kind) }
    }
    public var lon: Double? {
        get { fields.lon }
        set { fields = Fields(name: name, geonameid: geonameid, admin1: admin1, country: country, lat: lat, lon: newValue, kind: kind) }
    }
    public var kind: Kind {
        get { fields.kind }
        set { fields = Fields(name: name, geonameid: geonameid, admin1: admin1, country: country, lat: lat, lon: lon, kind: newValue) }
    }

    public enum Kind: String, Codable, Sendable { case city, region, country }

    public init(name: String, geonameid: Int? = nil, admin1: String? = nil, country: String? = nil,
                lat: Double? = nil, lon: Double? = nil, kind: Kind = .city) {
        fields = Fields(name: name, geonameid: geonameid, admin1: admin1, country: country, lat: lat, lon: lon, kind: kind)
    }

    /// Field by field, in declaration order, as the synthesized conformances compared and hashed.
    public static func == (a: Place, b: Place) -> Bool {
        a.name == b.name && a.geonameid == b.geonameid && a.admin1 == b.admin1 && a.country == b.country
            && a.lat == b.lat && a.lon == b.lon && a.kind == b.kind
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(geonameid)
        hasher.combine(admin1)
        hasher.combine(country)
        hasher.combine(lat)
        hasher.combine(lon)
        hasher.combine(kind)
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
        self.init(name: try c.decode(String.self, forKey: .name),
                  geonameid: try c.decodeIfPresent(Int.self, forKey: .geonameid),
                  admin1: try c.decodeIfPresent(String.self, forKey: .admin1),
                  country: try c.decodeIfPresent(String.self, forKey: .country),
                  lat: try c.decodeIfPresent(Double.self, forKey: .lat),
                  lon: try c.decodeIfPresent(Double.self, forKey: .lon),
                  kind: try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .city)
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

extension Place: CustomReflectable {
    /// The fields, not their box: a place prints as it did as a plain struct (`SALVO_TRACE`, test messages).
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "geonameid": geonameid as Any, "admin1": admin1 as Any, "country": country as Any,
                                "lat": lat as Any, "lon": lon as Any, "kind": kind], displayStyle: .struct)
    }
}
