import SalvoModel

/// Where documents, their figures and the merged events live.
///
/// Concrete stores: `MemoryEventStore` (tests, small runs), `SQLiteEventStore` (GRDB, the default
/// file `salvo.sqlite`) and a PostgreSQL store for shared deployments. Every method is `async`:
/// a driver waits on its database without holding a thread, and readers run beside writers.
///
/// ```swift
/// let store = try SQLiteEventStore(path: "salvo.sqlite")
/// let outcome = try await store.ingest(document, extracted: Extractor().extract(document))
/// let recent = try await store.events(matching: EventQuery(since: Day("2024-11-01")))
/// ```
public protocol EventStore: Sendable {
    /// Stores one document with its extraction, in one transaction, and merges its events into
    /// the events already stored. Re-ingesting the same document changes nothing.
    func ingest(_ document: Document, extracted: ExtractedDocument) async throws -> IngestOutcome

    /// Stores several documents, each atomically (all of it or nothing), in order; a store may
    /// commit them together, which is much faster on disk. One result per document.
    /// The default calls `ingest(_:extracted:)` for each.
    func ingest(batch: [(Document, ExtractedDocument)]) async -> [Result<IngestOutcome, any Error>]

    /// Deletes a stored document (by input id) and re-resolves the events it was part of: an
    /// event it alone tied together splits. `false` when no such document is stored.
    func remove(documentID: String) async throws -> Bool

    func events(matching query: EventQuery) async throws -> [StoredEvent]
    /// The same events, each already written as one JSON object (the form `StoredEvent.json` gives),
    /// for readers that only pass them on: the API's event list.
    func eventsJSON(matching query: EventQuery) async throws -> [String]
    func event(id: String) async throws -> StoredEvent?
    func document(id: String) async throws -> StoredDocument?
    /// Per day and weapon class: launched and intercepted; per day: killed and injured.
    func dailyStats(matching query: EventQuery) async throws -> [DailyStat]
    /// Full-text search over stored documents.
    func search(text: String, limit: Int) async throws -> [DocumentHit]
    /// Brings what readers are served up to date after a run of ingests (a store may defer it).
    func completeEventJSON() async throws
}

/// What one `ingest` did.
public struct IngestOutcome: Sendable, Equatable {
    public enum DocumentChange: String, Sendable { case new, updated, unchanged }
    public var document: DocumentChange
    public var eventsCreated: Int
    public var eventsUpdated: Int
    /// Events stored earlier that this document showed to be part of another one, and were merged into it.
    public var eventsMerged: Int

    public init(document: DocumentChange, eventsCreated: Int = 0, eventsUpdated: Int = 0, eventsMerged: Int = 0) {
        self.document = document
        self.eventsCreated = eventsCreated
        self.eventsUpdated = eventsUpdated
        self.eventsMerged = eventsMerged
    }
}

/// Filters of `salvo events` and `GET /api/events`; `nil` means no filter.
public struct EventQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable { case dateDescending = "-date", dateAscending = "date", killedDescending = "-killed" }
    public var since: Day?
    public var until: Day?
    /// A place name in any language the gazetteer knows; matches events in or inside it.
    public var place: String?
    public var attacker: Belligerent?
    public var weapon: WeaponClass?
    public var minKilled: Int?
    /// Full-text search over the documents behind each event.
    public var text: String?
    public var limit: Int?
    public var offset: Int
    public var sort: Sort

    public init(since: Day? = nil, until: Day? = nil, place: String? = nil, attacker: Belligerent? = nil,
                weapon: WeaponClass? = nil, minKilled: Int? = nil, text: String? = nil,
                limit: Int? = nil, offset: Int = 0, sort: Sort = .dateDescending) {
        self.since = since
        self.until = until
        self.place = place
        self.attacker = attacker
        self.weapon = weapon
        self.minKilled = minKilled
        self.text = text
        self.limit = limit
        self.offset = offset
        self.sort = sort
    }
}

/// A store that cannot delete documents (a read-only or test store).
public struct RemovalUnsupported: Error, CustomStringConvertible {
    public var description: String { "this store cannot remove documents" }
}

extension EventStore {
    public func completeEventJSON() async throws {}

    public func remove(documentID: String) async throws -> Bool { throw RemovalUnsupported() }

    public func eventsJSON(matching query: EventQuery) async throws -> [String] {
        try await events(matching: query).map(\.json)
    }

    /// Sums the matching events day by day; a store may answer it in its own query language instead.
    public func dailyStats(matching query: EventQuery) async throws -> [DailyStat] {
        var q = query
        q.limit = nil
        q.offset = 0
        return DailyStat.aggregate(try await events(matching: q))
    }
}
