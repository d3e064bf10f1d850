import Foundation
import SalvoModel
import SalvoStore

/// A small in-memory `EventStore` with sample events written for these tests.
final class SampleStore: EventStore, @unchecked Sendable {
    private let lock = NSLock()
    private var storedEvents: [StoredEvent]
    private var documents: [String: StoredDocument]

    init(events: [StoredEvent] = SampleStore.sampleEvents, documents: [StoredDocument] = SampleStore.sampleDocuments) {
        storedEvents = events
        self.documents = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
    }

    func ingest(_ document: Document, extracted: ExtractedDocument) throws -> IngestOutcome {
        lock.withLock {
            let existed = documents[document.id] != nil
            var created = 0
            var ids: [String] = []
            for (n, e) in extracted.events.enumerated() {
                let id = "\(document.id)-\(n)"
                ids.append(id)
                storedEvents.removeAll { $0.id == id }
                storedEvents.append(StoredEvent(id: id, date: e.date, attacker: e.attacker, places: e.places, targets: e.targets,
                                                documents: [document.id], figures: e.figures.map { StoredFigure(figure: $0, document: document.id) },
                                                summary: []))
                created += 1
            }
            documents[document.id] = StoredDocument(id: document.id, url: document.url, title: document.title, language: document.language,
                                                    published: document.published, text: document.text, eventIDs: ids)
            return IngestOutcome(document: existed ? .updated : .new, eventsCreated: existed ? 0 : created, eventsUpdated: existed ? created : 0)
        }
    }

    func events(matching query: EventQuery) throws -> [StoredEvent] {
        let all = lock.withLock { storedEvents }
        var hits = all.filter { matches($0, query) }
        switch query.sort {
        case .dateDescending: hits.sort { ($0.date?.ordinal ?? 0, $0.id) > ($1.date?.ordinal ?? 0, $1.id) }
        case .dateAscending: hits.sort { ($0.date?.ordinal ?? 0, $0.id) < ($1.date?.ordinal ?? 0, $1.id) }
        case .killedDescending: hits.sort { killed($0) > killed($1) }
        }
        let from = min(query.offset, hits.count)
        let to = query.limit.map { min(hits.count, from + $0) } ?? hits.count
        return Array(hits[from..<to])
    }

    func event(id: String) throws -> StoredEvent? { lock.withLock { storedEvents.first { $0.id == id } } }

    func document(id: String) throws -> StoredDocument? { lock.withLock { documents[id] } }

    func dailyStats(matching query: EventQuery) throws -> [DailyStat] {
        var unpaged = query
        unpaged.limit = nil
        unpaged.offset = 0
        return DailyStat.aggregate(try events(matching: unpaged))
    }

    func search(text: String, limit: Int) throws -> [DocumentHit] {
        let docs = lock.withLock { Array(documents.values) }
        return docs.filter { $0.text.localizedCaseInsensitiveContains(text) }.sorted { $0.id < $1.id }.prefix(limit)
            .map { DocumentHit(id: $0.id, title: $0.title, snippet: String($0.text.prefix(80))) }
    }

    private func value(_ e: StoredEvent, _ q: Quantity) -> Int { e.summary.first { $0.quantity == q }?.headline ?? 0 }
    private func killed(_ e: StoredEvent) -> Int { value(e, .killed) }

    private func matches(_ e: StoredEvent, _ q: EventQuery) -> Bool {
        if let since = q.since, let d = e.date, d < since { return false }
        if let until = q.until, let d = e.date, until < d { return false }
        if let place = q.place, !e.places.contains(where: { $0.name.localizedCaseInsensitiveContains(place) || ($0.admin1 ?? "").localizedCaseInsensitiveContains(place) }) { return false }
        if let a = q.attacker, e.attacker != a { return false }
        if let w = q.weapon, !e.figures.contains(where: { $0.figure.weapon == w }) { return false }
        if let k = q.minKilled, killed(e) < k { return false }
        if let t = q.text, !e.figures.contains(where: { $0.figure.sentence.localizedCaseInsensitiveContains(t) }) { return false }
        return true
    }
}

extension SampleStore {
    static let odesa = Place(name: "Odesa", geonameid: 698740, admin1: "Odesa Oblast", country: "UA", lat: 46.477, lon: 30.733)
    static let kharkiv = Place(name: "Kharkiv", geonameid: 706483, admin1: "Kharkiv Oblast", country: "UA", lat: 49.982, lon: 36.253)
    static let lviv = Place(name: "Lviv", geonameid: 702550, admin1: "Lviv Oblast", country: "UA", lat: 49.839, lon: 24.029)

    // Sentences invented for the tests; offsets are where each sits in its document below.
    static let s1 = "The air force said 41 of 52 drones were shot down over the south overnight."
    static let s2 = "Governor Ivan Petrenko said three people were killed and 12 injured in Odesa."
    static let s3 = "Moscow claimed all 1,200 drones were destroyed, a figure nobody confirmed."
    static let s4 = "Two ballistic missiles struck Kharkiv, the mayor said, injuring 7."

    static let sampleDocuments: [StoredDocument] = [
        StoredDocument(id: "doc-a", url: "https://example.org/a", title: "Night attack on the south", language: "en",
                       published: Day("2024-11-17"), text: s1 + " " + s2, eventIDs: ["ev-odesa"]),
        StoredDocument(id: "feeds/b.xml#2", url: nil, title: "Claims from Moscow", language: "en",
                       published: Day("2024-11-18"), text: s3, eventIDs: ["ev-odesa"]),
        StoredDocument(id: "doc-c", url: "https://example.org/c", title: "Kharkiv strike", language: "en",
                       published: Day("2024-12-02"), text: s4, eventIDs: ["ev-kharkiv"]),
    ]

    static let sampleEvents: [StoredEvent] = [
        StoredEvent(
            id: "ev-odesa", date: Day("2024-11-17"), attacker: .russia, places: [odesa], targets: ["energy"],
            documents: ["doc-a", "feeds/b.xml#2"],
            figures: [
                StoredFigure(figure: Figure(quantity: .launched, weapon: .drone, value: 52, claimant: .ukraine, claimantName: "Air Force",
                                            sentence: s1, start: 0, end: s1.unicodeScalars.count), document: "doc-a"),
                StoredFigure(figure: Figure(quantity: .intercepted, weapon: .drone, value: 41, claimant: .ukraine, claimantName: "Air Force",
                                            sentence: s1, start: 0, end: s1.unicodeScalars.count), document: "doc-a"),
                StoredFigure(figure: Figure(quantity: .killed, value: 3, place: "Odesa", claimant: .ukraine, claimantName: "Governor Ivan Petrenko",
                                            sentence: s2, start: s1.unicodeScalars.count + 1, end: s1.unicodeScalars.count + 1 + s2.unicodeScalars.count), document: "doc-a"),
                StoredFigure(figure: Figure(quantity: .injured, value: 12, place: "Odesa", claimant: .ukraine, claimantName: "Governor Ivan Petrenko",
                                            sentence: s2, start: s1.unicodeScalars.count + 1, end: s1.unicodeScalars.count + 1 + s2.unicodeScalars.count), document: "doc-a"),
                StoredFigure(figure: Figure(quantity: .intercepted, weapon: .drone, value: 1200, claimant: .russia, claimantName: "Ministry of Defence",
                                            sentence: s3, start: 0, end: s3.unicodeScalars.count), document: "feeds/b.xml#2"),
            ],
            summary: [
                FigureSummary(quantity: .launched, weapon: .drone, minimum: 52, maximum: 52, headline: 52, headlineClaimant: .ukraine, conflict: false),
                FigureSummary(quantity: .intercepted, weapon: .drone, minimum: 41, maximum: 1200, headline: 41, headlineClaimant: .ukraine, conflict: true),
                FigureSummary(quantity: .killed, weapon: nil, minimum: 3, maximum: 3, headline: 3, headlineClaimant: .ukraine, conflict: false),
                FigureSummary(quantity: .injured, weapon: nil, minimum: 12, maximum: 12, headline: 12, headlineClaimant: .ukraine, conflict: false),
            ]),
        StoredEvent(
            id: "ev-kharkiv", date: Day("2024-12-02"), attacker: .russia, places: [kharkiv], targets: ["residential"],
            documents: ["doc-c"],
            figures: [
                StoredFigure(figure: Figure(quantity: .hit, weapon: .ballisticMissile, value: 2, claimant: .ukraine, claimantName: "the mayor",
                                            sentence: s4, start: 0, end: s4.unicodeScalars.count), document: "doc-c"),
                StoredFigure(figure: Figure(quantity: .injured, value: 7, place: "Kharkiv", claimant: .ukraine, claimantName: "the mayor",
                                            sentence: s4, start: 0, end: s4.unicodeScalars.count), document: "doc-c"),
            ],
            summary: [
                FigureSummary(quantity: .hit, weapon: .ballisticMissile, minimum: 2, maximum: 2, headline: 2, headlineClaimant: .ukraine, conflict: false),
                FigureSummary(quantity: .injured, weapon: nil, minimum: 7, maximum: 7, headline: 7, headlineClaimant: .ukraine, conflict: false),
            ]),
        StoredEvent(
            id: "ev-lviv", date: Day("2024-12-10"), attacker: .russia, places: [lviv], targets: [],
            documents: [], figures: [], summary: [
                FigureSummary(quantity: .launched, weapon: .cruiseMissile, minimum: 6, maximum: 6, headline: 6, headlineClaimant: .ukraine, conflict: false),
                FigureSummary(quantity: .intercepted, weapon: .cruiseMissile, minimum: 5, maximum: 5, headline: 5, headlineClaimant: .ukraine, conflict: false),
            ]),
    ]
}
