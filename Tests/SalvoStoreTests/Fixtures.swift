import SalvoModel
@testable import SalvoStore

// Places and sentences written for these tests.
enum Places {
    static let ukraine = Place(name: "Ukraine", country: "UA", kind: .country)
    static let russia = Place(name: "Russia", country: "RU", kind: .country)
    static let kyiv = Place(name: "Kyiv", admin1: "Kyiv City", country: "UA", lat: 50.45, lon: 30.52)
    static let odesa = Place(name: "Odesa", admin1: "Odesa Oblast", country: "UA", lat: 46.48, lon: 30.73)
    static let odesaOblast = Place(name: "Odesa Oblast", admin1: "Odesa Oblast", country: "UA", kind: .region)
    static let kharkiv = Place(name: "Kharkiv", admin1: "Kharkiv Oblast", country: "UA", lat: 49.99, lon: 36.23)
    static let kherson = Place(name: "Kherson", admin1: "Kherson Oblast", country: "UA")
    static let belgorod = Place(name: "Belgorod", admin1: "Belgorod Oblast", country: "RU")
}

func figure(_ q: Quantity, _ value: Int, _ weapon: WeaponClass? = nil, place: String? = nil,
            claimant: Claimant = .ukraine, sentence: String = "A sentence written for a test.") -> Figure {
    Figure(quantity: q, weapon: weapon, value: value, place: place, claimant: claimant, sentence: sentence, start: 0, end: sentence.count)
}

/// A document with one event; its text is built from the sentences so every document differs.
func report(_ id: String, published: String?, date: String? = nil, attacker: Belligerent? = .russia, places: [Place],
            _ figures: [Figure], url: String? = nil) -> (Document, ExtractedDocument) {
    reportMany(id, published: published, url: url, [Event(date: date.flatMap { Day($0) }, attacker: attacker, places: places, figures: figures)])
}

func reportMany(_ id: String, published: String?, url: String? = nil, _ events: [Event], text: String? = nil) -> (Document, ExtractedDocument) {
    let body = text ?? ("Report \(id). " + events.flatMap(\.figures).map(\.sentence).joined(separator: " "))
    let doc = Document(id: id, url: url, title: "Report \(id)", language: "en", published: published.flatMap { Day($0) }, text: body)
    let ex = ExtractedDocument(id: id, url: url, title: doc.title, language: "en", published: doc.published, events: events)
    return (doc, ex)
}

extension EventStore {
    @discardableResult
    func ingest(_ pair: (Document, ExtractedDocument)) async throws -> IngestOutcome {
        try await ingest(pair.0, extracted: pair.1)
    }

    func allEvents() async throws -> [StoredEvent] { try await events(matching: EventQuery(sort: .dateAscending)) }
}

/// Every store, so every behaviour is checked on each: the conformance suite. PostgreSQL runs
/// when a server is reachable (see `TestPostgres`); without a PostgreSQL binary it is left out,
/// and the test "PostgreSQL is there for the conformance suite" says so.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqlite, postgres
    var testDescription: String { rawValue }

    static var allCases: [StoreKind] { TestPostgres.url == nil ? [.memory, .sqlite] : [.memory, .sqlite, .postgres] }

    func make() async throws -> any EventStore {
        switch self {
        case .memory: return MemoryEventStore()
        case .sqlite: return try SQLiteEventStore(path: TemporaryFile.path("store.sqlite"))
        case .postgres: return try await TestPostgres.freshStore()
        }
    }
}

import Foundation
import Testing

enum TemporaryFile {
    /// A fresh path in a new temporary directory.
    static func path(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("salvo-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }
}

/// The `(Document, ExtractedDocument)` pairs of extract-contract JSON Lines a script printed
/// (`scripts/bench-generate`, `scripts/dev-gold-to-extracted`).
func extractedDocuments(inJSONLines data: Data) throws -> [(Document, ExtractedDocument)] {
    let decoder = JSONDecoder()
    return try data.split(separator: 0x0A).map { line in
        let ex = try decoder.decode(ExtractedDocument.self, from: Data(line))
        let doc = Document(id: ex.id, url: ex.url, title: ex.title, language: ex.language, published: ex.published,
                           text: ex.text ?? ex.id)
        return (doc, ex)
    }
}
