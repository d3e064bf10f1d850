import Foundation
import GRDB
import SalvoModel

extension SQLiteEventStore {
    /// The shared resolution routine's view of the database, inside one write transaction.
    /// Reports are loaded into the index a day at a time and stay there while no other
    /// connection writes.
    struct Storage: EventStorage {
        let db: Database
        var sequence: Int?
        /// How many places each event had when its `event_place` rows were last written.
        var placesWritten: [String: Int]
        /// Events changed since their rows were last written: written once, at the end of the
        /// batch (`writeDirtyEvents`), not again for every document that joins them.
        var dirty: Set<String>
        /// The reports of the document being ingested, stored by `save` once their events are
        /// known rather than stored in none and moved (a second write of the row and its index).
        var pendingReports: [(report: EventReport, document: Int64)] = []

        mutating func loadReports(days: ClosedRange<Int>, into index: inout ReportIndex) throws {
            try loadUndated(into: &index)
            for d in days where !index.loadedDays.contains(d) {
                try load(where: "r.day = ?", arguments: [Day(ordinal: d).description], into: &index)
                index.loadedDays.insert(d)
            }
        }

        /// The days of the latest 64 reports per value, and the days around them.
        mutating func loadReports(stating values: [ValueKey], into index: inout ReportIndex) throws {
            try loadUndated(into: &index)
            var days = Set<Int>()
            for v in values {
                let found = try String.fetchAll(db.cachedStatement(sql: """
                    SELECT r.day FROM figure f JOIN report r ON r.id = f.report_id
                    WHERE f.quantity = ? AND f.value = ? AND r.day IS NOT NULL ORDER BY r.id DESC LIMIT 64
                    """), arguments: [v.quantity.rawValue, v.value])
                for text in found { if let d = Day(text) { days.insert(d.ordinal) } }
            }
            for d in days.sorted() { try loadReports(days: (d - 1)...(d + 1), into: &index) }
        }

        private func loadUndated(into index: inout ReportIndex) throws {
            guard !index.loadedUndated else { return }
            try load(where: "r.day IS NULL", arguments: [], into: &index)
            index.loadedUndated = true
        }

        private func load(where condition: String, arguments: StatementArguments, into index: inout ReportIndex) throws {
            var figures: [Int64: [Figure]] = [:]
            let figureRows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT f.* FROM figure f JOIN report r ON r.id = f.report_id
                WHERE \(condition) ORDER BY f.report_id, f.ordinal
                """), arguments: arguments)
            while let row = try figureRows.next() { figures[row["report_id"], default: []].append(SQLiteEventStore.figure(row)) }
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT r.*, d.key, d.published, d.sequence FROM report r JOIN document d ON d.id = r.document_id
                WHERE \(condition)
                """), arguments: arguments)
            while let row = try rows.next() {
                let places: [Place] = try (row["places"] as String?).map { try CompactJSON.decodePlaces($0) } ?? []
                let targets: [String] = try (row["targets"] as String?).map { try CompactJSON.decodeStrings($0) } ?? []
                let event = Event(date: (row["date"] as String?).flatMap { Day($0) },
                                  attacker: (row["attacker"] as String?).flatMap(Belligerent.init(rawValue:)),
                                  places: places, targets: targets, figures: figures[row["id"]] ?? [])
                let report = EventReport(document: row["key"], ordinal: row["ordinal"],
                                         published: (row["published"] as String?).flatMap { Day($0) },
                                         sequence: row["sequence"], event: event)
                guard index.placement[report.key] == nil else { continue }
                let eventID: Int64 = row["event_id"]
                index.insert(report, event: eventID > 0 ? String(eventID) : nil)
            }
        }

        func document(key: String) throws -> KnownDocument? {
            try known(Row.fetchOne(db.cachedStatement(sql: "SELECT id, key, url, published, length(CAST(text AS BLOB)) AS size FROM document WHERE key = ?"),
                                   arguments: [key]))
        }

        func document(url: String) throws -> KnownDocument? {
            try known(Row.fetchOne(db.cachedStatement(sql: "SELECT id, key, url, published, length(CAST(text AS BLOB)) AS size FROM document WHERE url = ?"),
                                   arguments: [url]))
        }

        private func known(_ row: Row?) throws -> KnownDocument? {
            guard let row else { return nil }
            let days = try Row.fetchAll(db.cachedStatement(sql: "SELECT day FROM report WHERE document_id = ? ORDER BY ordinal"),
                                        arguments: [row["id"] as Int64])
            return KnownDocument(key: row["key"], url: row["url"], published: (row["published"] as String?).flatMap { Day($0) },
                                 textLength: row["size"],
                                 reportDays: days.map { ($0["day"] as String?).flatMap { Day($0) }?.ordinal })
        }

        func documents(fingerprint: String) throws -> [KnownDocument] {
            let sql = "SELECT id, key, url, published, length(CAST(text AS BLOB)) AS size FROM document WHERE fingerprint = ? ORDER BY id"
            return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [fingerprint]).compactMap { try known($0) }
        }

        mutating func nextSequence() throws -> Int {
            let next = try (sequence ?? Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM document") ?? 0) + 1
            sequence = next
            return next
        }

        mutating func insert(_ document: Document, published: Day?, fingerprint: String, sequence: Int, reports: [EventReport]) throws {
            try db.cachedStatement(sql: """
                INSERT INTO document (key, url, fingerprint, title, language, published, sequence, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [document.id, DocumentIdentity.articleURL(document.url) ?? document.url, fingerprint,
                                         document.title, document.language, published?.description, sequence, document.text])
            let row = db.lastInsertedRowID
            // Stored by `save`, in the events the resolution puts them in.
            pendingReports = reports.map { ($0, row) }
        }

        mutating func deleteDocument(key: String) throws {
            try db.cachedStatement(sql: "DELETE FROM document WHERE key = ?").execute(arguments: [key])
        }

        mutating func newEventID() throws -> String {
            try db.cachedStatement(sql: "INSERT INTO event DEFAULT VALUES").execute()
            return String(db.lastInsertedRowID)
        }

        mutating func save(_ changes: ResolutionChanges, index: ReportIndex) throws {
            var moved = changes.moved
            for (report, document) in pendingReports {
                let event = moved.removeValue(forKey: report.key).flatMap { Int64($0) } ?? 0
                try SQLiteEventStore.insertReport(report, event: event, document: document, db: db)
            }
            pendingReports = []
            let move = try db.cachedStatement(sql: """
                UPDATE report SET event_id = ? WHERE document_id = (SELECT id FROM document WHERE key = ?) AND ordinal = ?
                """)
            for (key, event) in moved { try move.execute(arguments: [Int64(event), key.document, key.ordinal]) }
            for id in changes.removed {
                try db.cachedStatement(sql: "DELETE FROM event WHERE id = ?").execute(arguments: [Int64(id)])
                placesWritten[id] = nil
                dirty.remove(id)
            }
            dirty.formUnion(changes.written)
        }

        /// Writes the rows of the events changed since they were last written.
        mutating func writeDirtyEvents(index: inout ReportIndex) throws {
            for id in dirty.sorted() {
                guard let digest = index.digest(id), digest.reportCount > 0 else { continue }
                try SQLiteEventStore.writeEvent(id, digest: digest, db: db, placesWritten: &placesWritten)
            }
            dirty = []
        }

        /// Brings into `index` every report of the events to write, when a rolled-back document
        /// dropped the index the batch had built: the rows are the truth again.
        mutating func loadDirtyEvents(into index: inout ReportIndex) throws {
            for id in dirty.compactMap({ Int64($0) }).sorted() {
                try load(where: "r.event_id = ?", arguments: [id], into: &index)
            }
        }
    }
}
