import Foundation
import SalvoModel
import SalvoText

/// The extractor's own data tables besides the weights: what each claimant role speaks for
/// (`roles.tsv`) and which side fires each weapon model (`origins.tsv`).
struct ResolutionData: Sendable {
    enum Scope: String, Sendable { case local, national, actor, unnamed }

    let roleScopes: [String: Scope]
    let modelOrigins: [String: Belligerent]
    /// The capital of each side (`capitals.tsv`), as the gazetteer has it.
    let capitals: [Belligerent: Place]
    private let occupiedIDs: Set<Int>
    private let occupiedDivisions: Set<String>

    static let shared = ResolutionData(roles: resource("roles"), origins: resource("origins"), occupied: resource("occupied"),
                                       capitals: resource("capitals"), gazetteer: Gazetteer.shared.places)

    /// The side whose capital `p` is ("Moscow fired", "Киев заявил": the government, not the city).
    func sideOfCapital(_ p: Place) -> Belligerent? {
        guard let id = p.geonameid else { return nil }
        return capitals.first { $0.value.geonameid == id }?.key
    }

    /// The side a place can stand for as an actor: a belligerent country, or its capital.
    func sideStoodFor(by p: Place) -> Belligerent? {
        p.kind == .country ? Belligerent(country: p.country) : sideOfCapital(p)
    }

    init(roles: String, origins: String, occupied: String, capitals: String = "", gazetteer: [Place] = []) {
        var byID: [Belligerent: Place] = [:]
        for (side, id) in Self.pairs(capitals) {
            guard let b = Belligerent(rawValue: side), let n = Int(id), let p = gazetteer.first(where: { $0.geonameid == n }) else { continue }
            byID[b] = p
        }
        self.capitals = byID
        var ids = Set<Int>(), divisions = Set<String>()
        for (a, b) in Self.pairs(occupied) {
            if a == "admin1" { divisions.insert(b) } else if let id = Int(a) { ids.insert(id) }
        }
        occupiedIDs = ids
        occupiedDivisions = divisions
        var scopes: [String: Scope] = [:]
        for (a, b) in Self.pairs(roles) { if let s = Scope(rawValue: b) { scopes[a] = s } }
        var sides: [String: Belligerent] = [:]
        for (a, b) in Self.pairs(origins) { if let s = Belligerent(rawValue: b) { sides[a] = s } }
        roleScopes = scopes
        modelOrigins = sides
    }

    func scope(ofRole role: String?) -> Scope? { role.flatMap { roleScopes[$0] } }

    /// The side that holds a place: Russia for its own territory and for occupied Ukraine.
    func holder(of p: Place) -> Belligerent? {
        switch p.country {
        case "RU": return .russia
        case "UA":
            if let id = p.geonameid, occupiedIDs.contains(id) { return .russia }
            if let a = p.admin1, occupiedDivisions.contains(a) { return .russia }
            return .ukraine
        default: return nil
        }
    }

    private static func pairs(_ tsv: String) -> [(String, String)] {
        tsv.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let cols = line.split(separator: "\t")
            return cols.count >= 2 ? (String(cols[0]), String(cols[1])) : nil
        }
    }

    private static func resource(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
    }
}
