import Foundation
import PostgresNIO
import SalvoModel

extension PostgresEventStore {
    /// Reports of the days a writer has seen: kept between batches while no other writer
    /// changes them, and brought up to date from the change numbers when one has.
    struct WriterCache: Sendable {
        var index = ReportIndex()
        /// Per day (`nil`: the reports without one): the change number its reports are current to.
        var current: [Int?: Int] = [:]
    }

    /// What a batch locks and loads before the resolver runs; grows with every miss.
    struct Plan {
        var days = Set<Int>()
        var undatedExclusive = false
        var values = Set<ValueKey>()
        /// Values stated by the batch's reports without a day.
        var undatedValues = Set<ValueKey>()
        var keys = Set<String>()
        var urls = Set<String>()
        var fingerprints = Set<String>()
        var eventIDs = 0
        var documents = 0
        /// The batch's documents as they would be stored: their text and figures are written
        /// before the locks.
        var prewrite: [(row: Int, document: Document, events: [Event], fingerprint: String)] = []

        /// Days around a report's that a block around it usually reaches: its neighbours and theirs.
        static let margin = 2
        /// Around a day the resolver reached beyond the plan: a block that walks day to day goes on,
        /// and locking a few more days costs less than another attempt.
        static let missMargin = 7

        mutating func add(day: Int?, margin: Int = Plan.margin) {
            guard let day else { undatedExclusive = true; return }
            for d in (day - margin)...(day + margin) { days.insert(d) }
        }

        mutating func add(_ miss: Miss) {
            for d in miss.days { add(day: d, margin: Self.missMargin) }
            values.formUnion(miss.values)
            if miss.undatedExclusive { undatedExclusive = true }
            if miss.eventIDs { eventIDs = eventIDs * 2 + 16 }
        }
    }

    /// A document the resolver refused (an empty id): the batch runs again without it.
    struct DocumentFailed: Error {
        var index: Int
        var error: any Error
    }

    struct TooManyRetries: Error, CustomStringConvertible {
        var attempts: Int
        var description: String { "gave up after \(attempts) attempts: other writers kept changing the same days" }
    }

    public func ingest(_ document: Document, extracted: ExtractedDocument) async throws -> IngestOutcome {
        try await ingest(batch: [(document, extracted)])[0].get()
    }

    /// The whole batch in one transaction; a document the resolver refuses fails alone, and when
    /// the database refuses the batch (a byte PostgreSQL cannot store, say) each document is
    /// tried on its own so that only the bad one fails.
    public func ingest(batch: [(Document, ExtractedDocument)]) async -> [Result<IngestOutcome, any Error>] {
        guard !batch.isEmpty else { return [] }
        var plan = Plan()
        for (i, (document, extracted)) in batch.enumerated() {
            plan.keys.insert(document.id)
            if let u = DocumentIdentity.articleURL(document.url) { plan.urls.insert(u) }
            let fingerprint = TextFingerprint.of(document.text)
            plan.fingerprints.insert(fingerprint)
            plan.prewrite.append((i, EventResolver.stored(document, extracted: extracted), extracted.events, fingerprint))
            let published = document.published ?? extracted.published
            for e in extracted.events {
                let r = EventReport(document: document.id, ordinal: 0, published: published, sequence: 0, event: e)
                plan.add(day: r.day?.ordinal)
                if r.day == nil { plan.undatedValues.formUnion(ReportFacets(r).values) }
            }
            plan.eventIDs += extracted.events.count * 2 + 2
        }
        plan.documents = batch.count
        var failed: [Int: any Error] = [:]
        do {
            let outcomes = try await resolving(plan: plan) { storage, index in
                var out: [Int: IngestOutcome] = [:]
                for (i, (document, extracted)) in batch.enumerated() where failed[i] == nil {
                    do {
                        out[i] = try resolver.ingest(document, extracted: extracted, fingerprint: plan.prewrite[i].fingerprint,
                                                     storage: &storage, index: &index)
                    } catch let miss as Miss {
                        throw miss
                    } catch {
                        failed[i] = error
                        throw DocumentFailed(index: i, error: error)
                    }
                }
                return out
            }
            return batch.indices.map { i in failed[i].map { .failure($0) } ?? .success(outcomes[i]!) }
        } catch {
            if batch.count - failed.count > 1 {
                var results: [Result<IngestOutcome, any Error>] = []
                for (i, pair) in batch.enumerated() {
                    if let e = failed[i] { results.append(.failure(e)); continue }
                    results.append(contentsOf: await ingest(batch: [pair]))
                }
                return results
            }
            return batch.indices.map { i in .failure(failed[i] ?? Failed(underlying: error)) }
        }
    }

    /// A database error, with the server's message.
    struct Failed: Error, CustomStringConvertible {
        var underlying: any Error
        var description: String { PostgresEventStore.describe(underlying) }
    }

    public func remove(documentID: String) async throws -> Bool {
        var plan = Plan()
        plan.keys.insert(documentID)
        plan.eventIDs = 16
        // The stored version's days, read before locking; under the locks a miss corrects them.
        let rows = try await client.query("""
            SELECT r.day FROM report r JOIN document d ON d.id = r.document_id WHERE d.key = \(documentID)
            """, logger: logger)
        for try await day in rows.decode(Int?.self) { plan.add(day: day) }
        do {
            return try await resolving(plan: plan) { storage, index in
                try resolver.remove(documentKey: documentID, storage: &storage, index: &index)
            }
        } catch {
            throw Failed(underlying: error)
        }
    }

    /// Runs `body` (the shared resolver) in a transaction that holds the plan's locks, over the
    /// reports of the plan's days, then writes what it did. Retried with a larger plan when the
    /// resolver reaches beyond it, and after deadlocks or serialization failures.
    func resolving<R: Sendable>(plan initial: Plan,
                                _ body: (inout Storage, inout ReportIndex) throws -> R) async throws -> R {
        var plan = initial
        var attempt = 0
        while true {
            attempt += 1
            // The box holds the only reference to the cache while the attempt runs: a second
            // one would make the attempt's first change copy the whole index.
            let box = cache.withLock { c -> CacheBox in
                defer { c = nil }
                return CacheBox(c ?? WriterCache())
            }
            do {
                let result = try await transaction { conn in
                    try await attemptResolution(plan: plan, box: box, connection: conn, body)
                }
                box.committed = true
                cache.withLock { $0 = box.takeCache() }
                if Self.traceStore { Self.trace("batch: attempt \(attempt), \(plan.days.count) days locked; \(box.timings)") }
                return result
            } catch let miss as Miss {
                cache.withLock { $0 = box.takeCache() }
                if Self.traceStore { Self.trace("batch: attempt \(attempt) missed \(miss.days.count) days, \(miss.values.count) values\(miss.undatedExclusive ? ", undated" : "")\(miss.eventIDs ? ", event ids" : "")") }
                plan.add(miss)
            } catch is DocumentFailed {
                // Marked failed by the body; the rest runs again without it.
                cache.withLock { $0 = box.takeCache() }
            } catch {
                cache.withLock { $0 = box.takeCache() }
                guard Self.isRetryable(error) else { throw error }
                if Self.traceStore { Self.trace("batch: attempt \(attempt) retried after \(Self.describe(error))") }
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 * min(attempt, 20)))))
            }
            if attempt >= 60 { throw TooManyRetries(attempts: attempt) }
        }
    }

    /// The writer cache while an attempt works on it. What it reads is committed data, kept
    /// whatever happens; what the resolver changes is journaled, and undone unless the
    /// transaction commits.
    final class CacheBox: @unchecked Sendable {
        var cache: WriterCache
        var committed = false

        init(_ cache: WriterCache) { self.cache = cache }

        /// The cache as the database holds it: with the attempt's changes if it committed.
        func takeCache() -> WriterCache {
            if committed { cache.index.commitJournal() } else { cache.index.rollBack() }
            defer { cache = WriterCache() }
            return cache
        }
        /// Where the time of a batch went (`SALVO_TRACE_STORE=1`).
        var timings = ""
        private var last = ContinuousClock.now

        func lap(_ phase: String) {
            guard PostgresEventStore.traceStore else { return }
            let now = ContinuousClock.now
            let ms = (now - last) / .milliseconds(1)
            timings += "\(phase) \(Int(ms.rounded())) ms, "
            last = now
        }
    }

    /// `SALVO_TRACE_STORE=1`: one line per batch on stderr, with the time of each phase.
    static let traceStore = ProcessInfo.processInfo.environment["SALVO_TRACE_STORE"] == "1"

    static func trace(_ line: String) {
        FileHandle.standardError.write(Data(("postgres: " + line + "\n").utf8))
    }

    private func attemptResolution<R: Sendable>(plan: Plan, box: CacheBox,
                                                connection conn: PostgresConnection,
                                                _ body: (inout Storage, inout ReportIndex) throws -> R) async throws -> R {
        // Ids, then what no resolution decides (text, search vector, figures), while other writers
        // may hold the locks this batch waits for.
        let reservedRows = try await conn.query("""
            SELECT array_agg(nextval('document_id_seq')) FROM generate_series(1, \(plan.prewrite.count + plan.documents))
            """, logger: logger).collect()
        let allRows = try reservedRows.first?.decode([Int]?.self).map { $0.map(Int64.init) } ?? []
        guard allRows.count == plan.prewrite.count + plan.documents else { throw Miss() }
        // Wording already stored is most likely a re-run or a re-polled feed item that stores
        // nothing: left to the locked part, which writes it only if the resolver stores it.
        var known = Set<String>()
        if !plan.prewrite.isEmpty {
            let rows = try await conn.query("""
                SELECT fingerprint FROM document WHERE fingerprint = ANY(\(Array(plan.fingerprints))::text[])
                """, logger: logger)
            for try await f in rows.decode(String.self) { known.insert(f) }
        }
        let prewritten = plan.prewrite.filter { !known.contains($0.fingerprint) }.map { p in
            Storage.Prewritten(row: allRows[p.row], document: p.document, events: p.events)
        }
        try await writeBodies(prewritten.map { ($0.row, $0.document, $0.events) }, connection: conn)
        box.lap("prewrite")

        // Locks next, so that everything read below is what the last writer of these days committed.
        try await takeLocks(plan, connection: conn)
        box.lap("locks")
        let reserved = try await conn.query("""
            SELECT (SELECT array_agg(nextval('document_sequence')) FROM generate_series(1, \(plan.documents))),
                   (SELECT array_agg(nextval('event_id_seq')) FROM generate_series(1, \(max(1, plan.eventIDs)))),
                   nextval('change_seq')
            """, logger: logger).collect()
        guard let r = reserved.first else { throw Miss() }
        let (sequences, eventIDs, change) = try r.decode(([Int]?, [Int]?, Int).self)

        box.lap("reserve")
        try await refresh(&box.cache, days: plan.days, change: change, connection: conn)
        box.lap("refresh")

        // What a report without a day can be tied to: the days of the latest reports stating one of
        // its values. Every value such a report (stored, or in this batch) states is looked up at
        // once, so that the resolver finds them all and the batch misses at most once here.
        var values = plan.values.union(plan.undatedValues)
        values.formUnion(box.cache.index.undatedValues)
        var valueDays: [ValueKey: [Int]] = [:]
        for v in values { valueDays[v] = [] }
        var miss = Miss()
        if !values.isEmpty {
            let list = values.sorted()
            let rows = try await conn.query("""
                SELECT v.quantity, v.value, x.day FROM unnest(\(list.map(\.quantity.rawValue))::text[], \(list.map(\.value))::bigint[]) AS v (quantity, value)
                CROSS JOIN LATERAL (
                    SELECT r.day FROM figure f JOIN report r ON r.document_id = f.document_id AND r.ordinal = f.report_ordinal
                    JOIN document d ON d.id = r.document_id
                    WHERE f.quantity = v.quantity AND f.value = v.value AND r.day IS NOT NULL
                    ORDER BY d.sequence DESC, r.ordinal DESC LIMIT 64) x
                """, logger: logger)
            var byQuantityValue: [String: [Int]] = [:]
            for try await (quantity, value, d) in rows.decode((String, Int, Int).self) {
                byQuantityValue["\(quantity)#\(value)", default: []].append(d)
                for n in (d - 1)...(d + 1) where !plan.days.contains(n) { miss.days.insert(n) }
            }
            // The query matches on quantity and value, as the SQLite store's does, whatever the weapon family.
            for v in list { valueDays[v] = byQuantityValue["\(v.quantity.rawValue)#\(v.value)"] ?? [] }
        }
        if !miss.days.isEmpty { throw miss }
        box.lap("values")

        let straddling = try await straddlingEvents(days: plan.days, connection: conn)
        box.lap("straddling")
        let records = try await documents(plan, connection: conn)
        box.lap("documents")
        var storage = Storage(days: plan.days, undatedExclusive: plan.undatedExclusive, valueDays: valueDays,
                              lookedUp: plan.keys.union(plan.urls).union(plan.fingerprints), straddling: straddling,
                              records: records,
                              sequences: sequences ?? [], rows: Array(allRows.dropFirst(plan.prewrite.count)),
                              eventIDs: (eventIDs ?? []).map(Int64.init), prewritten: prewritten)
        box.cache.index.beginJournal()
        let result = try body(&storage, &box.cache.index)
        box.lap("resolve")
        try await flush(storage, index: &box.cache.index, change: change, connection: conn)
        box.lap("flush")
        return result
    }

    /// Takes the batch's advisory locks in ascending order (every writer does, so none deadlock).
    private func takeLocks(_ plan: Plan, connection conn: PostgresConnection) async throws {
        let undated = LockKey.undated(space: lockSpace)
        if plan.undatedExclusive {
            try await conn.query("SELECT pg_advisory_xact_lock(\(undated))", logger: logger)
        } else {
            try await conn.query("SELECT pg_advisory_xact_lock_shared(\(undated))", logger: logger)
        }
        var keys = plan.days.map { LockKey.day($0, space: lockSpace) }
        for s in plan.keys.union(plan.urls).union(plan.fingerprints) { keys.append(LockKey.identity(s, space: lockSpace)) }
        keys = Array(Set(keys)).sorted()
        try await conn.query("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(\(keys)::bigint[]) AS k", logger: logger)
    }

    /// Events with reports both on `days` (or without a day) and on other days, with those other
    /// days. The cache holds the locked days' reports as committed, but of an event that reaches
    /// beyond them it may hold a stale part or none: such an event must be locked whole before the
    /// resolver reads or writes it, or two writers rewrite it each from its own view.
    ///
    /// An event's dated reports lie within a day of each other (a rule of `PairEvidence`), so only
    /// the reports of days near an unlocked one, and those without a day, are looked at.
    private func straddlingEvents(days: Set<Int>, connection conn: PostgresConnection) async throws -> [String: Set<Int>] {
        let edge = days.filter { d in (1...Self.eventSpan).contains { !days.contains(d - $0) || !days.contains(d + $0) } }
        // The events first (an index range per edge day), then their reports (the event index):
        // a filter on "not a locked day" over every report was a scan of the table.
        let rows = try await conn.query("""
            SELECT DISTINCT x.event_id, x.day FROM report x
            WHERE x.event_id = ANY(ARRAY(SELECT DISTINCT r.event_id FROM report r
                                         WHERE (r.day = ANY(\(Array(edge))::bigint[]) OR r.day IS NULL) AND r.event_id > 0))
              AND x.day IS NOT NULL
            """, logger: logger)
        var out: [String: Set<Int>] = [:]
        for try await (event, day) in rows.decode((Int, Int).self) where !days.contains(day) {
            out[String(event), default: []].insert(day)
        }
        return out
    }

    /// How many days apart two dated reports of one event may be, with a margin: `PairEvidence`
    /// rules out more than one.
    static let eventSpan = 2

    /// The stored documents a batch may be asked about: by id, address or fingerprint. One index
    /// look-up per column: with the three tests joined by OR the planner scanned the whole table,
    /// testing every row against every key of the batch.
    private func documents(_ plan: Plan, connection conn: PostgresConnection) async throws -> [Storage.Record] {
        let rows = try await conn.query("""
            SELECT d.id, d.key, d.url, d.published, d.text_length, d.fingerprint,
                   (SELECT array_agg(coalesce(r.day, \(Self.noDay)) ORDER BY r.ordinal) FROM report r WHERE r.document_id = d.id)
            FROM document d
            WHERE d.id IN (SELECT id FROM document WHERE key = ANY(\(Array(plan.keys))::text[])
                           UNION SELECT id FROM document WHERE url = ANY(\(Array(plan.urls))::text[])
                           UNION SELECT id FROM document WHERE fingerprint = ANY(\(Array(plan.fingerprints))::text[]))
            """, logger: logger)
        var out: [Storage.Record] = []
        for try await (id, key, url, published, size, fingerprint, days) in rows.decode((Int, String, String?, String?, Int, String, [Int]?).self) {
            let known = KnownDocument(key: key, url: DocumentIdentity.articleURL(url), published: published.flatMap { Day($0) },
                                      textLength: size, reportDays: (days ?? []).map { $0 == Self.noDay ? nil : $0 })
            out.append(Storage.Record(row: Int64(id), known: known, fingerprint: fingerprint))
        }
        return out
    }

    /// Stands for "no day" in arrays, which carry no nulls here.
    static let noDay = Int(Int32.min)
}
