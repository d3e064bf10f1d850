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
/// _ = try store.ingest(document, extracted: extracted)
/// let events = try store.events(matching: EventQuery(since: Day("2024-11-01"), place: "Kyiv"))
/// ```
public final class SQLiteEventStore: EventStore {
    public let path: String
    public let resolver: EventResolver
    let pool: DatabasePool
    let cache = Mutex(Cache())

    /// The resolver's working set: events on the days touched so far.
    struct Cache {
        var index = EventIndex()
        var loadedDays = Set<Int>()
        var dataVersion: Int?
        var sequence: Int?
        /// How many places each event had when its `event_place` rows were last written.
        var placesWritten: [String: Int] = [:]

        let decoder = JSONDecoder()
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

    public func ingest(_ document: Document, extracted: ExtractedDocument) throws -> IngestOutcome {
        try ingest(batch: [(document, extracted)])[0].get()
    }

    /// One transaction for the batch, one savepoint per document: a document that fails is rolled
    /// back alone, and a crash loses the uncommitted batch, never part of a document.
    public func ingest(batch: [(Document, ExtractedDocument)]) -> [Result<IngestOutcome, any Error>] {
        cache.withLock { c in
            var results: [Result<IngestOutcome, any Error>] = []
            do {
                try pool.write { db in
                    for (document, extracted) in batch {
                        do {
                            var outcome = IngestOutcome(document: .unchanged)
                            try db.inSavepoint {
                                outcome = try ingest(document, extracted: extracted, db: db, cache: &c)
                                return .commit
                            }
                            results.append(.success(outcome))
                        } catch {
                            // Rolled back to the savepoint; the cache may hold half of this document.
                            c = Cache()
                            results.append(.failure(error))
                        }
                    }
                }
            } catch {
                c = Cache()
                results = batch.map { _ in .failure(error) }
            }
            return results
        }
    }

    private func ingest(_ document: Document, extracted: ExtractedDocument, db: Database, cache c: inout Cache) throws -> IngestOutcome {
        let version = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version"))
        if c.dataVersion != version {
            c = Cache()
            c.dataVersion = version
        }
        let fingerprint = TextFingerprint.of(document.text)
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM document WHERE fingerprint = ?"), arguments: [fingerprint]) == true {
            return IngestOutcome(document: .unchanged)
        }
        var change = IngestOutcome.DocumentChange.new
        var updated = Set<String>()
        let articleURL = DocumentIdentity.articleURL(document.url)
        var previous = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM document WHERE key = ?"), arguments: [document.id])
        if previous == nil, let articleURL {
            previous = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM document WHERE url = ?"), arguments: [articleURL])
        }
        if let old = previous {
            change = .updated
            let oldKey = try String.fetchOne(db, sql: "SELECT key FROM document WHERE id = ?", arguments: [old])!
            let touched = try Int64.fetchAll(db, sql: "SELECT DISTINCT event_id FROM report WHERE document_id = ?", arguments: [old])
            try loadClusters(ids: touched, db: db, cache: &c)
            let result = c.index.removeDocument(oldKey, from: Set(touched.map(String.init)))
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [old])
            for id in result.emptied { try db.execute(sql: "DELETE FROM event WHERE id = ?", arguments: [Int64(id)!]) }
            for id in result.changed { try writeEvent(id, db: db, cache: &c) }
            updated.formUnion(result.changed)
        }

        if c.sequence == nil { c.sequence = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM document") ?? 0 }
        c.sequence! += 1
        let sequence = c.sequence!
        let published = document.published ?? extracted.published
        try db.cachedStatement(sql: """
            INSERT INTO document (key, url, fingerprint, title, language, published, sequence, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [document.id, articleURL ?? document.url, fingerprint, document.title ?? extracted.title,
                                     document.language ?? extracted.language, published?.description, sequence, document.text])
        let documentRow = db.lastInsertedRowID

        var created = Set<String>()
        var merged = 0
        var touched = Set<String>()
        for (i, event) in extracted.events.enumerated() {
            let report = EventReport(document: document.id, ordinal: i, published: published, sequence: sequence, event: event)
            var candidates: [(cluster: EventCluster, facets: EventFacets)] = []
            if let day = report.day {
                try loadDays((day.ordinal - 1)...(day.ordinal + 1), db: db, cache: &c)
                candidates = c.index.candidates(day: day, attacker: event.attacker)
            } else {
                candidates = try undatedCandidates(report, db: db, cache: &c)
            }
            let resolution = resolver.resolve(report, candidates: candidates)
            var newID: String?
            if case .create = resolution {
                try db.cachedStatement(sql: "INSERT INTO event DEFAULT VALUES").execute()
                newID = String(db.lastInsertedRowID)
            }
            let result = c.index.apply(resolution, report: report) { newID! }
            if result.created { created.insert(result.id) } else { updated.insert(result.id) }
            for gone in result.absorbed {
                if !created.contains(gone) { merged += 1 }
                try db.execute(sql: "UPDATE report SET event_id = ? WHERE event_id = ?", arguments: [Int64(result.id)!, Int64(gone)!])
                try db.execute(sql: "DELETE FROM event WHERE id = ?", arguments: [Int64(gone)!])
                created.remove(gone)
                updated.remove(gone)
                touched.remove(gone)
            }
            try insertReport(report, event: Int64(result.id)!, document: documentRow, db: db, cache: &c)
            touched.insert(result.id)
        }
        for id in touched { try writeEvent(id, db: db, cache: &c) }
        updated.subtract(created)
        return IngestOutcome(document: change, eventsCreated: created.count, eventsUpdated: updated.count, eventsMerged: merged)
    }

    private func insertReport(_ r: EventReport, event: Int64, document: Int64, db: Database, cache c: inout Cache) throws {
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

    /// Rewrites an event's row, and its place index when places were added, from its cluster.
    private func writeEvent(_ id: String, db: Database, cache c: inout Cache) throws {
        guard let cluster = c.index[id], let rowID = Int64(id) else { return }
        let summary = cluster.summary
        let places = cluster.places
        var weapons = Set<String>()
        for r in cluster.reports { for f in r.event.figures { if let w = f.weapon { weapons.insert(w.rawValue) } } }
        let stored = StoredEvent(id: id, date: nil, attacker: nil, places: [], targets: [], documents: [], figures: [], summary: summary)
        try db.cachedStatement(sql: """
            UPDATE event SET date = ?, attacker = ?, primary_place = ?, places = ?, targets = ?, summary = ?,
                weapons = ?, killed = ?, injured = ?, launched = ?, intercepted = ?, report_count = ?, json = NULL
            WHERE id = ?
            """).execute(arguments: [cluster.date?.description, cluster.attacker?.rawValue, cluster.primaryPlace?.name,
                                     CompactJSON.places(places), CompactJSON.strings(cluster.targets),
                                     CompactJSON.summary(summary),
                                     weapons.isEmpty ? nil : "," + weapons.sorted().joined(separator: ",") + ",",
                                     stored.headline(.killed), stored.headline(.injured), stored.headline(.launched),
                                     stored.headline(.intercepted), cluster.reports.count, rowID])
        // Places only grow while reports join; a shrink (an updated document) rewrites them too.
        guard c.placesWritten[id] != places.count else {
            // The day can move while the places stay (a report with a firmer date joined).
            try db.cachedStatement(sql: "UPDATE event_place SET date = ? WHERE event_id = ? AND date IS NOT ?")
                .execute(arguments: [cluster.date?.description, rowID, cluster.date?.description])
            return
        }
        c.placesWritten[id] = places.count
        try db.cachedStatement(sql: "DELETE FROM event_place WHERE event_id = ?").execute(arguments: [rowID])
        let insertPlace = try db.cachedStatement(sql: "INSERT INTO event_place (event_id, name, admin1, country, date) VALUES (?, ?, ?, ?, ?)")
        for p in places {
            try insertPlace.execute(arguments: [rowID, p.name, p.admin1, p.country, cluster.date?.description])
        }
    }

    /// Writes the JSON of every event whose JSON is missing: those an ingest changed (their JSON is
    /// cleared as they change, so readers rebuild them meanwhile) and any a crash left behind.
    /// Rendering once at the end, not after every document, keeps big events from being written
    /// again for each report that joins them.
    public func completeEventJSON() throws {
        try cache.withLock { c in
            try pool.write { db in
                // Events this store just changed are in its cache already: no rows to read back, unless
                // another connection has written since (then the rows are the truth).
                let version = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version"))
                let ids = c.dataVersion == version
                    ? try Int64.fetchAll(db, sql: "SELECT id FROM event WHERE json IS NULL AND report_count > 0") : []
                let update = try db.cachedStatement(sql: "UPDATE event SET json = ? WHERE id = ?")
                for id in ids {
                    guard let cluster = c.index[String(id)], !cluster.reports.isEmpty else { continue }
                    try update.execute(arguments: [Self.storedEvent(cluster, places: cluster.places, summary: cluster.summary).json, id])
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

    /// The event as readers see it: reports in ingest order, each document once, every figure with its document.
    static func storedEvent(_ cluster: EventCluster, places: [Place], summary: [FigureSummary]) -> StoredEvent {
        let reports = cluster.reports.sorted { ($0.sequence, $0.ordinal) < ($1.sequence, $1.ordinal) }
        var documents: [String] = []
        var seen = Set<String>()
        for r in reports where seen.insert(r.document).inserted { documents.append(r.document) }
        let figures = reports.flatMap { r in r.event.figures.map { StoredFigure(figure: $0, document: r.document) } }
        return StoredEvent(id: cluster.id, date: cluster.date, attacker: cluster.attacker, places: places,
                           targets: cluster.targets, documents: documents, figures: figures, summary: summary)
    }

    /// For a report without a day: the events that state one of its distinctive numbers (the
    /// latest 64 per number, so a common "3 killed" does not load half the database).
    private func undatedCandidates(_ report: EventReport, db: Database, cache c: inout Cache) throws -> [(cluster: EventCluster, facets: EventFacets)] {
        var ids = Set<Int64>()
        for f in report.event.figures where f.value >= 3 {
            ids.formUnion(try Int64.fetchAll(db, sql: """
                SELECT DISTINCT r.event_id FROM figure f JOIN report r ON r.id = f.report_id
                WHERE f.quantity = ? AND f.value = ? ORDER BY r.event_id DESC LIMIT 64
                """, arguments: [f.quantity.rawValue, f.value]))
        }
        let sorted = ids.sorted()
        try loadClusters(ids: sorted, db: db, cache: &c)
        return c.index.withFacets(sorted.map(String.init))
    }

    // MARK: - Cache loading

    /// Makes sure every event with a report on these days is in the cache.
    private func loadDays(_ days: ClosedRange<Int>, db: Database, cache c: inout Cache) throws {
        for o in days where !c.loadedDays.contains(o) {
            let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT event_id FROM report WHERE day = ?"),
                                         arguments: [Day(ordinal: o).description])
            try loadClusters(ids: ids.filter { c.index[String($0)] == nil }, db: db, cache: &c)
            c.loadedDays.insert(o)
        }
    }

    private func loadClusters(ids: [Int64], db: Database, cache c: inout Cache) throws {
        let missing = ids.filter { c.index[String($0)] == nil }
        guard !missing.isEmpty else { return }
        for cluster in try Self.fetchClusters(ids: missing, db: db, decoder: c.decoder) { c.index.insert(cluster) }
    }

    /// Rebuilds events from their reports and figures.
    static func fetchClusters(ids: [Int64], db: Database, decoder: JSONDecoder) throws -> [EventCluster] {
        guard !ids.isEmpty else { return [] }
        let list = ids.map(String.init).joined(separator: ",")
        var figures: [Int64: [Figure]] = [:]
        let figureRows = try Row.fetchCursor(db, sql: """
            SELECT f.* FROM figure f JOIN report r ON r.id = f.report_id
            WHERE r.event_id IN (\(list)) ORDER BY f.report_id, f.ordinal
            """)
        while let row = try figureRows.next() {
            figures[row["report_id"], default: []].append(figure(row))
        }
        var clusters: [Int64: EventCluster] = [:]
        let reportRows = try Row.fetchCursor(db, sql: """
            SELECT r.*, d.key, d.published, d.sequence FROM report r JOIN document d ON d.id = r.document_id
            WHERE r.event_id IN (\(list)) ORDER BY d.sequence, r.ordinal
            """)
        while let row = try reportRows.next() {
            let eventID: Int64 = row["event_id"]
            let places: [Place] = try (row["places"] as String?).map { try decoder.decode([Place].self, from: Data($0.utf8)) } ?? []
            let targets: [String] = try (row["targets"] as String?).map { try decoder.decode([String].self, from: Data($0.utf8)) } ?? []
            let event = Event(date: (row["date"] as String?).flatMap { Day($0) },
                              attacker: (row["attacker"] as String?).flatMap(Belligerent.init(rawValue:)),
                              places: places, targets: targets, figures: figures[row["id"]] ?? [])
            let report = EventReport(document: row["key"], ordinal: row["ordinal"],
                                     published: (row["published"] as String?).flatMap { Day($0) },
                                     sequence: row["sequence"], event: event)
            clusters[eventID, default: EventCluster(id: String(eventID), reports: [])].reports.append(report)
        }
        return ids.compactMap { clusters[$0] }
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
