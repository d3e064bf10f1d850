import PostgresNIO
import SalvoModel

/// A multi-row statement: `head`, then one `(…)` per row, then `tail`; split into several
/// statements when the parameters would pass what one statement may carry.
struct BulkStatement {
    let head: String
    let tail: String
    /// Per column: the cast after its parameter (`"::bigint"`), or `""`.
    let casts: [String]
    private(set) var queries: [PostgresQuery] = []
    private var sql = ""
    private var binds = PostgresBindings()
    private var rows = 0

    static let maxBinds = 30_000

    init(_ head: String, casts: [String], tail: String = "") {
        self.head = head
        self.casts = casts
        self.tail = tail
    }

    /// Adds a row; `values` appends exactly one bind per column.
    mutating func row(_ values: (inout PostgresBindings) -> Void) {
        if binds.count + casts.count > Self.maxBinds { finishQuery() }
        sql += rows == 0 ? head : ","
        sql += "("
        for (i, cast) in casts.enumerated() {
            if i > 0 { sql += "," }
            sql += "$\(binds.count + i + 1)\(cast)"
        }
        sql += ")"
        values(&binds)
        rows += 1
    }

    private mutating func finishQuery() {
        guard rows > 0 else { return }
        queries.append(PostgresQuery(unsafeSQL: sql + tail, binds: binds))
        sql = ""
        binds = PostgresBindings()
        rows = 0
    }

    mutating func run(_ conn: PostgresConnection, logger: Logger) async throws {
        finishQuery()
        for q in queries { try await conn.query(q, logger: logger) }
        queries = []
    }
}

extension PostgresEventStore {
    /// Full-text configuration for a document's language: PostgreSQL stems English, German and
    /// Russian; Ukrainian (which it has no stemmer for) and anything else are indexed word by word.
    static func textConfiguration(_ language: String?) -> String {
        switch language?.lowercased().prefix(2) {
        case "en": return "english"
        case "de": return "german"
        case "ru": return "russian"
        default: return "simple"
        }
    }

    /// Writes documents' text with its search vector, and their figures: for a batch's documents
    /// before it locks (`rows` reserved for them), and under the locks for any document the
    /// resolver stored otherwise. Neither depends on what the resolver decides.
    func writeBodies(_ items: [(row: Int64, document: Document, events: [Event])], connection conn: PostgresConnection) async throws {
        guard !items.isEmpty else { return }
        var ids: [Int] = [], titles: [String] = [], texts: [String] = [], configs: [String] = []
        var figures = CopyRows(table: "figure", columns: ["document_id", "report_ordinal", "ordinal", "quantity", "weapon", "model",
                                                         "value", "qualifier", "place", "date", "claimant", "claimant_name",
                                                         "sentence", "start", "end"])
        for (row, d, events) in items {
            ids.append(Int(row))
            titles.append(d.title ?? "")
            texts.append(d.text)
            configs.append(Self.textConfiguration(d.language))
            for (r, e) in events.enumerated() {
                for (i, f) in e.figures.enumerated() {
                    figures.add(Int(row))
                    figures.add(r)
                    figures.add(i)
                    figures.add(f.quantity.rawValue)
                    figures.add(f.weapon?.rawValue)
                    figures.add(f.model)
                    figures.add(f.value)
                    figures.add(f.qualifier.rawValue)
                    figures.add(f.place)
                    figures.add(f.date?.description)
                    figures.add(f.claimant.rawValue)
                    figures.add(f.claimantName)
                    figures.add(f.sentence)
                    figures.add(f.start)
                    figures.add(f.end)
                    figures.endRow()
                }
            }
        }
        try await conn.query("""
            INSERT INTO document_text (id, text, text_config, search)
            SELECT v.id, v.text, v.config::regconfig, to_tsvector(v.config::regconfig, v.title || ' ' || v.text)
            FROM unnest(\(ids)::bigint[], \(titles)::text[], \(texts)::text[], \(configs)::text[]) AS v (id, title, text, config)
            """, logger: logger)
        try await figures.send(conn, logger: logger)
    }

    /// Deletes the text and figures of document rows (their reports go with the row).
    private func deleteBodies(_ rows: [Int64], connection conn: PostgresConnection) async throws {
        guard !rows.isEmpty else { return }
        let ids = rows.map(Int.init)
        try await conn.query("DELETE FROM document_text WHERE id = ANY(\(ids)::bigint[])", logger: logger)
        try await conn.query("DELETE FROM figure WHERE document_id = ANY(\(ids)::bigint[])", logger: logger)
    }

    /// Writes what a batch did, in its transaction: removed documents (and tombstones for their
    /// reports), new ones with their reports, reports that changed event, then every event the
    /// batch changed, each once (its JSON is left to `completeEventJSON`).
    func flush(_ s: Storage, index: inout ReportIndex, change: Int, connection conn: PostgresConnection) async throws {
        if !s.deletedRows.isEmpty {
            try await conn.query("DELETE FROM document WHERE id = ANY(\(s.deletedRows.map(Int.init))::bigint[])", logger: logger)
            try await deleteBodies(s.deletedRows, connection: conn)
            var tombstones = BulkStatement("INSERT INTO report_removed (document_key, ordinal, day, changed) VALUES ",
                                           casts: ["::text", "::bigint", "::bigint", "::bigint"])
            for r in s.removedReports {
                tombstones.row { b in
                    b.append(r.key)
                    b.append(r.ordinal)
                    b.append(r.day)
                    b.append(change)
                }
            }
            try await tombstones.run(conn, logger: logger)
        }
        let stored = s.pendingOrder.compactMap { s.pending[$0] }
        let kept = Set(stored.filter(\.prewritten).map(\.row))
        try await deleteBodies(s.prewrittenRows.filter { !kept.contains($0) }, connection: conn)
        try await writeBodies(stored.filter { !$0.prewritten }.map { ($0.row, $0.document, $0.reports.map(\.event)) },
                              connection: conn)

        var documents = CopyRows(table: "document", columns: ["id", "key", "url", "fingerprint", "title", "language", "published",
                                                             "sequence", "text_length"])
        var reports = CopyRows(table: "report", columns: ["document_id", "ordinal", "event_id", "day", "date", "attacker", "places",
                                                         "targets", "changed"])
        for p in stored {
            let d = p.document
            documents.add(Int(p.row))
            documents.add(d.id)
            documents.add(DocumentIdentity.articleURL(d.url) ?? d.url)
            documents.add(p.fingerprint)
            documents.add(d.title)
            documents.add(d.language)
            documents.add(p.published?.description)
            documents.add(p.sequence)
            documents.add(d.text.utf8.count)
            documents.endRow()
            for r in p.reports {
                let e = r.event
                reports.add(Int(p.row))
                reports.add(r.ordinal)
                reports.add(index.placement[r.key]?.event.flatMap { Int($0) } ?? 0)
                reports.add(r.day?.ordinal)
                reports.add(e.date?.description)
                reports.add(e.attacker?.rawValue)
                reports.add(CompactJSON.places(e.places))
                reports.add(CompactJSON.strings(e.targets))
                reports.add(change)
                reports.endRow()
            }
        }
        try await documents.send(conn, logger: logger)
        try await reports.send(conn, logger: logger)

        // Reports stored before this batch that now belong to another event.
        var moves = BulkStatement("""
            UPDATE report r SET event_id = v.event, changed = \(change)
            FROM (VALUES
            """, casts: ["::text", "::bigint", "::bigint"],
            tail: ") AS v (key, ordinal, event), document d WHERE d.key = v.key AND r.document_id = d.id AND r.ordinal = v.ordinal")
        for key in s.moved.sorted() where s.pending[key.document] == nil {
            guard let event = index.placement[key]?.event.flatMap({ Int($0) }) else { continue }
            moves.row { b in
                b.append(key.document)
                b.append(key.ordinal)
                b.append(event)
            }
        }
        try await moves.run(conn, logger: logger)

        let gone = s.removedEvents.filter { index.events[$0] == nil }.compactMap { Int($0) }
        let written = s.written.union(s.removedEvents).filter { index.events[$0] != nil }.sorted()
        if !gone.isEmpty {
            try await conn.query("DELETE FROM event WHERE id = ANY(\(gone)::bigint[])", logger: logger)
        }
        // Rows updated in place, not deleted and inserted again: most events a batch touches only
        // gain a report, and an update that leaves the indexed columns alone touches no index.
        let rewritten = written.compactMap { Int($0) }
        if !rewritten.isEmpty {
            try await conn.query("DELETE FROM event_place WHERE event_id = ANY(\(rewritten)::bigint[])", logger: logger)
        }
        var events = BulkStatement("""
            INSERT INTO event (id, date, attacker, primary_place, places, targets, summary, weapons,
                               killed, injured, launched, intercepted, report_count, json) VALUES
            """, casts: ["::bigint", "::text", "::text", "::text", "::text", "::text", "::text", "::text",
                         "::bigint", "::bigint", "::bigint", "::bigint", "::bigint", "::text"],
            tail: """
             ON CONFLICT (id) DO UPDATE SET date = EXCLUDED.date, attacker = EXCLUDED.attacker,
                primary_place = EXCLUDED.primary_place, places = EXCLUDED.places, targets = EXCLUDED.targets,
                summary = EXCLUDED.summary, weapons = EXCLUDED.weapons, killed = EXCLUDED.killed,
                injured = EXCLUDED.injured, launched = EXCLUDED.launched, intercepted = EXCLUDED.intercepted,
                report_count = EXCLUDED.report_count, json = NULL
            """)
        var places = BulkStatement("INSERT INTO event_place (event_id, name, admin1, country, date) VALUES ",
                                   casts: ["::bigint", "::text", "::text", "::text", "::text"])
        for id in written {
            guard let rowID = Int(id), let digest = index.digest(id), digest.reportCount > 0 else { continue }
            let eventPlaces = digest.places
            let date = digest.date
            let summary = HeadlineRule().summarize(digest, places: eventPlaces)
            let stored = StoredEvent(id: id, date: date, attacker: nil, places: [], targets: [], documents: [], figures: [], summary: summary)
            let weapons = digest.weapons.map(\.rawValue).sorted()
            events.row { b in
                b.append(rowID)
                b.append(date?.description)
                b.append(digest.attacker?.rawValue)
                b.append(digest.primaryPlace?.name)
                b.append(CompactJSON.places(eventPlaces))
                b.append(CompactJSON.strings(digest.targets))
                b.append(CompactJSON.summary(summary))
                b.append(weapons.isEmpty ? nil : "," + weapons.joined(separator: ",") + ",")
                b.append(stored.headline(.killed))
                b.append(stored.headline(.injured))
                b.append(stored.headline(.launched))
                b.append(stored.headline(.intercepted))
                b.append(digest.reportCount)
                // Rendered once the run ends (`completeEventJSON`); readers build it meanwhile.
                b.append(String?.none)
            }
            for p in eventPlaces {
                places.row { b in
                    b.append(rowID)
                    b.append(p.name)
                    b.append(p.admin1)
                    b.append(p.country)
                    b.append(date?.description)
                }
            }
        }
        try await events.run(conn, logger: logger)
        try await places.run(conn, logger: logger)
    }
}
