import Foundation
import PostgresNIO
import SalvoModel

extension PostgresEventStore {
    public func events(matching query: EventQuery) async throws -> [StoredEvent] {
        let decoder = JSONDecoder()
        return try await eventsJSON(matching: query).map { try decoder.decode(StoredEvent.self, from: Data($0.utf8)) }
    }

    /// Each event's JSON is written with the event, so the list is read as it is served.
    public func eventsJSON(matching query: EventQuery) async throws -> [String] {
        guard let q = Self.eventSQL(query) else { return [] }
        var out: [String] = []
        for try await json in try await client.query(q, logger: logger).decode(String.self) { out.append(json) }
        return out
    }

    /// The query for events matching `query` (the SQLite store's, in PostgreSQL's dialect), or
    /// `nil` when nothing can match (an empty search text).
    static func eventSQL(_ query: EventQuery) -> PostgresQuery? {
        var binds = PostgresBindings()
        func bind(_ v: some PostgresDynamicTypeEncodable) -> String {
            binds.append(v)
            return "$\(binds.count)"
        }
        var clauses: [String] = []
        if let since = query.since { clauses.append("e.date >= \(bind(since.description))") }
        if let until = query.until { clauses.append("e.date <= \(bind(until.description))") }
        if let a = query.attacker { clauses.append("e.attacker = \(bind(a.rawValue))") }
        if let w = query.weapon { clauses.append("e.weapons LIKE \(bind("%,\(w.rawValue),%"))") }
        if let k = query.minKilled { clauses.append("e.killed >= \(bind(k))") }
        if let place = query.place {
            let name = bind(place.lowercased())
            var alternatives = ["lower(name) = \(name)", "lower(admin1) = \(name)"]
            if let code = EventQuery.countryCode(named: place) { alternatives.append("country = \(bind(code))") }
            var window = ""
            if let since = query.since { window += " AND date >= \(bind(since.description))" }
            if let until = query.until { window += " AND date <= \(bind(until.description))" }
            // One subquery per alternative, so that each uses its (place, date) index.
            let subs = alternatives.map { "SELECT event_id FROM event_place WHERE \($0)\(window)" }
            clauses.append("e.id IN (\(subs.joined(separator: " UNION ")))")
        }
        if let text = query.text {
            guard let words = ftsWords(text) else { return nil }
            clauses.append("e.id IN (SELECT r.event_id FROM report r WHERE r.document_id IN (\(matchingDocuments(bind(words)))))")
        }
        clauses.append("e.report_count > 0")
        var sql = "SELECT e.json FROM event e WHERE " + clauses.joined(separator: " AND ")
        switch query.sort {
        case .dateDescending: sql += " ORDER BY e.date DESC NULLS LAST, e.id DESC"
        case .dateAscending: sql += " ORDER BY e.date ASC NULLS FIRST, e.id ASC"
        case .killedDescending: sql += " ORDER BY e.killed DESC, e.date DESC NULLS LAST, e.id DESC"
        }
        if let limit = query.limit { sql += " LIMIT \(bind(limit))" }
        sql += " OFFSET \(bind(query.offset))"
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The words of the user's text, as plain words: no text-search syntax in the input counts.
    static func ftsWords(_ text: String) -> String? {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Ids of documents containing every word, each document read in its own language: the
    /// union over the four configurations finds candidates in the index, the document's own
    /// configuration decides.
    static func matchingDocuments(_ words: String) -> String {
        let any = ["english", "german", "russian", "simple"].map { "plainto_tsquery('\($0)', \(words))" }.joined(separator: " || ")
        return "SELECT id FROM document WHERE search @@ (\(any)) AND search @@ plainto_tsquery(text_config, \(words))"
    }

    public func event(id: String) async throws -> StoredEvent? {
        guard let rowID = Int(id) else { return nil }
        let rows = try await client.query("SELECT json FROM event WHERE id = \(rowID) AND report_count > 0", logger: logger)
        for try await json in rows.decode(String.self) { return try JSONDecoder().decode(StoredEvent.self, from: Data(json.utf8)) }
        return nil
    }

    public func document(id: String) async throws -> StoredDocument? {
        let rows = try await client.query("""
            SELECT d.key, d.url, d.title, d.language, d.published, d.text,
                   (SELECT array_agg(DISTINCT r.event_id ORDER BY r.event_id) FROM report r WHERE r.document_id = d.id)
            FROM document d WHERE d.key = \(id)
            """, logger: logger)
        for try await (key, url, title, language, published, text, events)
            in rows.decode((String, String?, String?, String?, String?, String, [Int]?).self) {
            return StoredDocument(id: key, url: url, title: title, language: language, published: published.flatMap { Day($0) },
                                  text: text, eventIDs: (events ?? []).filter { $0 > 0 }.map(String.init))
        }
        return nil
    }

    public func search(text: String, limit: Int) async throws -> [DocumentHit] {
        guard let words = Self.ftsWords(text) else { return [] }
        var binds = PostgresBindings()
        binds.append(words)
        binds.append(limit)
        let sql = """
            SELECT d.key, d.title,
                   ts_headline(d.text_config, d.text, plainto_tsquery(d.text_config, $1),
                               'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…')
            FROM (SELECT id, ts_rank(search, plainto_tsquery(text_config, $1)) AS rank FROM document
                  WHERE id IN (\(Self.matchingDocuments("$1"))) ORDER BY rank DESC, id LIMIT $2) hits
            JOIN document d ON d.id = hits.id ORDER BY hits.rank DESC, d.id
            """
        var out: [DocumentHit] = []
        for try await (key, title, snippet) in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            .decode((String, String?, String).self) {
            out.append(DocumentHit(id: key, title: title, snippet: snippet))
        }
        return out
    }

    /// Nothing to complete: a batch writes the JSON of every event it changed.
    public func completeEventJSON() async throws {}
}
