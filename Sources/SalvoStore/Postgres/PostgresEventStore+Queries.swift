import Foundation
import PostgresNIO
import SalvoModel

extension PostgresEventStore {
    public func events(matching query: EventQuery) async throws -> [StoredEvent] {
        let decoder = JSONDecoder()
        return try await eventsJSON(matching: query).map { try decoder.decode(StoredEvent.self, from: Data($0.utf8)) }
    }

    /// Each event's JSON is kept with it, so the list is read as it is served; an event an
    /// ingest is still writing has none yet and is built from its rows.
    public func eventsJSON(matching query: EventQuery) async throws -> [String] {
        guard let q = Self.eventSQL(query) else { return [] }
        var rows: [(Int, String?)] = []
        for try await row in try await client.query(q, logger: logger).decode((Int, String?).self) { rows.append(row) }
        let missing = rows.filter { $0.1 == nil }.map(\.0)
        guard !missing.isEmpty else { return rows.compactMap(\.1) }
        let rebuilt = try await client.withConnection { c in try await storedEvents(ids: missing, connection: c) }
        let json = Dictionary(rebuilt.map { (Int($0.id)!, $0.json) }, uniquingKeysWith: { a, _ in a })
        return rows.compactMap { $0.1 ?? json[$0.0] }
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
        var sql = "SELECT e.id, e.json FROM event e WHERE " + clauses.joined(separator: " AND ")
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
        return "SELECT id FROM document_text WHERE search @@ (\(any)) AND search @@ plainto_tsquery(text_config, \(words))"
    }

    public func event(id: String) async throws -> StoredEvent? {
        guard let rowID = Int(id) else { return nil }
        // The row is read to its end before an event without JSON is rebuilt: a second lease asked
        // for while the first is held is a deadlock once every connection is held that way.
        var found: String?? = nil
        let rows = try await client.query("SELECT json FROM event WHERE id = \(rowID) AND report_count > 0", logger: logger)
        for try await json in rows.decode(String?.self) { found = .some(json) }
        guard let found else { return nil }
        if let json = found { return try JSONDecoder().decode(StoredEvent.self, from: Data(json.utf8)) }
        return try await client.withConnection { c in try await storedEvents(ids: [rowID], connection: c) }.first
    }

    public func document(id: String) async throws -> StoredDocument? {
        let rows = try await client.query("""
            SELECT d.key, d.url, d.title, d.language, d.published, t.text,
                   (SELECT array_agg(DISTINCT r.event_id ORDER BY r.event_id) FROM report r WHERE r.document_id = d.id)
            FROM document d JOIN document_text t ON t.id = d.id WHERE d.key = \(id)
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
                   ts_headline(t.text_config, t.text, plainto_tsquery(t.text_config, $1),
                               'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…')
            FROM (SELECT id, ts_rank(search, plainto_tsquery(text_config, $1)) AS rank FROM document_text
                  WHERE id IN (\(Self.matchingDocuments("$1"))) ORDER BY rank DESC, id LIMIT $2) hits
            JOIN document d ON d.id = hits.id JOIN document_text t ON t.id = hits.id ORDER BY hits.rank DESC, d.id
            """
        var out: [DocumentHit] = []
        for try await (key, title, snippet) in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            .decode((String, String?, String).self) {
            out.append(DocumentHit(id: key, title: title, snippet: snippet))
        }
        return out
    }

    /// Renders the JSON of every event without one, a thousand at a time, each slice in a
    /// transaction that locks its rows: a writer rewriting one of them waits, and one that has
    /// rewritten it since leaves it without JSON again, so no stale JSON outlives a change.
    public func completeEventJSON() async throws {
        var last = 0
        while true {
            let done = try await transaction { c -> Int? in
                var ids: [Int] = []
                let rows = try await c.query("""
                    SELECT id FROM event WHERE json IS NULL AND report_count > 0 AND id > \(last)
                    ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED
                    """, logger: logger)
                for try await id in rows.decode(Int.self) { ids.append(id) }
                guard let end = ids.last else { return nil }
                var update = BulkStatement("UPDATE event e SET json = v.json FROM (VALUES ", casts: ["::bigint", "::text"],
                                           tail: ") AS v (id, json) WHERE e.id = v.id")
                for e in try await storedEvents(ids: ids, connection: c) {
                    update.row { b in
                        b.append(Int(e.id)!)
                        b.append(e.json)
                    }
                }
                try await update.run(c, logger: logger)
                return end
            }
            guard let done else { return }
            last = done
        }
    }

    /// Events built from their rows: the row's columns, and every figure with its document in
    /// report order (publication day, then arrival), as the JSON gives them.
    func storedEvents(ids: [Int], connection c: PostgresConnection) async throws -> [StoredEvent] {
        guard !ids.isEmpty else { return [] }
        var figures: [Int: [StoredFigure]] = [:]
        var documents: [Int: [String]] = [:]
        let rows = try await c.query("""
            SELECT r.event_id, d.key, f.quantity, f.weapon, f.model, f.value, f.qualifier, f.place, f.date,
                   f.claimant, f.claimant_name, f.sentence, f.start, f."end"
            FROM report r JOIN document d ON d.id = r.document_id
            LEFT JOIN figure f ON f.document_id = r.document_id AND f.report_ordinal = r.ordinal
            WHERE r.event_id = ANY(\(ids)::bigint[])
            ORDER BY r.event_id, d.published NULLS FIRST, d.sequence, r.ordinal, f.ordinal
            """, logger: logger)
        for try await (event, key, quantity, weapon, model, value, qualifier, place, date, claimant, claimantName, sentence, start, end)
            in rows.decode((Int, String, String?, String?, String?, Int?, String?, String?, String?, String?, String?, String?, Int?, Int?).self) {
            if documents[event]?.last != key, !(documents[event]?.contains(key) ?? false) { documents[event, default: []].append(key) }
            guard let quantity, let value, let sentence else { continue }
            let f = Figure(quantity: Quantity(rawValue: quantity) ?? .hit, weapon: weapon.flatMap(WeaponClass.init(rawValue:)),
                           model: model, value: value, qualifier: qualifier.flatMap(Qualifier.init(rawValue:)) ?? .exact, place: place,
                           date: date.flatMap { Day($0) }, claimant: claimant.flatMap(Claimant.init(rawValue:)) ?? .media,
                           claimantName: claimantName, sentence: sentence, start: start ?? 0, end: end ?? 0)
            figures[event, default: []].append(StoredFigure(figure: f, document: key))
        }
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
            try text.map { try decoder.decode(T.self, from: Data($0.utf8)) }
        }
        var out: [StoredEvent] = []
        let events = try await c.query("""
            SELECT id, date, attacker, places, targets, summary FROM event WHERE id = ANY(\(ids)::bigint[]) ORDER BY id
            """, logger: logger)
        for try await (id, date, attacker, places, targets, summary) in events.decode((Int, String?, String?, String?, String?, String?).self) {
            out.append(StoredEvent(id: String(id), date: date.flatMap { Day($0) }, attacker: attacker.flatMap(Belligerent.init(rawValue:)),
                                   places: try decode([Place].self, places) ?? [], targets: try decode([String].self, targets) ?? [],
                                   documents: documents[id] ?? [], figures: figures[id] ?? [],
                                   summary: try decode([FigureSummary].self, summary) ?? []))
        }
        return out
    }
}
