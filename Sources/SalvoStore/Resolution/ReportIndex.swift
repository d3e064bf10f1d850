import SalvoModel

/// Identifies a report whatever order documents arrived in: its document and its position there.
package struct ReportKey: Hashable, Comparable, Sendable {
    package var document: String
    package var ordinal: Int

    package init(document: String, ordinal: Int) {
        self.document = document
        self.ordinal = ordinal
    }

    package static func < (a: ReportKey, b: ReportKey) -> Bool { (a.document, a.ordinal) < (b.document, b.ordinal) }
}

extension EventReport {
    package var key: ReportKey { ReportKey(document: document, ordinal: ordinal) }

    /// When it was reported: publication day (unknown first), then arrival, then position.
    var reportTime: Time { (published?.ordinal ?? .min, sequence, ordinal) }
}

/// The reports the resolver works on, with the event each is in, indexed for blocking.
///
/// `MemoryEventStore` keeps every report here; `SQLiteEventStore` keeps the days it has loaded
/// as a cache in front of the database. Reports with equal facets share one signature.
package struct ReportIndex: Sendable {
    /// Where a report is: kept apart from the report itself, which the resolution loops would
    /// otherwise copy (and retain, field by field) on every look-up.
    struct Placement: Sendable {
        var signature: Int
        var event: String?
        var sequence: Int
        var ordinal: Int
    }

    private(set) var reports: [ReportKey: EventReport] = [:]
    private(set) var placement: [ReportKey: Placement] = [:]
    /// Facets by signature, boxed: scoring reads two per pair, and a copy of the struct retained
    /// each of its sets and dictionaries (most of the resolver's time went to that).
    private var facetsOf: [Int: FacetsBox] = [:]
    private var signatureOf: [ReportFacets: Int] = [:]
    /// Each signature's reports, sorted by key: the order clustering takes them in.
    private(set) var members: [Int: [ReportKey]] = [:]
    private var byDay: [Int: Set<Int>] = [:]
    /// Signatures by stated value, for reports without a day; and only those without a day.
    private var byValue: [ValueKey: Set<Int>] = [:]
    private var undatedByValue: [ValueKey: Set<Int>] = [:]
    /// Signatures by toll (`ReportFacets.severalKindTolls`), and only those without a day.
    private var byToll: [TollKey: Set<Int>] = [:]
    private var undatedByToll: [TollKey: Set<Int>] = [:]
    private(set) var events: [String: Set<ReportKey>] = [:]
    /// Per event, how many of its reports have each signature, and per signature the events its
    /// reports are in: blocking walks signatures and events, never every report of a big event.
    private(set) var eventSignatures: [String: [Int: Int]] = [:]
    private(set) var signatureEvents: [Int: [String: Int]] = [:]
    /// Each event's row as folded so far; dropped when a report leaves, rebuilt when next asked for.
    private var digests: [String: EventDigest] = [:]
    /// Pair scores by signature (`nil`: ruled out), computed once: a signature's facets never
    /// change and its number is never reused, so a score stays right until one side goes.
    private var scores: [Int: [Int: Double?]] = [:]
    /// Each signature's candidates that reach the link threshold, sorted. A signature that goes
    /// is taken out of its candidates' lists; one that appears waits in `linksAdded` of each
    /// candidate whose list is known, and is scored when that list is next asked for: computing
    /// every list of a day again for each report that arrives grew with the reports of the day.
    private var links: [Int: [Int]] = [:]
    private var linksAdded: [Int: [Int]] = [:]
    private var nextSignature = 0
    /// While a journal is kept: per change, how the report was before it (`nil`: not here).
    private var journal: [(key: ReportKey, before: (report: EventReport, event: String?)?)]?

    /// Days whose reports are all here (a store that loads lazily marks them).
    package var loadedDays = Set<Int>()
    /// Whether every report without a day is here.
    package var loadedUndated = false

    package init() {}

    var eventCount: Int { events.count }

    func facets(_ signature: Int) -> ReportFacets { facetsOf[signature]!.facets }

    /// Adds a report, in `event` (or in none yet).
    mutating func insert(_ report: EventReport, event: String?) {
        record(report.key)
        place(report, event: event)
    }

    private mutating func place(_ report: EventReport, event: String?) {
        let key = report.key
        if placement[key] != nil { take(key) }
        let f = ReportFacets(report)
        let sig: Int
        if let s = signatureOf[f] {
            sig = s
        } else {
            sig = nextSignature
            nextSignature += 1
            signatureOf[f] = sig
            facetsOf[sig] = FacetsBox(f)
            if let d = f.day { byDay[d, default: []].insert(sig) }
            for v in f.values {
                byValue[v, default: []].insert(sig)
                if f.day == nil { undatedByValue[v, default: []].insert(sig) }
            }
            for t in f.severalKindTolls {
                byToll[t, default: []].insert(sig)
                if f.day == nil { undatedByToll[t, default: []].insert(sig) }
            }
            for c in candidateList(of: f) where c != sig && links[c] != nil { linksAdded[c, default: []].append(sig) }
        }
        members[sig, default: []].insertSorted(key)
        reports[key] = report
        placement[key] = Placement(signature: sig, event: event, sequence: report.sequence, ordinal: report.ordinal)
        if let event { join(key, signature: sig, event: event) }
    }

    private mutating func join(_ key: ReportKey, signature sig: Int, event: String) {
        events[event, default: []].insert(key)
        eventSignatures[event, default: [:]][sig, default: 0] += 1
        signatureEvents[sig, default: [:]][event, default: 0] += 1
        if digests[event] != nil, let r = reports[key] { digests[event]!.add(r) }
    }

    private mutating func leave(_ key: ReportKey, signature sig: Int, event: String) {
        events[event]?.remove(key)
        if events[event]?.isEmpty == true { events[event] = nil }
        eventSignatures[event]?[sig]! -= 1
        if eventSignatures[event]?[sig] == 0 { eventSignatures[event]![sig] = nil }
        if eventSignatures[event]?.isEmpty == true { eventSignatures[event] = nil }
        signatureEvents[sig]?[event]! -= 1
        if signatureEvents[sig]?[event] == 0 { signatureEvents[sig]![event] = nil }
        if signatureEvents[sig]?.isEmpty == true { signatureEvents[sig] = nil }
        digests[event] = nil
    }

    /// The event's digest, folded from its reports the first time and kept up to date as they join.
    mutating func digest(_ id: String) -> EventDigest? {
        if let d = digests[id] { return d }
        guard let keys = events[id] else { return nil }
        var d = EventDigest()
        for k in keys { if let r = reports[k] { d.add(r) } }
        digests[id] = d
        return d
    }

    @discardableResult
    mutating func remove(_ key: ReportKey) -> Placement? {
        record(key)
        return take(key)
    }

    @discardableResult
    private mutating func take(_ key: ReportKey) -> Placement? {
        guard let e = placement[key] else { return nil }
        if let id = e.event { leave(key, signature: e.signature, event: id) }
        placement[key] = nil
        reports[key] = nil
        members[e.signature]?.removeSorted(key)
        if members[e.signature]?.isEmpty == true {
            members[e.signature] = nil
            let f = facetsOf.removeValue(forKey: e.signature)!.facets
            signatureOf[f] = nil
            if let row = scores.removeValue(forKey: e.signature) { for c in row.keys { scores[c]?[e.signature] = nil } }
            links[e.signature] = nil
            linksAdded[e.signature] = nil
            if let d = f.day {
                byDay[d]?.remove(e.signature)
                if byDay[d]?.isEmpty == true { byDay[d] = nil }
            }
            for v in f.values {
                byValue[v]?.remove(e.signature)
                if byValue[v]?.isEmpty == true { byValue[v] = nil }
                undatedByValue[v]?.remove(e.signature)
                if undatedByValue[v]?.isEmpty == true { undatedByValue[v] = nil }
            }
            for t in f.severalKindTolls {
                byToll[t]?.remove(e.signature)
                if byToll[t]?.isEmpty == true { byToll[t] = nil }
                undatedByToll[t]?.remove(e.signature)
                if undatedByToll[t]?.isEmpty == true { undatedByToll[t] = nil }
            }
            for c in candidateList(of: f) {
                if let i = links[c]?.firstIndex(of: e.signature) { links[c]?.remove(at: i) }
            }
        }
        return e
    }

    /// Moves a report to another event.
    mutating func assign(_ key: ReportKey, to event: String) {
        guard var e = placement[key], e.event != event else { return }
        record(key)
        if let old = e.event { leave(key, signature: e.signature, event: old) }
        e.event = event
        placement[key] = e
        join(key, signature: e.signature, event: event)
    }

    /// What blocking compares a report with: reports within a day of its own and, undated, those
    /// stating one of its numbers or tolls of several kinds about one of its places; without a
    /// day, every report stating one of its numbers or such tolls. The relation is symmetric,
    /// so a pair is found from whichever side is looked at.
    func candidates(of f: ReportFacets) -> Set<Int> { Set(candidateList(of: f)) }

    /// The candidates of `f`, some more than once: `insert` and `remove` walk them without
    /// building their set.
    private func candidateList(of f: ReportFacets) -> [Int] {
        var out: [Int] = []
        if let d = f.day {
            for day in (d - 1)...(d + 1) { out += byDay[day] ?? [] }
            for v in f.values { out += undatedByValue[v] ?? [] }
            for t in f.severalKindTolls { out += undatedByToll[t] ?? [] }
        } else {
            for v in f.values { out += byValue[v] ?? [] }
            for t in f.severalKindTolls { out += byToll[t] ?? [] }
        }
        return out
    }

    /// The evidence between two signatures, scored once.
    mutating func score(_ x: Int, _ y: Int, evidence: PairEvidence) -> Double? {
        if let known = scores[x]?[y] { return known }
        let (a, b) = (facetsOf[x]!, facetsOf[y]!)
        let s = evidence.score(a.facets, b.facets)
        scores[x, default: [:]][y] = .some(s)
        scores[y, default: [:]][x] = .some(s)
        return s
    }

    /// The candidates of `signature` whose evidence with it reaches `evidence.threshold`.
    mutating func links(of signature: Int, evidence: PairEvidence) -> [Int] {
        if var known = links[signature] {
            guard let added = linksAdded.removeValue(forKey: signature) else { return known }
            // Numbers are never reused: one whose facets are gone has gone again since.
            for c in Set(added) where facetsOf[c] != nil {
                if let s = score(signature, c, evidence: evidence), s >= evidence.threshold { known.append(c) }
            }
            known.sort()
            links[signature] = known
            return known
        }
        var out: [Int] = []
        for c in candidates(of: facetsOf[signature]!.facets) where c != signature {
            if let s = score(signature, c, evidence: evidence), s >= evidence.threshold { out.append(c) }
        }
        out.sort()
        links[signature] = out
        return out
    }

    /// Every value stated by a report without a day: kept as the index's keys, so that asking
    /// does not walk every report.
    var undatedValues: Dictionary<ValueKey, Set<Int>>.Keys { undatedByValue.keys }

    func signatures(days: ClosedRange<Int>) -> Set<Int> {
        var out = Set<Int>()
        for d in days { out.formUnion(byDay[d] ?? []) }
        return out
    }

    func signatures(stating values: [ValueKey], undatedOnly: Bool) -> Set<Int> {
        var out = Set<Int>()
        for v in values { out.formUnion((undatedOnly ? undatedByValue[v] : byValue[v]) ?? []) }
        return out
    }

    /// The event as the headline rule and readers see it: reports by report time (publication
    /// day, then arrival).
    func cluster(_ id: String) -> EventCluster? {
        guard let keys = events[id] else { return nil }
        let list = keys.compactMap { reports[$0] }.sorted { $0.reportTime < $1.reportTime }
        return EventCluster(id: id, reports: list)
    }

    var eventIDs: [String] { Array(events.keys) }

    /// The events a document's reports are in.
    func events(ofDocument document: String, reports: Int) -> [String] {
        var out = Set<String>()
        for i in 0..<reports { if let e = placement[ReportKey(document: document, ordinal: i)]?.event { out.insert(e) } }
        return out.sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }
    }
}

extension Array where Element: Comparable {
    /// The position of `x` in a sorted array, or where it would go.
    func sortedIndex(of x: Element) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func insertSorted(_ x: Element) {
        let i = sortedIndex(of: x)
        if i < count, self[i] == x { return }
        insert(x, at: i)
    }

    mutating func removeSorted(_ x: Element) {
        let i = sortedIndex(of: x)
        if i < count, self[i] == x { remove(at: i) }
    }

    func containsSorted(_ x: Element) -> Bool {
        let i = sortedIndex(of: x)
        return i < count && self[i] == x
    }
}

extension ReportIndex {
    /// Starts keeping a journal of changes, so that `rollBack()` can undo them: a writer whose
    /// transaction fails puts its cache back that way, where keeping a copy of the whole index
    /// for that case made every batch copy it on its first change.
    mutating func beginJournal() { journal = [] }

    /// Keeps the changes made since `beginJournal()` and stops the journal.
    mutating func commitJournal() { journal = nil }

    /// Undoes the changes made since `beginJournal()`, latest first, and stops the journal.
    /// Signature numbers may differ afterwards; what the index holds does not.
    mutating func rollBack() {
        guard let changes = journal else { return }
        journal = nil
        for (key, before) in changes.reversed() {
            take(key)
            if let before { place(before.report, event: before.event) }
        }
    }

    /// Notes how `key` is before a change, when a journal is kept.
    fileprivate mutating func record(_ key: ReportKey) {
        guard journal != nil else { return }
        let before = reports[key].map { ($0, placement[key]?.event) }
        journal!.append((key, before))
    }
}

/// One signature's facets, shared by reference.
final class FacetsBox: Sendable {
    let facets: ReportFacets
    init(_ facets: ReportFacets) { self.facets = facets }
}
