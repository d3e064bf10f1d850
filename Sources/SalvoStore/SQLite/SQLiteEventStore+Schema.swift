import GRDB

extension SQLiteEventStore {
    /// Versioned schema. Add a migration for every change; never edit a registered one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: documents, reports, figures, events, full text") { db in
            try db.create(table: "document") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("key", .text).notNull().unique()
                t.column("url", .text).indexed()
                t.column("fingerprint", .text).notNull().indexed()
                t.column("title", .text)
                t.column("language", .text)
                t.column("published", .text)
                t.column("sequence", .integer).notNull()
                t.column("text", .text).notNull()
            }
            // External-content index kept in step with `document` by GRDB's triggers.
            try db.create(virtualTable: "document_fts", using: FTS5()) { t in
                t.synchronize(withTable: "document")
                t.tokenizer = .unicode61()
                t.column("title")
                t.column("text")
            }
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("date", .text).indexed()
                t.column("attacker", .text)
                t.column("primary_place", .text)
                t.column("places", .text)      // JSON [Place]
                t.column("targets", .text)     // JSON [String]
                t.column("summary", .text)     // JSON [FigureSummary]
                t.column("weapons", .text)     // ",drone,missile," for LIKE filters
                t.column("killed", .integer).notNull().defaults(to: 0).indexed()
                t.column("injured", .integer).notNull().defaults(to: 0)
                t.column("launched", .integer).notNull().defaults(to: 0)
                t.column("intercepted", .integer).notNull().defaults(to: 0)
                t.column("report_count", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "event_place") { t in
                t.column("event_id", .integer).notNull().indexed().references("event", onDelete: .cascade)
                t.column("name", .text).notNull().collate(.nocase).indexed()
                t.column("admin1", .text).collate(.nocase).indexed()
                t.column("country", .text)
            }
            try db.create(table: "report") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("document_id", .integer).notNull().indexed().references("document", onDelete: .cascade)
                t.column("ordinal", .integer).notNull()
                // Not a foreign key: events are rewritten and merged under their reports.
                t.column("event_id", .integer).notNull().indexed()
                t.column("day", .text).indexed()
                t.column("date", .text)
                t.column("attacker", .text)
                t.column("places", .text)
                t.column("targets", .text)
            }
            try db.create(table: "figure") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("report_id", .integer).notNull().indexed().references("report", onDelete: .cascade)
                t.column("ordinal", .integer).notNull()
                t.column("quantity", .text).notNull()
                t.column("weapon", .text)
                t.column("model", .text)
                t.column("value", .integer).notNull()
                t.column("qualifier", .text).notNull()
                t.column("place", .text)
                t.column("date", .text)
                t.column("claimant", .text).notNull()
                t.column("claimant_name", .text)
                t.column("sentence", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
            }
            try db.create(index: "figure_on_quantity_value", on: "figure", columns: ["quantity", "value"])
        }
        m.registerMigration("v2: event_place.date for place and date filters") { db in
            // `GET /api/events?place=…&since=…&until=…` had to read every event of the place (4,000 of
            // 100,000 for an oblast, ~30 ms) and then check their dates; with the day beside the
            // place, one index range gives just the events of that window (~0.3 ms).
            try db.alter(table: "event_place") { t in t.add(column: "date", .text) }
            try db.execute(sql: "UPDATE event_place SET date = (SELECT date FROM event WHERE event.id = event_place.event_id)")
            try db.create(index: "event_place_on_name_date", on: "event_place", columns: ["name", "date"])
            try db.create(index: "event_place_on_admin1_date", on: "event_place", columns: ["admin1", "date"])
            try db.create(index: "event_place_on_country_date", on: "event_place", columns: ["country", "date"])
        }
        m.registerMigration("v3: each event's JSON kept with it") { db in
            // The API lists events far more often than ingest changes them; rebuilding each event from
            // its reports and figures on every request cost ~2 ms of the 2.75 ms a request took.
            try db.alter(table: "event") { t in t.add(column: "json", .text) }
            // Events already stored get theirs now.
            try SQLiteEventStore.renderMissingJSON(db: db)
        }
        m.registerMigration("v4: no event_place index that another one begins with") { db in
            // (name, date) and (admin1, date) serve every look-up by name or admin1 alone (same
            // collation), and each index less is a page less to write for every place stored.
            try db.drop(index: "event_place_on_name")
            try db.drop(index: "event_place_on_admin1")
        }
        return m
    }
}
