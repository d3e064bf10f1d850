import SalvoModel

/// Events in memory, indexed by day for blocking. `MemoryEventStore` keeps all of them here;
/// `SQLiteEventStore` keeps the days it has touched as a cache in front of the database.
struct EventIndex {
    private(set) var clusters: [String: EventCluster] = [:]
    private var byDay: [Int: Set<String>] = [:]
    /// Events whose reports have no day: never candidates, kept so they can be listed.
    private var undated: Set<String> = []

    var count: Int { clusters.count }

    subscript(id: String) -> EventCluster? { clusters[id] }

    mutating func insert(_ cluster: EventCluster) {
        remove(id: cluster.id)
        clusters[cluster.id] = cluster
        let days = Set(cluster.reports.compactMap(\.day))
        if days.isEmpty { undated.insert(cluster.id) }
        for d in days { byDay[d.ordinal, default: []].insert(cluster.id) }
    }

    @discardableResult
    mutating func remove(id: String) -> EventCluster? {
        guard let old = clusters.removeValue(forKey: id) else { return nil }
        undated.remove(id)
        for d in Set(old.reports.compactMap(\.day)) {
            byDay[d.ordinal]?.remove(id)
            if byDay[d.ordinal]?.isEmpty == true { byDay[d.ordinal] = nil }
        }
        return old
    }

    /// Events with a report within one day of `day`, by the same attacker or an unknown one.
    func candidates(day: Day, attacker: Side?) -> [EventCluster] {
        var ids = Set<String>()
        for o in (day.ordinal - 1)...(day.ordinal + 1) { ids.formUnion(byDay[o] ?? []) }
        return ids.sorted().compactMap { clusters[$0] }.filter { c in
            guard let a = attacker, let b = c.attacker else { return true }
            return a == b
        }
    }

    /// For a report without a day: events stating one of its distinctive numbers.
    func candidates(sharingValuesOf report: EventReport) -> [EventCluster] {
        let keys = Set(report.event.figures.filter { $0.value >= 3 }.map { "\($0.quantity.rawValue)/\($0.value)" })
        guard !keys.isEmpty else { return [] }
        return clusters.keys.sorted().compactMap { clusters[$0] }.filter { c in
            c.reports.contains { r in r.event.figures.contains { keys.contains("\($0.quantity.rawValue)/\($0.value)") } }
        }
    }

    /// Takes a resolver's decision: creates, joins or merges, and returns the event's id and
    /// the ids of the events merged away.
    mutating func apply(_ resolution: EventResolver.Resolution, report: EventReport,
                        newID: () -> String) -> (id: String, created: Bool, absorbed: [String]) {
        switch resolution {
        case .create:
            let id = newID()
            insert(EventCluster(id: id, reports: [report]))
            return (id, true, [])
        case .join(let id, let absorbing):
            var cluster = clusters[id] ?? EventCluster(id: id, reports: [])
            for other in absorbing {
                if let o = remove(id: other) { cluster.reports += o.reports }
            }
            cluster.reports.append(report)
            insert(cluster)
            return (id, false, absorbing)
        }
    }

    /// Drops a document's reports; returns the events that changed and the ones left empty (removed).
    mutating func removeDocument(_ document: String, from ids: Set<String>) -> (changed: [String], emptied: [String]) {
        var changed: [String] = []
        var emptied: [String] = []
        for id in ids.sorted() {
            guard var c = clusters[id] else { continue }
            c.reports.removeAll { $0.document == document }
            if c.reports.isEmpty {
                remove(id: id)
                emptied.append(id)
            } else {
                insert(c)
                changed.append(id)
            }
        }
        return (changed, emptied)
    }
}
