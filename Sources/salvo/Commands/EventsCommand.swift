import ArgumentParser
import Foundation
import SalvoExtract
import SalvoModel
import SalvoStore
import SalvoText

/// `salvo events`: query the stored events.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List stored events, filtered, as a table, JSON, JSON Lines, CSV or GeoJSON.",
        discussion: """
        `json` is an array of events (id, date, attacker, places, documents, figures with the \
        extract-contract fields plus `document`, and a per-quantity summary with the headline \
        figure). `csv` has ACLED-compatible columns plus launched, intercepted and injured. \
        `geojson` is one Feature per event.

        Examples:
          salvo events --since 2024-11-01 --place Kyiv
          salvo events --attacker RU --weapon drone --format csv > strikes.csv
          salvo events --text "power plant" --min-killed 1 --format json
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Events on or after this day.", valueName: "YYYY-MM-DD")) var since: String?
    @Option(help: ArgumentHelp("Events on or before this day.", valueName: "YYYY-MM-DD")) var until: String?
    @Option(help: "Events in this place or inside it (a city, an oblast, a country).") var place: String?
    @Option(help: ArgumentHelp("Attacking side: RU or UA.", valueName: "side")) var attacker: String?
    @Option(help: ArgumentHelp("Weapon class: \(WeaponClass.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "class"))
    var weapon: String?
    @Option(help: "Events with at least this many killed (headline figure).") var minKilled: Int?
    @Option(help: "Full-text search over the documents behind each event.") var text: String?
    @Option(help: "At most this many events.") var limit: Int?
    @Option(help: "Order: -date (newest first), date, or -killed.") var sort: String = "-date"
    @Option(help: "Output format: table, json, jsonl, csv or geojson.") var format: String = "table"

    func validate() throws {
        _ = try query()
        guard EventFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; use table, json, jsonl, csv or geojson")
        }
    }

    func query() throws -> EventQuery {
        func day(_ s: String?, _ name: String) throws -> Day? {
            guard let s else { return nil }
            guard let d = Day(s), s.count == 10 else { throw ValidationError("--\(name): not a YYYY-MM-DD date: \(s)") }
            return d
        }
        var side: Belligerent?
        if let attacker {
            guard let s = Belligerent(rawValue: attacker.uppercased()) else {
                throw ValidationError("--attacker: RU or UA, not \(attacker)")
            }
            side = s
        }
        var weaponClass: WeaponClass?
        if let weapon {
            guard let w = WeaponClass(rawValue: weapon.lowercased()) else { throw ValidationError("--weapon: unknown class \(weapon)") }
            weaponClass = w
        }
        guard let order = EventQuery.Sort(rawValue: sort) else { throw ValidationError("--sort: -date, date or -killed") }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        return EventQuery(since: try day(since, "since"), until: try day(until, "until"), place: place, attacker: side,
                          weapon: weaponClass, minKilled: minKilled, text: text, limit: limit, sort: order)
    }

    /// The gazetteer's English name for a place named in any language it knows.
    static func englishPlaceName(_ name: String) -> String? {
        guard let gazetteer = Extractor.defaultPlaces else { return nil }
        return gazetteer.places(in: FoldedText(name)).first?.place.name
    }

    func run() async throws {
        let db = try await store.open(create: false)
        var events: [StoredEvent]
        do {
            var q = try query()
            events = try await db.events(matching: q)
            // Places are stored by English name; "Київ", "Kiev" or "Charkiw" go through the gazetteer,
            // only when needed so that the common query does not pay for loading it.
            if events.isEmpty, let name = q.place, let english = Self.englishPlaceName(name), english != name {
                q.place = english
                events = try await db.events(matching: q)
            }
        } catch {
            Log.error("\(store.displayName): query failed: \(error)")
            throw ExitCode(1)
        }
        var output = EventOutput(format: EventFormat(rawValue: format)!)
        try output.write(events)
    }
}
