import Foundation
import GRDB
import SalvoModel

extension SQLiteEventStore {
    public func events(matching query: EventQuery) async throws -> [StoredEvent] {
        let (sql, args) = Self.eventSQL(query, columns: "e.*")
        guard let sql else { return [] }
        let arguments = StatementArguments(args.map { Optional($0) })
        return try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            return try Self.storedEvents(rows, db: db)
        }
    }

    /// The query for events matching `query`, or `nil` when nothing can match (an empty search text).
    static func eventSQL(_ query: EventQuery, columns: String) -> (String?, [any DatabaseValueConvertible]) {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let since = query.since { clauses.append("e.date >= ?"); args.append(since.description) }
        if let until = query.until { clauses.append("e.date <= ?"); args.append(until.description) }
        if let a = query.attacker { clauses.append("e.attacker = ?"); args.append(a.rawValue) }
        if let w = query.weapon { clauses.append("e.weapons LIKE ?"); args.append("%,\(w.rawValue),%") }
        if let k = query.minKilled { clauses.append("e.killed >= ?"); args.append(k) }
        if let place = query.place {
            var sub = "SELECT event_id FROM event_place WHERE (name = ? OR admin1 = ?"
            args += [place, place]
            if let code = EventQuery.countryCode(named: place) { sub += " OR country = ?"; args.append(code) }
            sub += ")"
            // The window again here lets the (place, date) indexes give only the events in it.
            if let since = query.since { sub += " AND date >= ?"; args.append(since.description) }
            if let until = query.until { sub += " AND date <= ?"; args.append(until.description) }
            clauses.append("e.id IN (\(sub))")
        }
        if let text = query.text {
            guard let pattern = ftsPattern(text) else { return (nil, []) }
            clauses.append("""
                e.id IN (SELECT r.event_id FROM report r WHERE r.document_id IN
                    (SELECT rowid FROM document_fts WHERE document_fts MATCH ?))
                """)
            args.append(pattern)
        }
        clauses.append("e.report_count > 0")
        var sql = "SELECT \(columns) FROM event e WHERE " + clauses.joined(separator: " AND ")
        switch query.sort {
        case .dateDescending: sql += " ORDER BY e.date DESC, e.id DESC"
        case .dateAscending: sql += " ORDER BY e.date ASC, e.id ASC"
        case .killedDescending: sql += " ORDER BY e.killed DESC, e.date DESC, e.id DESC"
        }
        sql += " LIMIT ? OFFSET ?"
        args += [query.limit ?? -1, query.offset]
        return (sql, args)
    }

    public func eventsJSON(matching query: EventQuery) async throws -> [String] {
        let (sql, args) = Self.eventSQL(query, columns: "e.id, e.json")
        guard let sql else { return [] }
        let arguments = StatementArguments(args.map { Optional($0) })
        return try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            // Events stored before their JSON was kept are rebuilt, once per request.
            let missing = rows.filter { ($0["json"] as String?) == nil }.map { $0["id"] as Int64 }
            var rebuilt: [Int64: String] = [:]
            if !missing.isEmpty {
                let full = try Row.fetchAll(db, sql: "SELECT * FROM event WHERE id IN (\(missing.map(String.init).joined(separator: ",")))")
                for e in try Self.storedEvents(full, db: db) { rebuilt[Int64(e.id)!] = e.json }
            }
            return rows.compactMap { ($0["json"] as String?) ?? rebuilt[$0["id"] as Int64] }
        }
    }

    public func event(id: String) async throws -> StoredEvent? {
        guard let rowID = Int64(id) else { return nil }
        return try await pool.read { db in
            try Self.storedEvents(Row.fetchAll(db, sql: "SELECT * FROM event WHERE id = ? AND report_count > 0", arguments: [rowID]), db: db).first
        }
    }

    public func document(id: String) async throws -> StoredDocument? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM document WHERE key = ?", arguments: [id]) else { return nil }
            let events = try Int64.fetchAll(db, sql: "SELECT DISTINCT event_id FROM report WHERE document_id = ? ORDER BY event_id",
                                            arguments: [row["id"] as Int64])
            return StoredDocument(id: row["key"], url: row["url"], title: row["title"], language: row["language"],
                                  published: (row["published"] as String?).flatMap { Day($0) }, text: row["text"],
                                  eventIDs: events.map(String.init))
        }
    }

    public func search(text: String, limit: Int) async throws -> [DocumentHit] {
        guard let pattern = Self.ftsPattern(text) else { return [] }
        return try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.key, d.title, snippet(document_fts, 1, '[', ']', '…', 16) AS snippet
                FROM document_fts JOIN document d ON d.id = document_fts.rowid
                WHERE document_fts MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [pattern, limit]).map { DocumentHit(id: $0["key"], title: $0["title"], snippet: $0["snippet"]) }
        }
    }

    /// Every word of the user's text, each quoted, so that FTS5 syntax in the input is literal.
    static func ftsPattern(_ text: String) -> String? {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"" }.joined(separator: " ")
    }

    /// Events from their rows: summary and places as stored, figures and documents joined in.
    static func storedEvents(_ rows: [Row], db: Database) throws -> [StoredEvent] {
        guard !rows.isEmpty else { return [] }
        let decoder = JSONDecoder()
        let ids: [Int64] = rows.map { $0["id"] }
        let list = ids.map(String.init).joined(separator: ",")
        var figures: [Int64: [StoredFigure]] = [:]
        var documents: [Int64: [String]] = [:]
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT r.event_id AS event_id, d.key AS key, f.* FROM report r
            JOIN document d ON d.id = r.document_id
            LEFT JOIN figure f ON f.report_id = r.id
            WHERE r.event_id IN (\(list)) ORDER BY r.event_id, d.published, d.sequence, r.ordinal, f.ordinal
            """)
        while let row = try cursor.next() {
            let event: Int64 = row["event_id"]
            let key: String = row["key"]
            if documents[event]?.last != key, !(documents[event]?.contains(key) ?? false) { documents[event, default: []].append(key) }
            if row["quantity"] as String? != nil {
                figures[event, default: []].append(StoredFigure(figure: figure(row), document: key))
            }
        }
        func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
            try text.map { try decoder.decode(T.self, from: Data($0.utf8)) }
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            return StoredEvent(id: String(id), date: (row["date"] as String?).flatMap { Day($0) },
                               attacker: (row["attacker"] as String?).flatMap(Belligerent.init(rawValue:)),
                               places: try decode([Place].self, row["places"]) ?? [],
                               targets: try decode([String].self, row["targets"]) ?? [],
                               documents: documents[id] ?? [], figures: figures[id] ?? [],
                               summary: try decode([FigureSummary].self, row["summary"]) ?? [])
        }
    }
}
