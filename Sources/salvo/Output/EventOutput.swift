import Foundation
import SalvoModel
import SalvoStore

/// Formats of `salvo events`.
enum EventFormat: String, CaseIterable {
    case table, json, jsonl, csv, geojson
}

/// Writes stored events to stdout in one of `EventFormat`.
struct EventOutput {
    let format: EventFormat
    private var out = StandardOutput()
    private let encoder: JSONEncoder

    init(format: EventFormat) {
        self.format = format
        encoder = JSONEncoder()
        // Sorted keys: the same database gives byte-identical output, easy to diff.
        // (JSON and JSON Lines are written by `StoredEvent.json`, keys in contract order.)
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    }

    mutating func write(_ events: [StoredEvent]) throws {
        switch format {
        case .json:
            out.write("[")
            for (i, e) in events.enumerated() { out.write((i == 0 ? "\n" : ",\n") + (try json(e))) }
            out.write(events.isEmpty ? "]\n" : "\n]\n")
        case .jsonl:
            for e in events { out.write(try json(e) + "\n") }
        case .table:
            // An empty cell is a quantity nobody reported; launches and interceptions by weapon class.
            out.write("id\tdate\tattacker\tplace\tdocs\tlaunched\tintercepted\tkilled\tinjured\tconflict\n")
            for e in events {
                let cells = [e.id, e.date?.description ?? "-", e.attacker?.rawValue ?? "-", e.primaryPlace?.name ?? "-",
                             String(e.documents.count), Self.byWeapon(e, .launched), Self.byWeapon(e, .intercepted),
                             Self.cell(e.reportedHeadline(.killed)), Self.cell(e.reportedHeadline(.injured)),
                             e.summary.contains(where: \.conflict) ? "yes" : "-"]
                out.write(cells.joined(separator: "\t") + "\n")
            }
        case .csv:
            out.write(ACLEDRow.header.joined(separator: ",") + "\n")
            for e in events { out.write(ACLEDRow(e).cells.map(Self.csvField).joined(separator: ",") + "\n") }
        case .geojson:
            let collection = GeoJSON.FeatureCollection(features: events.map(GeoJSON.Feature.init))
            out.write(String(decoding: try encoder.encode(collection), as: UTF8.self) + "\n")
        }
        out.flush()
    }

    private func json(_ e: StoredEvent) throws -> String { e.json }

    static func cell(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// The total, followed by its parts when more than one weapon class was counted:
    /// `120 (drone 100, missile 20)`.
    static func byWeapon(_ e: StoredEvent, _ q: Quantity) -> String {
        guard let total = e.reportedHeadline(q) else { return "" }
        let parts = e.headlines(byWeapon: q).filter { $0.weapon != nil && $0.weapon != .any }
        guard parts.count > 1 else { return String(total) }
        return "\(total) (" + parts.map { "\($0.weapon!.rawValue) \($0.value)" }.joined(separator: ", ") + ")"
    }

    /// A CSV cell, quoted where needed; one starting with `=`, `+`, `-`, `@` (or a tab or carriage
    /// return) gets a leading `'` so that a spreadsheet shows it instead of running it as a formula.
    static func csvField(_ value: String) -> String {
        var s = value
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension StoredEvent {
    /// The place that stands for the event on a map and in a CSV row: the city (or oblast) when
    /// everything named lies there (a drone attack on Belgorod is in Belgorod, not at Russia's
    /// centroid); the country when the event spans several oblasts (a nationwide strike).
    var primaryPlace: Place? {
        let local = places.filter { $0.kind != .country }
        guard !local.isEmpty else { return places.first }
        let regions = Set(local.map { $0.kind == .region ? $0.name : ($0.admin1 ?? $0.name) })
        if regions.count > 1 { return places.first { $0.kind == .country } ?? local.first }
        let cities = local.filter { $0.kind == .city }
        if Set(cities.map(\.name)).count == 1 { return cities.first }
        return local.first { $0.kind == .region } ?? local.first
    }

    /// ACLED `sub_event_type` from the weapons counted.
    var subEventType: String {
        let weapons = Set(figures.compactMap(\.figure.weapon)).subtracting([.any])
        if weapons.contains(where: { $0.isMissile || $0 == .artillery }) { return "Shelling/artillery/missile attack" }
        if !weapons.isEmpty { return "Air/drone strike" }
        return "Shelling/artillery/missile attack"
    }
}

/// One event as an ACLED-compatible CSV row, plus Salvo's launched / intercepted / injured.
struct ACLEDRow {
    static let header = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country", "admin1",
                         "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
                         "launched", "intercepted", "injured"]
    var cells: [String]

    init(_ e: StoredEvent) {
        let place = e.primaryPlace
        let countryCode = place?.country ?? (e.attacker == .ukraine ? "RU" : "UA")
        let country = countryCode == "RU" ? "Russia" : countryCode == "UA" ? "Ukraine" : countryCode
        let prefix = countryCode == "RU" ? "RUS" : countryCode == "UA" ? "UKR" : countryCode
        let actor = e.attacker == .russia ? "Military Forces of Russia (2000-)"
            : e.attacker == .ukraine ? "Military Forces of Ukraine (2019-)" : ""
        let precision = place.map { $0.kind == .city ? "1" : $0.kind == .region ? "2" : "3" } ?? ""
        let claims = e.summary.map { s in
            "\(s.quantity.rawValue)\(s.weapon.map { " " + $0.rawValue } ?? "") \(s.headline) (\(s.headlineClaimant.rawValue)"
                + (s.minimum != s.maximum ? ", claims \(s.minimum)-\(s.maximum)" : "") + (s.conflict ? ", disputed" : "") + ")"
        }
        cells = [prefix + e.id, e.date?.description ?? "", "Explosions/Remote violence", e.subEventType, actor, country,
                 place?.admin1 ?? (place?.kind == .region ? place!.name : ""), place?.name ?? "",
                 place?.lat.map { String($0) } ?? "", place?.lon.map { String($0) } ?? "", precision,
                 e.documents.joined(separator: "; "),
                 "Salvo: " + (claims.isEmpty ? "no figures" : claims.joined(separator: "; ")) + "; \(e.documents.count) reports",
                 EventOutput.cell(e.reportedHeadline(.killed)), EventOutput.cell(e.reportedHeadline(.launched)),
                 EventOutput.cell(e.reportedHeadline(.intercepted)), EventOutput.cell(e.reportedHeadline(.injured))]
    }
}

/// GeoJSON (RFC 7946) for `--format geojson`: one Feature per event, at its primary place.
enum GeoJSON {
    struct FeatureCollection: Encodable {
        var type = "FeatureCollection"
        var features: [Feature]
    }

    struct Feature: Encodable {
        var type = "Feature"
        var id: String
        var geometry: Point?
        var properties: Properties

        init(_ e: StoredEvent) {
            id = e.id
            let place = e.places.first { $0.lat != nil && $0.lon != nil && $0.name == e.primaryPlace?.name }
                ?? e.places.first { $0.lat != nil && $0.lon != nil }
            geometry = place.map { Point(coordinates: [$0.lon!, $0.lat!]) }
            properties = Properties(id: e.id, date: e.date?.description, attacker: e.attacker?.rawValue,
                                    place: e.primaryPlace?.name, places: e.places.map(\.name), documents: e.documents.count,
                                    launched: e.reportedHeadline(.launched), intercepted: e.reportedHeadline(.intercepted),
                                    killed: e.reportedHeadline(.killed), injured: e.reportedHeadline(.injured),
                                    conflict: e.summary.contains(where: \.conflict))
        }

        func encode(to encoder: any Encoder) throws {
            enum K: String, CodingKey { case type, id, geometry, properties }
            var c = encoder.container(keyedBy: K.self)
            try c.encode(type, forKey: .type)
            try c.encode(id, forKey: .id)
            if let geometry { try c.encode(geometry, forKey: .geometry) } else { try c.encodeNil(forKey: .geometry) }
            try c.encode(properties, forKey: .properties)
        }
    }

    struct Point: Encodable {
        var type = "Point"
        var coordinates: [Double]
    }

    struct Properties: Encodable {
        var id: String
        var date: String?
        var attacker: String?
        var place: String?
        var places: [String]
        var documents: Int
        /// `null` when nobody reported the quantity.
        var launched, intercepted, killed, injured: Int?
        var conflict: Bool

        func encode(to encoder: any Encoder) throws {
            enum K: String, CodingKey { case id, date, attacker, place, places, documents, launched, intercepted, killed, injured, conflict }
            var c = encoder.container(keyedBy: K.self)
            try c.encode(id, forKey: .id)
            try c.encode(date, forKey: .date)
            try c.encode(attacker, forKey: .attacker)
            try c.encode(place, forKey: .place)
            try c.encode(places, forKey: .places)
            try c.encode(documents, forKey: .documents)
            try c.encode(launched, forKey: .launched)
            try c.encode(intercepted, forKey: .intercepted)
            try c.encode(killed, forKey: .killed)
            try c.encode(injured, forKey: .injured)
            try c.encode(conflict, forKey: .conflict)
        }
    }
}
