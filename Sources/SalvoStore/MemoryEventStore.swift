import Synchronization
import SalvoModel

/// An `EventStore` in memory: for tests, small runs and as the reference the SQL stores follow.
///
/// ```swift
/// let store = MemoryEventStore()
/// _ = try store.ingest(document, extracted: extracted)
/// let events = try store.events(matching: EventQuery())
/// ```
public final class MemoryEventStore: EventStore {
    struct Record {
        var document: Document
        var fingerprint: String
        var sequence: Int
    }

    struct State {
        var documents: [String: Record] = [:]
        var byURL: [String: String] = [:]
        var byFingerprint: [String: String] = [:]
        var index = EventIndex()
        var eventsOfDocument: [String: Set<String>] = [:]
        var nextEvent = 1
        var sequence = 0
    }

    private let state = Mutex(State())
    public let resolver: EventResolver

    public init(resolver: EventResolver = EventResolver()) {
        self.resolver = resolver
    }

    public func ingest(_ document: Document, extracted: ExtractedDocument) throws -> IngestOutcome {
        let fingerprint = TextFingerprint.of(document.text)
        return state.withLock { s in
            if s.byFingerprint[fingerprint] != nil { return IngestOutcome(document: .unchanged) }
            var change = IngestOutcome.DocumentChange.new
            var updated = Set<String>()
            let previous = s.documents[document.id] != nil ? document.id : DocumentIdentity.articleURL(document.url).flatMap { s.byURL[$0] }
            if let old = previous, let record = s.documents.removeValue(forKey: old) {
                change = .updated
                s.byFingerprint[record.fingerprint] = nil
                if let u = DocumentIdentity.articleURL(record.document.url) { s.byURL[u] = nil }
                let touched = s.eventsOfDocument.removeValue(forKey: old) ?? []
                let result = s.index.removeDocument(old, from: touched)
                updated.formUnion(result.changed)
                for id in result.changed { refreshDocuments(of: id, in: &s) }
            }
            s.sequence += 1
            s.documents[document.id] = Record(document: document, fingerprint: fingerprint, sequence: s.sequence)
            s.byFingerprint[fingerprint] = document.id
            if let u = DocumentIdentity.articleURL(document.url) { s.byURL[u] = document.id }

            var created = Set<String>()
            var merged = 0
            for (i, event) in extracted.events.enumerated() {
                let report = EventReport(document: document.id, ordinal: i, published: document.published ?? extracted.published,
                                         sequence: s.sequence, event: event)
                let candidates = report.day.map { s.index.candidates(day: $0, attacker: event.attacker) }
                    ?? s.index.candidates(sharingValuesOf: report)
                let resolution = resolver.resolve(report, candidates: candidates)
                var next = s.nextEvent
                let result = s.index.apply(resolution, report: report) {
                    defer { next += 1 }
                    return String(next)
                }
                s.nextEvent = next
                if result.created { created.insert(result.id) } else { updated.insert(result.id) }
                for gone in result.absorbed {
                    if !created.contains(gone) { merged += 1 }
                    created.remove(gone)
                    updated.remove(gone)
                }
                if !result.absorbed.isEmpty || !result.created { refreshDocuments(of: result.id, in: &s) }
                s.eventsOfDocument[document.id, default: []].insert(result.id)
            }
            updated.subtract(created)
            return IngestOutcome(document: change, eventsCreated: created.count, eventsUpdated: updated.count, eventsMerged: merged)
        }
    }

    /// Keeps the document → events map right after a merge moved reports between events.
    private func refreshDocuments(of id: String, in s: inout State) {
        guard let c = s.index[id] else { return }
        for d in c.documents {
            s.eventsOfDocument[d] = Set((s.eventsOfDocument[d] ?? []).filter { s.index[$0] != nil }).union([id])
        }
    }

    public func events(matching query: EventQuery) throws -> [StoredEvent] {
        state.withLock { s in
            let textDocs = query.text.map { matchingDocuments(s, text: $0) }
            let all = s.index.clusters.values.map(\.storedEvent).filter { e in
                guard query.matches(e) else { return false }
                if let textDocs { return e.documents.contains { textDocs.contains($0) } }
                return true
            }
            return query.page(all)
        }
    }

    public func event(id: String) throws -> StoredEvent? {
        state.withLock { $0.index[id]?.storedEvent }
    }

    public func document(id: String) throws -> StoredDocument? {
        state.withLock { s in
            guard let r = s.documents[id] else { return nil }
            let d = r.document
            let ids = (s.eventsOfDocument[id] ?? []).filter { s.index[$0] != nil }.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
            return StoredDocument(id: d.id, url: d.url, title: d.title, language: d.language, published: d.published,
                                  text: d.text, eventIDs: ids)
        }
    }

    public func search(text: String, limit: Int) throws -> [DocumentHit] {
        state.withLock { s in
            let ids = matchingDocuments(s, text: text).sorted()
            return ids.prefix(limit).compactMap { id in
                guard let d = s.documents[id]?.document else { return nil }
                return DocumentHit(id: id, title: d.title, snippet: Self.snippet(d.text, around: text))
            }
        }
    }

    /// Documents containing every word of `text`, ignoring case.
    private func matchingDocuments(_ s: State, text: String) -> Set<String> {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard !words.isEmpty else { return [] }
        // Whole words, as the SQLite store's full-text index matches them.
        return Set(s.documents.filter { _, r in
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
                case .launched: row.launched += s.headline
                case .intercepted: row.intercepted += s.headline
                case .killed: row.killed += s.headline
                case .injured: row.injured += s.headline
                default: continue
                }
                rows[key] = row
            }
        }
        return rows.values.sorted { ($0.date, $0.weapon?.rawValue ?? "") < ($1.date, $1.weapon?.rawValue ?? "") }
    }
}
