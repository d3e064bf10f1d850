import Synchronization
import SalvoModel

/// An `EventStore` in memory: for tests, small runs and as the reference the SQL stores follow.
/// Its methods are synchronous (a lock over plain data), which satisfies the async protocol.
///
/// ```swift
/// let store = MemoryEventStore()
/// _ = try await store.ingest(document, extracted: extracted)
/// let events = try await store.events(matching: EventQuery())
/// ```
public final class MemoryEventStore: EventStore {
    struct Record {
        var document: Document
        var fingerprint: String
        var sequence: Int
        var reportDays: [Int?]
        var published: Day?
    }

    /// Documents and counters; the reports and events live in the `ReportIndex` beside it.
    struct Storage: EventStorage {
        var documents: [String: Record] = [:]
        var byURL: [String: String] = [:]
        var byFingerprint: [String: Set<String>] = [:]
        var nextEvent = 1
        var sequence = 0

        // Everything is in the index already.
        func loadReports(days: ClosedRange<Int>, into index: inout ReportIndex) {}
        func loadReports(stating values: [ValueKey], into index: inout ReportIndex) {}

        func document(key: String) -> KnownDocument? { documents[key].map(Self.known) }
        func document(url: String) -> KnownDocument? { byURL[url].flatMap { documents[$0] }.map(Self.known) }
        func documents(fingerprint: String) -> [KnownDocument] {
            (byFingerprint[fingerprint] ?? []).sorted().compactMap { documents[$0] }.map(Self.known)
        }

        static func known(_ r: Record) -> KnownDocument {
            KnownDocument(key: r.document.id, url: DocumentIdentity.articleURL(r.document.url), published: r.published,
                          textLength: r.document.text.utf8.count, reportDays: r.reportDays)
        }

        mutating func nextSequence() -> Int {
            sequence += 1
            return sequence
        }

        mutating func insert(_ document: Document, published: Day?, fingerprint: String, sequence: Int, reports: [EventReport]) {
            documents[document.id] = Record(document: document, fingerprint: fingerprint, sequence: sequence,
                                            reportDays: reports.map { $0.day?.ordinal }, published: published)
            byFingerprint[fingerprint, default: []].insert(document.id)
            if let u = DocumentIdentity.articleURL(document.url) { byURL[u] = document.id }
        }

        mutating func deleteDocument(key: String) {
            guard let r = documents.removeValue(forKey: key) else { return }
            byFingerprint[r.fingerprint]?.remove(key)
            if byFingerprint[r.fingerprint]?.isEmpty == true { byFingerprint[r.fingerprint] = nil }
            if let u = DocumentIdentity.articleURL(r.document.url), byURL[u] == key { byURL[u] = nil }
        }

        mutating func newEventID() -> String {
            defer { nextEvent += 1 }
            return String(nextEvent)
        }

        func save(_ changes: ResolutionChanges, index: ReportIndex) {}
    }

    struct State {
        var storage = Storage()
        var index = ReportIndex()
    }

    private let state = Mutex(State())
    public let resolver: EventResolver

    public init(resolver: EventResolver = EventResolver()) {
        self.resolver = resolver
    }

    public func ingest(_ document: Document, extracted: ExtractedDocument) throws -> IngestOutcome {
        try state.withLock { s in
            try resolver.ingest(document, extracted: extracted, storage: &s.storage, index: &s.index)
        }
    }

    public func remove(documentID: String) throws -> Bool {
        try state.withLock { s in
            try resolver.remove(documentKey: documentID, storage: &s.storage, index: &s.index)
        }
    }

    public func events(matching query: EventQuery) throws -> [StoredEvent] {
        state.withLock { s in
            let textDocs = query.text.map { matchingDocuments(s, text: $0) }
            let all = s.index.eventIDs.compactMap { s.index.cluster($0)?.storedEvent }.filter { e in
                guard query.matches(e) else { return false }
                if let textDocs { return e.documents.contains { textDocs.contains($0) } }
                return true
            }
            return query.page(all)
        }
    }

    public func event(id: String) throws -> StoredEvent? {
        state.withLock { $0.index.cluster(id)?.storedEvent }
    }

    public func document(id: String) throws -> StoredDocument? {
        state.withLock { s in
            guard let r = s.storage.documents[id] else { return nil }
            let d = r.document
            let ids = s.index.events(ofDocument: id, reports: r.reportDays.count)
            return StoredDocument(id: d.id, url: d.url, title: d.title, language: d.language, published: d.published,
                                  text: d.text, eventIDs: ids)
        }
    }

    public func search(text: String, limit: Int) throws -> [DocumentHit] {
        state.withLock { s in
            let ids = matchingDocuments(s, text: text).sorted()
            return ids.prefix(limit).compactMap { id in
                guard let d = s.storage.documents[id]?.document else { return nil }
                return DocumentHit(id: id, title: d.title, snippet: Self.snippet(d.text, around: text))
            }
        }
    }

    /// Documents containing every word of `text`, ignoring case.
    private func matchingDocuments(_ s: State, text: String) -> Set<String> {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard !words.isEmpty else { return [] }
        // Whole words, as the SQLite store's full-text index matches them.
        return Set(s.storage.documents.filter { _, r in
            let body = Set(((r.document.title ?? "") + " " + r.document.text).lowercased()
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            return words.allSatisfy { body.contains($0) }
        }.keys)
    }

    static func snippet(_ text: String, around query: String) -> String {
        let lower = text.lowercased()
        let first = query.lowercased().split(separator: " ").first.map(String.init) ?? ""
        guard !first.isEmpty, let r = lower.firstRange(of: first) else { return String(text.prefix(120)) }
        let offset = lower.distance(from: lower.startIndex, to: r.lowerBound)
        let start = text.index(text.startIndex, offsetBy: min(text.count, max(0, offset - 60)))
        return String(text[start...].prefix(160))
    }
}

extension DailyStat {
    /// Per day and weapon class the headline launched and intercepted counts; per day (weapon
    /// `nil`) the headline killed and injured.
    public static func aggregate(_ events: [StoredEvent]) -> [DailyStat] {
        struct Key: Hashable { var day: Day; var weapon: WeaponClass? }
        var rows: [Key: DailyStat] = [:]
        for e in events {
            guard let day = e.date else { continue }
            for s in e.summary {
                let key = Key(day: day, weapon: s.quantity.isCasualty ? nil : s.weapon)
                var row = rows[key] ?? DailyStat(date: day, weapon: key.weapon, launched: 0, intercepted: 0, killed: 0, injured: 0)
                switch s.quantity {
                case .launched: row.launched = row.launched.addingClamped(s.headline)
                case .intercepted: row.intercepted = row.intercepted.addingClamped(s.headline)
                case .killed: row.killed = row.killed.addingClamped(s.headline)
                case .injured: row.injured = row.injured.addingClamped(s.headline)
                default: continue
                }
                rows[key] = row
            }
        }
        return rows.values.sorted { ($0.date, $0.weapon?.rawValue ?? "") < ($1.date, $1.weapon?.rawValue ?? "") }
    }
}
