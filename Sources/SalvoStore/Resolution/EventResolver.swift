import SalvoModel

/// Groups reports into events, shared by every store: a function of the evidence, not of the
/// order reports arrived in.
///
/// - **Blocking.** A report is compared with reports within a day of its own (the night an
///   attack ends may be dated by its evening) and, without a day, with reports stating one of
///   one of its numbers.
/// - **Evidence.** `PairEvidence` scores a pair from one table of named, weighted features
///   (same city, shared tolls and counts, weapon family, …) after hard rules (different
///   attackers, more than a day apart, neighbouring days without a distinctive shared number,
///   front-line against long-range weapons, nationwide counts that disagree).
/// - **Blocks.** Every ingest, update or removal re-resolves the block it touches: the reports
///   linked to it by evidence above the threshold, transitively, plus the events they are in.
/// - **Clustering.** Average linkage over the block: two clusters merge when the average
///   evidence over all their cross pairs reaches the threshold and no pair is ruled out (a
///   complete link on the rules). Every member fits the cluster, not just one neighbour, so
///   nothing chains day to day; merges are taken best first, ties in order of report keys.
/// - **Ids.** Each resulting event keeps the id of its earliest report's event while any of
///   its reports remains; others get a new one.
///
/// ```swift
/// var index = ReportIndex()
/// let outcome = try EventResolver().ingest(document, extracted: extracted, storage: &storage, index: &index)
/// ```
public struct EventResolver: Sendable {
    var evidence: PairEvidence

    public init() { evidence = .standard }

    init(evidence: PairEvidence) { self.evidence = evidence }

    // MARK: - Ingest and removal

    /// `fingerprint` is the text's `TextFingerprint`, when the caller has it already.
    package func ingest<S: EventStorage>(_ document: Document, extracted: ExtractedDocument, fingerprint: String? = nil,
                                         storage: inout S, index: inout ReportIndex) throws -> IngestOutcome {
        guard !document.id.allSatisfy(\.isWhitespace) else { throw DocumentIdentity.EmptyID(url: document.url) }
        let fingerprint = fingerprint ?? TextFingerprint.of(document.text)
        let published = document.published ?? extracted.published
        let url = DocumentIdentity.articleURL(document.url)
        // The same wording is the same document, unless its address or its day says otherwise
        // (an agency text run by two outlets on two days).
        if try storage.documents(fingerprint: fingerprint).contains(where: { known in
            DocumentIdentity.sameSource(url, published, known.url, known.published)
        }) {
            return IngestOutcome(document: .unchanged)
        }
        var previous = try storage.document(key: document.id)
        if previous == nil, let url { previous = try storage.document(url: url) }
        // A summary or a page that failed to fetch never replaces the full text of the same article.
        if let old = previous, DocumentIdentity.isTruncatedVersion(newLength: document.text.utf8.count, of: old.textLength) {
            return IngestOutcome(document: .unchanged)
        }
        var changes = ResolutionChanges()
        var seeds = Set<ReportKey>()
        // A new version's reports start in the events the old version's reports were in, by
        // position, so that an updated or re-polled article leaves event ids as they were.
        var inherited: [Int: String] = [:]
        if let old = previous {
            seeds = try drop(old, storage: &storage, index: &index, changes: &changes, inherited: &inherited)
        }
        let sequence = try storage.nextSequence()
        let reports = extracted.events.enumerated().map { i, e in
            EventReport(document: document.id, ordinal: i, published: published, sequence: sequence, event: e)
        }
        for r in reports { if let d = r.day?.ordinal { try storage.loadReports(days: (d - 1)...(d + 1), into: &index) } }
        try storage.insert(Self.stored(document, extracted: extracted), published: published, fingerprint: fingerprint, sequence: sequence, reports: reports)
        for r in reports {
            index.insert(r, event: inherited[r.ordinal])
            seeds.insert(r.key)
        }
        try resolve(around: seeds, storage: &storage, index: &index, changes: &changes)
        // Events whose reports were replaced in place: same members, new figures.
        // New reports are stored in no event: each is assigned, even one that kept its inherited event.
        for r in reports {
            if let e = index.placement[r.key]?.event {
                changes.written.insert(e)
                changes.moved[r.key] = e
            }
        }
        changes.removed = changes.removed.filter { index.events[$0] == nil }
        changes.merged.subtract(changes.written)
        try storage.save(changes, index: index)
        return IngestOutcome(document: previous == nil ? .new : .updated, eventsCreated: changes.created.count,
                             eventsUpdated: changes.written.subtracting(changes.created).count,
                             eventsMerged: changes.merged.count)
    }

    /// The document as stored: title and language from the extraction where the input gave none.
    package static func stored(_ document: Document, extracted: ExtractedDocument) -> Document {
        var stored = document
        stored.title = document.title ?? extracted.title
        stored.language = document.language ?? extracted.language
        return stored
    }

    /// Deletes a document and re-resolves what its reports tied together: a report that bridged
    /// two events no longer holds them as one. `false` when no such document is stored.
    package func remove<S: EventStorage>(documentKey: String, storage: inout S, index: inout ReportIndex) throws -> Bool {
        guard let old = try storage.document(key: documentKey) else { return false }
        var changes = ResolutionChanges()
        var inherited: [Int: String] = [:]
        let seeds = try drop(old, storage: &storage, index: &index, changes: &changes, inherited: &inherited)
        try resolve(around: seeds, storage: &storage, index: &index, changes: &changes)
        try storage.save(changes, index: index)
        return true
    }

    /// Takes a stored document's reports out; returns the reports left in the events they were in.
    private func drop<S: EventStorage>(_ old: KnownDocument, storage: inout S, index: inout ReportIndex,
                                       changes: inout ResolutionChanges, inherited: inout [Int: String]) throws -> Set<ReportKey> {
        for d in old.reportDays { if let d { try storage.loadReports(days: (d - 1)...(d + 1), into: &index) } }
        if old.reportDays.contains(where: { $0 == nil }) { try storage.loadReports(stating: [], into: &index) }
        var touched = Set<String>()
        for i in old.reportDays.indices {
            if let e = index.remove(ReportKey(document: old.key, ordinal: i)), let id = e.event {
                touched.insert(id)
                inherited[i] = id
            }
        }
        try storage.deleteDocument(key: old.key)
        var seeds = Set<ReportKey>()
        for id in touched {
            if let left = index.events[id] { seeds.formUnion(left) } else { changes.removed.insert(id) }
        }
        return seeds
    }

    // MARK: - Resolution

    /// Re-resolves the blocks around `seeds` and applies the result to `index`.
    func resolve<S: EventStorage>(around seeds: Set<ReportKey>, storage: inout S, index: inout ReportIndex,
                                  changes: inout ResolutionChanges) throws {
        let block = try self.block(around: seeds, storage: &storage, index: &index)
        let clusters = cluster(block, index: &index)

        // The earliest report keeps its event's id; a cluster whose reports all lost theirs gets a new one.
        // One look-up per report: each cluster's reports with their rank and the event they are in now.
        typealias Member = (rank: (Int, Int), key: ReportKey, event: String?)
        var lists: [[Member]] = []
        var oldIDs = Set<String>()
        for c in clusters {
            var list: [Member] = []
            list.reserveCapacity(c.count)
            for k in c {
                let p = index.placement[k]!
                list.append(((p.sequence, p.ordinal), k, p.event))
                if let e = p.event { oldIDs.insert(e) }
            }
            lists.append(list)
        }
        func precedes(_ a: Member, _ b: Member) -> Bool { a.rank != b.rank ? a.rank < b.rank : a.key < b.key }
        let firsts = lists.map { $0.min(by: precedes)! }
        var taken = Set<String>()
        for i in lists.indices.sorted(by: { precedes(firsts[$0], firsts[$1]) }) {
            let members = lists[i]
            // The event of its earliest report that no earlier cluster kept.
            var id = members.lazy.filter { $0.event.map { !taken.contains($0) } ?? false }.min(by: precedes)?.event
            if id == nil {
                id = try storage.newEventID()
                changes.created.insert(id!)
            }
            let event = id!
            taken.insert(event)
            let staying = members.count { $0.event == event }
            if staying != members.count || index.events[event]?.count != members.count { changes.written.insert(event) }
            for m in members where m.event != event {
                // The event it leaves changed too: compared after this move, its members would
                // match a later cluster's and its row would keep the report.
                if let old = m.event { changes.written.insert(old) }
                index.assign(m.key, to: event)
                changes.moved[m.key] = event
            }
        }
        for gone in oldIDs.subtracting(taken) {
            changes.removed.insert(gone)
            changes.merged.insert(gone)
            changes.written.remove(gone)
        }
    }

    /// The signatures linked to the seeds by evidence, transitively, with every report of any
    /// event one of them is in.
    private func block<S: EventStorage>(around seeds: Set<ReportKey>, storage: inout S, index: inout ReportIndex) throws -> [Int] {
        var visited = Set<Int>()
        var queue: [Int] = []
        var seenEvents = Set<String>()
        func visit(_ s: Int) { if visited.insert(s).inserted { queue.append(s) } }
        for k in seeds.sorted() { if let e = index.placement[k] { visit(e.signature) } }
        var i = 0
        while i < queue.count {
            let sig = queue[i]
            i += 1
            for ev in (index.signatureEvents[sig] ?? [:]).keys where seenEvents.insert(ev).inserted {
                for other in (index.eventSignatures[ev] ?? [:]).keys { visit(other) }
            }
            // The neighbours must be in the index before its links are read.
            let f = index.facets(sig)
            if let d = f.day {
                try storage.loadReports(days: (d - 1)...(d + 1), into: &index)
            } else {
                try storage.loadReports(stating: f.sortedValues, into: &index)
            }
            for c in index.links(of: sig, evidence: evidence) { visit(c) }
        }
        return Array(visited)
    }
}
