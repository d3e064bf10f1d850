import Foundation
import GRDB
import SalvoModel
import Synchronization

/// The default `EventStore`: one SQLite file through GRDB, in WAL mode.
///
/// Each `ingest` is one transaction, so a crash leaves every document either fully stored or
/// absent, and a re-run completes the rest. Events near the days being ingested are cached in
/// memory for the resolver; the cache is dropped when another connection writes.
///
/// ```swift
/// let store = try SQLiteEventStore(path: "salvo.sqlite")
/// _ = try await store.ingest(document, extracted: extracted)
/// let events = try await store.events(matching: EventQuery(since: Day("2024-11-01"), place: "Kyiv"))
/// ```
public final class SQLiteEventStore: EventStore {
    public let path: String
    public let resolver: EventResolver
    let pool: DatabasePool
    let cache = Mutex(Cache())

    /// The resolver's working set: events on the days touched so far.
    struct Cache {
        var index = ReportIndex()
        var dataVersion: Int?
        var sequence: Int?
        /// How many places each event had when its `event_place` rows were last written.
        var placesWritten: [String: Int] = [:]
        /// Events changed by the batch being ingested, not yet written (see `Storage.dirty`).
        var dirty = Set<String>()
    }

    /// Opens (creating if needed) and migrates the database at `path`. `readOnly` opens an
    /// existing, migrated database for queries only (faster to open; `ingest` then fails).
    public init(path: String, readOnly: Bool = false, resolver: EventResolver = EventResolver()) throws {
        self.path = path
        self.resolver = resolver
        var config = Configuration()
        config.prepareDatabase { db in
            // WAL with NORMAL sync: a commit is durable against a process crash (kill -9),
            // and only a power loss can drop the last transactions, never corrupt the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Savepoint journals in memory, a page cache that holds a batch's pages, and fewer,
            // larger checkpoints: each of these halved the writes of a batch.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
        }
        config.busyMode = .timeout(10)
        config.readonly = readOnly
        pool = try DatabasePool(path: path, configuration: config)
        if readOnly {
            guard try pool.read({ try Self.migrator.hasCompletedMigrations($0) }) else { throw SchemaOutdated(path: path) }
        } else {
            try Self.migrator.migrate(pool)
        }
    }

    /// A read-only open found a database that needs migrating: open it for writing once.
    public struct SchemaOutdated: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): older database schema; run `salvo ingest` on it once to upgrade" }
    }

    // MARK: - Ingest

    public func ingest(_ document: Document, extracted: ExtractedDocument) async throws -> IngestOutcome {
        try await ingest(batch: [(document, extracted)])[0].get()
    }

    /// One transaction for the batch, one savepoint per document: a document that fails is rolled
    /// back alone, and a crash loses the uncommitted batch, never part of a document.
    ///
    /// The cache is locked inside the write, which GRDB runs one at a time anyway; readers take
    /// their own connections of the pool and wait for neither.
    public func ingest(batch: [(Document, ExtractedDocument)]) async -> [Result<IngestOutcome, any Error>] {
        do {
            return try await pool.write { db in
                try self.cache.withLock { c in
                    var results: [Result<IngestOutcome, any Error>] = []
                    var reload = false
                    for (document, extracted) in batch {
                        do {
                            var outcome = IngestOutcome(document: .unchanged)
                            try db.inSavepoint {
                                outcome = try self.ingest(document, extracted: extracted, db: db, cache: &c)
                                return .commit
                            }
                            results.append(.success(outcome))
                        } catch {
                            // Rolled back to the savepoint; the cache may hold half of this document.
                            // What the documents before it changed is still to be written.
                            let dirty = c.dirty
                            c = Cache()
                            c.dirty = dirty
                            reload = true
                            results.append(.failure(error))
                        }
                    }
                    try self.writeDirtyEvents(db: db, cache: &c, reload: reload)
                    return results
                }
            }
        } catch {
            cache.withLock { $0 = Cache() }
            return batch.map { _ in .failure(error) }
        }
    }

    private func ingest(_ document: Document, extracted: ExtractedDocument, db: Database, cache c: inout Cache) throws -> IngestOutcome {
        try withStorage(db: db, cache: &c) { storage, index in
            try resolver.ingest(document, extracted: extracted, storage: &storage, index: &index)
        }
    }

    public func remove(documentID: String) async throws -> Bool {
        do {
            return try await pool.write { db in
                try self.cache.withLock { c in
                    let removed = try self.withStorage(db: db, cache: &c) { storage, index in
                        try self.resolver.remove(documentKey: documentID, storage: &storage, index: &index)
                    }
                    try self.writeDirtyEvents(db: db, cache: &c, reload: false)
                    return removed
                }
            }
        } catch {
            cache.withLock { $0 = Cache() }
            throw error
        }
    }

    /// Runs the shared routine over this database, the cache kept across calls.
    private func withStorage<T>(db: Database, cache c: inout Cache,
                                _ body: (inout Storage, inout ReportIndex) throws -> T) throws -> T {
        let version = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version"))
        if c.dataVersion != version {
            // Another connection wrote (never inside a batch: the batch holds the write lock).
            let dirty = c.dirty
            c = Cache()
            c.dataVersion = version
            c.dirty = dirty
        }
        // Moved out and back, not copied: a copy of a map of every event per document was quadratic.
        var storage = Storage(db: db, sequence: c.sequence, placesWritten: c.placesWritten, dirty: c.dirty)
        c.placesWritten = [:]
        c.dirty = []
        defer {
            c.sequence = storage.sequence
            c.placesWritten = storage.placesWritten
            c.dirty = storage.dirty
        }
        return try body(&storage, &c.index)
    }

    /// Writes the rows of the events the batch changed, once each, inside its transaction.
    /// `reload`: a document of the batch failed and took the index with it; the events are
    /// read back from their rows first.
    private func writeDirtyEvents(db: Database, cache c: inout Cache, reload: Bool) throws {
        guard !c.dirty.isEmpty else { return }
        do {
            try withStorage(db: db, cache: &c) { storage, index in
                if reload { try storage.loadDirtyEvents(into: &index) }
                try storage.writeDirtyEvents(index: &index)
            }
        } catch {
            c = Cache()
            throw error
        }
    }

    static func insertReport(_ r: EventReport, event: Int64, document: Int64, db: Database) throws {
        let e = r.event
        try db.cachedStatement(sql: """
            INSERT INTO report (document_id, ordinal, event_id, day, date, attacker, places, targets)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [document, r.ordinal, event, r.day?.description, e.date?.description,
                                     e.attacker?.rawValue, CompactJSON.places(e.places), CompactJSON.strings(e.targets)])
        let reportRow = db.lastInsertedRowID
        let insertFigure = try db.cachedStatement(sql: """
            INSERT INTO figure (report_id, ordinal, quantity, weapon, model, value, qualifier, place, date,
                                claimant, claimant_name, sentence, start, "end")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, f) in e.figures.enumerated() {
            try insertFigure.execute(arguments: [reportRow, i, f.quantity.rawValue, f.weapon?.rawValue, f.model, f.value,
                                                 f.qualifier.rawValue, f.place, f.date?.description, f.claimant.rawValue,
                                                 f.claimantName, f.sentence, f.start, f.end])
        }
    }

    /// Rewrites an event's row, and its place index when places were added, from its digest.
    static func writeEvent(_ id: String, digest: EventDigest, db: Database, placesWritten: inout [String: Int]) throws {
        guard let rowID = Int64(id) else { return }
        let places = digest.places
        let date = digest.date
        let summary = HeadlineRule().summarize(digest, places: places)
        let weapons = digest.weapons.map(\.rawValue)
        let stored = StoredEvent(id: id, date: nil, attacker: nil, places: [], targets: [], documents: [], figures: [], summary: summary)
        try db.cachedStatement(sql: """
            UPDATE event SET date = ?, attacker = ?, primary_place = ?, places = ?, targets = ?, summary = ?,
                weapons = ?, killed = ?, injured = ?, launched = ?, intercepted = ?, report_count = ?, json = NULL
            WHERE id = ?
            """).execute(arguments: [date?.description, digest.attacker?.rawValue, digest.primaryPlace?.name,
                                     CompactJSON.places(places), CompactJSON.strings(digest.targets),
                                     CompactJSON.summary(summary),
                                     weapons.isEmpty ? nil : "," + weapons.sorted().joined(separator: ",") + ",",
                                     stored.headline(.killed), stored.headline(.injured), stored.headline(.launched),
                                     stored.headline(.intercepted), digest.reportCount, rowID])
        // Places only grow while reports join; a shrink (an updated document) rewrites them too.
        guard placesWritten[id] != places.count else {
            // The day can move while the places stay (a report with a firmer date joined).
            try db.cachedStatement(sql: "UPDATE event_place SET date = ? WHERE event_id = ? AND date IS NOT ?")
                .execute(arguments: [date?.description, rowID, date?.description])
            return
        }
        placesWritten[id] = places.count
        try db.cachedStatement(sql: "DELETE FROM event_place WHERE event_id = ?").execute(arguments: [rowID])
        let insertPlace = try db.cachedStatement(sql: "INSERT INTO event_place (event_id, name, admin1, country, date) VALUES (?, ?, ?, ?, ?)")
        for p in places {
            try insertPlace.execute(arguments: [rowID, p.name, p.admin1, p.country, date?.description])
        }
    }

    /// Writes the JSON of every event whose JSON is missing: those an ingest changed (their JSON is
    /// cleared as they change, so readers rebuild them meanwhile) and any a crash left behind.
    /// Rendering once at the end, not after every document, keeps big events from being written
    /// again for each report that joins them.
    public func completeEventJSON() async throws {
        try await pool.write { db in
            try self.cache.withLock { c in
                // Events this store just changed are in its cache already: no rows to read back, unless
                // another connection has written since (then the rows are the truth).
                let version = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version"))
                let ids = c.dataVersion == version
                    ? try Int64.fetchAll(db, sql: "SELECT id FROM event WHERE json IS NULL AND report_count > 0") : []
                let update = try db.cachedStatement(sql: "UPDATE event SET json = ? WHERE id = ?")
                for id in ids {
                    let key = String(id)
                    guard let cluster = c.index.cluster(key), !cluster.reports.isEmpty, let digest = c.index.digest(key) else { continue }
                    try update.execute(arguments: [Self.storedEvent(cluster, digest: digest).json, id])
                }
                try Self.renderMissingJSON(db: db)
            }
        }
    }

    static func renderMissingJSON(db: Database) throws {
        var last: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM event WHERE json IS NULL AND report_count > 0 AND id > ? ORDER BY id LIMIT 1000
                """, arguments: [last])
            guard let end = rows.last?["id"] as Int64? else { return }
            let update = try db.cachedStatement(sql: "UPDATE event SET json = ? WHERE id = ?")
            for e in try storedEvents(rows, db: db) { try update.execute(arguments: [e.json, Int64(e.id)!]) }
            last = end
        }
    }

    /// The event as readers see it: reports by report time, each document once, every figure with its document.
    /// `digest` is the cluster's, kept by the index: folding it again per field was most of the time.
    static func storedEvent(_ cluster: EventCluster, digest: EventDigest) -> StoredEvent {
        let reports = cluster.reports.sorted { $0.reportTime < $1.reportTime }
        var documents: [String] = []
        var seen = Set<String>()
        for r in reports where seen.insert(r.document).inserted { documents.append(r.document) }
        let figures = reports.flatMap { r in r.event.figures.map { StoredFigure(figure: $0, document: r.document) } }
        let places = digest.places
        return StoredEvent(id: cluster.id, date: digest.date, attacker: digest.attacker, places: places, targets: digest.targets,
                           documents: documents, figures: figures, summary: HeadlineRule().summarize(digest, places: places))
    }

    static func figure(_ row: Row) -> Figure {
        Figure(quantity: Quantity(rawValue: row["quantity"]) ?? .hit,
               weapon: (row["weapon"] as String?).flatMap(WeaponClass.init(rawValue:)),
               model: row["model"], value: row["value"],
               qualifier: (row["qualifier"] as String?).flatMap(Qualifier.init(rawValue:)) ?? .exact,
               place: row["place"], date: (row["date"] as String?).flatMap { Day($0) },
               claimant: (row["claimant"] as String?).flatMap(Claimant.init(rawValue:)) ?? .media,
               claimantName: row["claimant_name"], sentence: row["sentence"], start: row["start"], end: row["end"])
    }
}
