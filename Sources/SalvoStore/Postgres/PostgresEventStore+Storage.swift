import SalvoModel

extension PostgresEventStore {
    /// What the resolver asked for that a batch had not loaded and locked: the batch is rolled
    /// back and run again with it.
    struct Miss: Error {
        var days = Set<Int>()
        var values = Set<ValueKey>()
        var undatedExclusive = false
        var eventIDs = false
        var documents = false
    }

    /// The shared resolution routine's view of one batch transaction: reads served from what the
    /// batch loaded under its locks, writes kept until the batch ends and flushed together.
    struct Storage: EventStorage {
        /// A stored document as identity checks need it, and the row it is in (`nil`: stored by this batch).
        struct Record {
            var row: Int64?
            var known: KnownDocument
            var fingerprint: String
        }

        /// A document this batch stores.
        struct Pending {
            var row: Int64
            var document: Document
            var published: Day?
            var fingerprint: String
            var sequence: Int
            var reports: [EventReport]
            /// Whether its text and figures went in before the batch locked.
            var prewritten: Bool
        }

        /// A document of the batch whose text and figures were written before the locks, under `row`.
        struct Prewritten {
            var row: Int64
            var document: Document
            var events: [Event]

            /// Whether what was written is what the resolver stores: the same version of the same document.
            func matches(_ d: Document, reports: [EventReport]) -> Bool {
                d.text == document.text && d.title == document.title && d.language == document.language
                    && reports.map(\.event) == events
            }
        }

        /// Days whose reports are loaded and locked: what the resolver may read.
        let days: Set<Int>
        /// Whether this batch may change reports without a day (their lock is exclusive).
        let undatedExclusive: Bool
        /// For each value asked about earlier: the days of its latest reports.
        let valueDays: [ValueKey: [Int]]
        /// Keys, addresses and fingerprints looked up before the resolver ran.
        let lookedUp: Set<String>
        /// Events with a report on a locked day (or without a day) and others on days not locked,
        /// with those days: the resolver sees only part of such an event, so reading or writing
        /// one takes its other days' locks first.
        let straddling: [String: Set<Int>]

        var byKey: [String: Record] = [:]
        var byURL: [String: String] = [:]
        var byFingerprint: [String: Set<String>] = [:]

        var sequences: Reserved<Int>
        var rows: Reserved<Int64>
        var eventIDs: Reserved<Int64>
        /// Per document key, the batch's prewritten versions, in batch order.
        var prewritten: [String: [Prewritten]]
        /// Every prewritten row: those no stored document takes are deleted when the batch ends.
        let prewrittenRows: [Int64]

        // Writes, in the order they are flushed: deletions, new documents, moved reports, events.
        var deletedRows: [Int64] = []
        var removedReports: [(key: String, ordinal: Int, day: Int?)] = []
        var pending: [String: Pending] = [:]
        var pendingOrder: [String] = []
        var moved = Set<ReportKey>()
        var written = Set<String>()
        var removedEvents = Set<String>()

        init(days: Set<Int>, undatedExclusive: Bool, valueDays: [ValueKey: [Int]], lookedUp: Set<String>,
             straddling: [String: Set<Int>], records: [Record], sequences: [Int], rows: [Int64], eventIDs: [Int64],
             prewritten: [Prewritten] = []) {
            self.days = days
            self.undatedExclusive = undatedExclusive
            self.valueDays = valueDays
            self.lookedUp = lookedUp
            self.straddling = straddling
            self.sequences = Reserved(sequences)
            self.rows = Reserved(rows)
            self.eventIDs = Reserved(eventIDs)
            self.prewritten = Dictionary(grouping: prewritten, by: \.document.id)
            prewrittenRows = prewritten.map(\.row)
            for r in records { add(r) }
        }

        private mutating func add(_ r: Record) {
            byKey[r.known.key] = r
            byFingerprint[r.fingerprint, default: []].insert(r.known.key)
            if let u = r.known.url { byURL[u] = r.known.key }
        }

        mutating func loadReports(days range: ClosedRange<Int>, into index: inout ReportIndex) throws {
            let missing = range.filter { !days.contains($0) }
            if !missing.isEmpty { throw Miss(days: Set(missing)) }
            // The resolver asks for the days around a report's before it reads the events of that
            // day's reports (their members, whole); a range of another shape is checked whole.
            let read = range.count == 3 ? (range.lowerBound + 1)...(range.lowerBound + 1) : range
            if !straddling.isEmpty { try checkWhole(index.signatures(days: read), index: index) }
        }

        mutating func loadReports(stating values: [ValueKey], into index: inout ReportIndex) throws {
            var miss = Miss()
            for v in values {
                guard let found = valueDays[v] else { miss.values.insert(v); continue }
                for d in found { for n in (d - 1)...(d + 1) where !days.contains(n) { miss.days.insert(n) } }
            }
            if !miss.values.isEmpty || !miss.days.isEmpty { throw miss }
            // The events of the reports without a day that state them are read next.
            if !straddling.isEmpty { try checkWhole(index.signatures(stating: values, undatedOnly: true), index: index) }
        }

        /// A miss for the days not locked of any straddling event a report of `signatures` is in.
        private func checkWhole(_ signatures: Set<Int>, index: ReportIndex) throws {
            var miss = Miss()
            for sig in signatures {
                for e in (index.signatureEvents[sig] ?? [:]).keys {
                    if let other = straddling[e] { miss.days.formUnion(other) }
                }
            }
            if !miss.days.isEmpty { throw miss }
        }

        private func check(_ lookup: String) throws {
            if !lookedUp.contains(lookup) { throw Miss(documents: true) }
        }

        func document(key: String) throws -> KnownDocument? {
            try check(key)
            return byKey[key]?.known
        }

        func document(url: String) throws -> KnownDocument? {
            try check(url)
            return byURL[url].flatMap { byKey[$0]?.known }
        }

        func documents(fingerprint: String) throws -> [KnownDocument] {
            try check(fingerprint)
            return (byFingerprint[fingerprint] ?? []).compactMap { byKey[$0] }
                .sorted { ($0.row ?? .max, $0.known.key) < ($1.row ?? .max, $1.known.key) }.map(\.known)
        }

        mutating func nextSequence() throws -> Int {
            guard let s = sequences.take() else { throw Miss(documents: true) }
            return s
        }

        mutating func insert(_ document: Document, published: Day?, fingerprint: String, sequence: Int, reports: [EventReport]) throws {
            if reports.contains(where: { $0.day == nil }), !undatedExclusive { throw Miss(undatedExclusive: true) }
            let row: Int64
            let prewrote: Bool
            if let i = prewritten[document.id]?.firstIndex(where: { $0.matches(document, reports: reports) }) {
                row = prewritten[document.id]!.remove(at: i).row
                prewrote = true
            } else {
                guard let r = rows.take() else { throw Miss(documents: true) }
                row = r
                prewrote = false
            }
            let url = DocumentIdentity.articleURL(document.url)
            add(Record(row: nil, known: KnownDocument(key: document.id, url: url, published: published,
                                                      textLength: document.text.utf8.count,
                                                      reportDays: reports.map { $0.day?.ordinal }),
                       fingerprint: fingerprint))
            if pending[document.id] == nil { pendingOrder.append(document.id) }
            pending[document.id] = Pending(row: row, document: document, published: published, fingerprint: fingerprint,
                                           sequence: sequence, reports: reports, prewritten: prewrote)
        }

        mutating func deleteDocument(key: String) throws {
            guard let r = byKey.removeValue(forKey: key) else { return }
            if r.known.reportDays.contains(where: { $0 == nil }), !undatedExclusive { throw Miss(undatedExclusive: true) }
            byFingerprint[r.fingerprint]?.remove(key)
            if let u = r.known.url, byURL[u] == key { byURL[u] = nil }
            for i in r.known.reportDays.indices { moved.remove(ReportKey(document: key, ordinal: i)) }
            if let row = r.row {
                deletedRows.append(row)
                for (i, d) in r.known.reportDays.enumerated() { removedReports.append((key, i, d)) }
            } else {
                pending[key] = nil
                pendingOrder.removeAll { $0 == key }
            }
        }

        mutating func newEventID() throws -> String {
            guard let id = eventIDs.take() else { throw Miss(eventIDs: true) }
            return String(id)
        }

        mutating func save(_ changes: ResolutionChanges, index: ReportIndex) throws {
            // An event rewritten or removed from part of its reports would lose (or keep) the rest.
            var whole = Miss()
            for e in changes.written.union(changes.removed) { if let other = straddling[e] { whole.days.formUnion(other) } }
            if !whole.days.isEmpty { throw whole }
            if !undatedExclusive {
                // Reports without a day are in no day's lock: a batch that moves one, or changes an
                // event holding one, needs their lock to itself, or two batches rewrite that event
                // each from its own view.
                func undated(_ key: ReportKey) -> Bool { index.reports[key].map { $0.day == nil } ?? false }
                if changes.moved.keys.contains(where: undated) { throw Miss(undatedExclusive: true) }
                for id in changes.written.union(changes.removed) where index.events[id]?.contains(where: undated) == true {
                    throw Miss(undatedExclusive: true)
                }
            }
            moved.formUnion(changes.moved.keys)
            written.formUnion(changes.written)
            removedEvents.formUnion(changes.removed)
        }
    }

    /// Numbers a batch reserved, handed out in order.
    struct Reserved<Value> {
        private let values: [Value]
        private var next = 0

        init(_ values: [Value]) { self.values = values }

        mutating func take() -> Value? {
            guard next < values.count else { return nil }
            defer { next += 1 }
            return values[next]
        }
    }
}
