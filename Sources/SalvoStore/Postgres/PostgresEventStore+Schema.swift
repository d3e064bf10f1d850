import PostgresNIO

extension PostgresEventStore {
    /// Versioned schema, applied in order and recorded in `salvo_migration`. Add a migration for
    /// every change; never edit a registered one.
    ///
    /// The tables follow the SQLite store's, with what many writers need besides: reports keyed
    /// by their document and position, a change number on each report (and a tombstone for each
    /// removed one) so a writer's cache reads only what others changed, and ids drawn from
    /// sequences so a transaction can reserve them before the resolver runs.
    static let migrations: [(version: Int, name: String, statements: [String])] = [
        (1, "documents, reports, figures, events, full text", [
            "CREATE SEQUENCE document_id_seq",
            "CREATE SEQUENCE document_sequence",
            "CREATE SEQUENCE event_id_seq",
            "CREATE SEQUENCE change_seq",
            """
            CREATE TABLE document (
                id bigint PRIMARY KEY,
                key text NOT NULL UNIQUE,
                url text,
                fingerprint text NOT NULL,
                title text,
                language text,
                published text,
                sequence bigint NOT NULL,
                text text NOT NULL,
                text_config regconfig NOT NULL,
                search tsvector NOT NULL
            )
            """,
            "CREATE INDEX document_url ON document (url)",
            "CREATE INDEX document_fingerprint ON document (fingerprint)",
            "CREATE INDEX document_search ON document USING gin (search)",
            """
            CREATE TABLE event (
                id bigint PRIMARY KEY,
                date text,
                attacker text,
                primary_place text,
                weapons text,
                killed bigint NOT NULL DEFAULT 0,
                injured bigint NOT NULL DEFAULT 0,
                launched bigint NOT NULL DEFAULT 0,
                intercepted bigint NOT NULL DEFAULT 0,
                report_count bigint NOT NULL DEFAULT 0,
                json text NOT NULL
            )
            """,
            "CREATE INDEX event_date ON event (date, id)",
            "CREATE INDEX event_killed ON event (killed)",
            """
            CREATE TABLE event_place (
                event_id bigint NOT NULL REFERENCES event (id) ON DELETE CASCADE,
                name text NOT NULL,
                admin1 text,
                country text,
                date text
            )
            """,
            "CREATE INDEX event_place_event ON event_place (event_id)",
            // The place filters compare without case, as SQLite's NOCASE columns do; the day beside
            // the place gives just the events of a window from one index range.
            "CREATE INDEX event_place_name ON event_place (lower(name), date)",
            "CREATE INDEX event_place_admin1 ON event_place (lower(admin1), date)",
            "CREATE INDEX event_place_country ON event_place (country, date)",
            """
            CREATE TABLE report (
                document_id bigint NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                ordinal bigint NOT NULL,
                event_id bigint NOT NULL,
                day bigint,
                date text,
                attacker text,
                places text NOT NULL,
                targets text NOT NULL,
                changed bigint NOT NULL,
                PRIMARY KEY (document_id, ordinal)
            )
            """,
            "CREATE INDEX report_event ON report (event_id)",
            "CREATE INDEX report_day ON report (day, changed)",
            """
            CREATE TABLE figure (
                document_id bigint NOT NULL,
                report_ordinal bigint NOT NULL,
                ordinal bigint NOT NULL,
                quantity text NOT NULL,
                weapon text,
                model text,
                value bigint NOT NULL,
                qualifier text NOT NULL,
                place text,
                date text,
                claimant text NOT NULL,
                claimant_name text,
                sentence text NOT NULL,
                start bigint NOT NULL,
                "end" bigint NOT NULL,
                PRIMARY KEY (document_id, report_ordinal, ordinal),
                FOREIGN KEY (document_id, report_ordinal) REFERENCES report (document_id, ordinal) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX figure_value ON figure (quantity, value)",
            """
            CREATE TABLE report_removed (
                document_key text NOT NULL,
                ordinal bigint NOT NULL,
                day bigint,
                changed bigint NOT NULL
            )
            """,
            "CREATE INDEX report_removed_changed ON report_removed (changed)",
        ]),
        // A batch rendered the whole JSON of every event it touched, every figure's sentence of
        // every report again for each report that joined: most of a batch's time. The row now
        // keeps what lists show, the JSON is rendered at the end of a run (`completeEventJSON`),
        // and a reader that finds none builds the event from its rows, as in SQLite.
        (2, "event JSON rendered after ingest; places, targets and summary on the row", [
            "ALTER TABLE event ALTER COLUMN json DROP NOT NULL",
            "ALTER TABLE event ADD COLUMN places text, ADD COLUMN targets text, ADD COLUMN summary text",
            "CREATE INDEX event_json_missing ON event (id) WHERE json IS NULL",
        ]),
        // Writers queue for the locks of the days they touch, so what a batch does under them is
        // what many workers share. A document's text, its search vector and its figures depend on
        // nothing the resolver decides: a batch writes them under ids it reserved, before it
        // locks, and deletes the rows of any document it ends up not storing. Figures lose their
        // foreign key (its check ran per row under the locks); they are deleted with their document.
        (3, "document text, search and figures written before the batch locks", [
            """
            CREATE TABLE document_text (
                id bigint PRIMARY KEY,
                text text NOT NULL,
                text_config regconfig NOT NULL,
                search tsvector NOT NULL
            )
            """,
            "INSERT INTO document_text (id, text, text_config, search) SELECT id, text, text_config, search FROM document",
            "ALTER TABLE document ADD COLUMN text_length bigint",
            "UPDATE document SET text_length = octet_length(text)",
            "ALTER TABLE document ALTER COLUMN text_length SET NOT NULL",
            "DROP INDEX document_search",
            "ALTER TABLE document DROP COLUMN text, DROP COLUMN text_config, DROP COLUMN search",
            "CREATE INDEX document_text_search ON document_text USING gin (search)",
            "ALTER TABLE figure DROP CONSTRAINT figure_document_id_report_ordinal_fkey",
        ]),
    ]

    /// Applies the missing migrations under a lock, so that workers starting together migrate once.
    static func migrate(_ client: PostgresClient, schema: String?, readOnly: Bool, logger: Logger) async throws {
        try await client.withConnection { c in
            if readOnly {
                let applied = try await appliedVersions(c, logger: logger)
                guard applied.isSuperset(of: migrations.map(\.version)) else { throw SchemaOutdated() }
                return
            }
            try await c.query("BEGIN", logger: logger)
            do {
                try await c.query("SELECT pg_advisory_xact_lock(\(LockKey.migration))", logger: logger)
                if let schema { try await c.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger) }
                try await c.query("""
                    CREATE TABLE IF NOT EXISTS salvo_migration (
                        version bigint PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                let applied = try await appliedVersions(c, logger: logger)
                for m in migrations where !applied.contains(m.version) {
                    for sql in m.statements { try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
                    try await c.query("INSERT INTO salvo_migration (version, name) VALUES (\(m.version), \(m.name))", logger: logger)
                }
                try await c.query("COMMIT", logger: logger)
            } catch {
                _ = try? await c.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    private static func appliedVersions(_ c: PostgresConnection, logger: Logger) async throws -> Set<Int> {
        let exists = try await c.query("SELECT to_regclass('salvo_migration') IS NOT NULL", logger: logger).collect()
        guard try exists.first?.decode(Bool.self) == true else { return [] }
        var out = Set<Int>()
        for try await v in try await c.query("SELECT version FROM salvo_migration", logger: logger).decode(Int.self) { out.insert(v) }
        return out
    }

    /// A read-only open found a database that needs migrating: open it for writing once.
    public struct SchemaOutdated: Error, CustomStringConvertible {
        public var description: String { "older or missing Salvo schema; run `salvo ingest` on this database once to create or upgrade it" }
    }
}
