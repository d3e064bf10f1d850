import Foundation
import PostgresNIO
import SalvoModel

extension PostgresEventStore {
    /// Brings the cached reports of `days` (and those without a day) up to what is committed:
    /// of each day, what changed since the change number the cache is current to (a day not
    /// cached: all of it). Under the batch's locks, so nothing it reads changes before it commits.
    func refresh(_ cache: inout WriterCache, days: Set<Int>, change: Int, connection conn: PostgresConnection) async throws {
        try await readChanges(&cache, days: days, connection: conn)
        // Days no longer cached lose nothing: a day is current only where `current` says so.
        for d in days { cache.current[d] = change }
        cache.current[nil] = change
    }

    /// Reads what changed on `days` since each is current. Per day, so that a day the cache is
    /// current to a late change is not read again from an early one.
    private func readChanges(_ cache: inout WriterCache, days: Set<Int>, connection conn: PostgresConnection) async throws {
        let list = days.sorted()
        let sinces = list.map { cache.current[$0] ?? 0 }
        let undatedSince = cache.current[nil] ?? 0
        // Removed reports first: one removed and stored again (an updated article) is then read back.
        // Removals are few: read from the earliest number on (its index), kept per day here.
        let since = Dictionary(uniqueKeysWithValues: zip(list.map(Optional.some), sinces)).merging([nil: undatedSince]) { a, _ in a }
        let removed = try await conn.query("""
            SELECT document_key, ordinal, day, changed FROM report_removed
            WHERE changed > \((sinces + [undatedSince]).min() ?? 0) AND (day = ANY(\(list)::bigint[]) OR day IS NULL)
            """, logger: logger)
        for try await (key, ordinal, day, changed) in removed.decode((String, Int, Int?, Int).self) {
            guard let after = since[day], changed > after else { continue }
            cache.index.remove(ReportKey(document: key, ordinal: ordinal))
        }
        var binds = PostgresBindings()
        binds.append(list)
        binds.append(sinces)
        binds.append(undatedSince)
        try await load(into: &cache.index, connection: conn, binds: binds)
    }

    /// Reads into the resolver's index the reports changed on the days `$1` since the change
    /// numbers `$2`, and those without a day changed since `$3`. Figures come without sentence and offsets: resolution weighs values, quantities,
    /// weapons, places and claimants only, and readers build events from the rows, so the
    /// sentences (most of a figure's bytes) stay in the database.
    private func load(into index: inout ReportIndex, connection conn: PostgresConnection,
                      binds: PostgresBindings) async throws {
        let t0 = ContinuousClock.now
        let matching = """
            WITH m AS (
                SELECT r.document_id, r.ordinal FROM unnest($1::bigint[], $2::bigint[]) AS w (day, since)
                CROSS JOIN LATERAL (SELECT document_id, ordinal FROM report
                                    WHERE day = w.day AND changed > w.since OFFSET 0) r
                UNION ALL
                SELECT r.document_id, r.ordinal FROM report r WHERE r.day IS NULL AND r.changed > $3)
            """
        // Keyed by document row, not key: the figure rows need no join to the documents then.
        var figures: [RowKey: [Figure]] = [:]
        let figureRows = try await conn.query(PostgresQuery(unsafeSQL: """
            \(matching)
            SELECT f.document_id, f.report_ordinal, f.quantity, f.weapon, f.model, f.value, f.qualifier, f.place, f.date,
                   f.claimant, f.claimant_name FROM m
            JOIN figure f ON f.document_id = m.document_id AND f.report_ordinal = m.ordinal
            ORDER BY f.document_id, f.report_ordinal, f.ordinal
            """, binds: binds), logger: logger)
        for try await (row, ordinal, quantity, weapon, model, value, qualifier, place, date, claimant, claimantName)
            in figureRows.decode((Int, Int, String, String?, String?, Int, String, String?, String?, String, String?).self) {
            let f = Figure(quantity: Quantity(rawValue: quantity) ?? .hit, weapon: weapon.flatMap(WeaponClass.init(rawValue:)),
                           model: model, value: value, qualifier: Qualifier(rawValue: qualifier) ?? .exact, place: place,
                           date: date.flatMap { Day($0) }, claimant: Claimant(rawValue: claimant) ?? .media,
                           claimantName: claimantName, sentence: "", start: 0, end: 0)
            figures[RowKey(row: row, ordinal: ordinal), default: []].append(f)
        }
        let t1 = ContinuousClock.now
        var read = 0
        let rows = try await conn.query(PostgresQuery(unsafeSQL: """
            \(matching)
            SELECT d.id, d.key, d.published, d.sequence, r.ordinal, r.event_id, r.date, r.attacker, r.places, r.targets
            FROM m
            JOIN report r ON r.document_id = m.document_id AND r.ordinal = m.ordinal
            JOIN document d ON d.id = r.document_id
            """, binds: binds), logger: logger)
        for try await (row, key, published, sequence, ordinal, event, date, attacker, places, targets)
            in rows.decode((Int, String, String?, Int, Int, Int, String?, String?, String, String).self) {
            let e = Event(date: date.flatMap { Day($0) }, attacker: attacker.flatMap(Belligerent.init(rawValue:)),
                          places: try CompactJSON.decodePlaces(places),
                          targets: try CompactJSON.decodeStrings(targets), figures: figures[RowKey(row: row, ordinal: ordinal)] ?? [])
            let report = EventReport(document: key, ordinal: ordinal, published: published.flatMap { Day($0) }, sequence: sequence, event: e)
            index.insert(report, event: event > 0 ? String(event) : nil)
            read += 1
        }
        if Self.traceStore {
            Self.trace("loaded \(read) reports: their figures in \(t1 - t0), the reports in \(ContinuousClock.now - t1)")
        }
    }

    /// A report by its document's row.
    private struct RowKey: Hashable {
        var row: Int
        var ordinal: Int
    }
}
