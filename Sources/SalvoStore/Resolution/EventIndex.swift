import SalvoModel

/// Events in memory, indexed by day for blocking. `MemoryEventStore` keeps all of them here;
/// `SQLiteEventStore` keeps the days it has touched as a cache in front of the database.
struct EventIndex {
    private(set) var clusters: [String: EventCluster] = [:]
    /// What the resolver compares, kept up to date as reports join.
    private var facets: [String: EventFacets] = [:]
    private var byDay: [Int: Set<String>] = [:]
    /// Events whose reports have no day: never candidates, kept so they can be listed.
    private var undated: Set<String> = []

    var count: Int { clusters.count }

    subscript(id: String) -> EventCluster? { clusters[id] }

    mutating func insert(_ cluster: EventCluster, facets known: EventFacets? = nil) {
        remove(id: cluster.id)
        clusters[cluster.id] = cluster
        facets[cluster.id] = known ?? EventFacets(cluster.reports)
        let days = Set(cluster.reports.compactMap(\.day))
        if days.isEmpty { undated.insert(cluster.id) }
        for d in days { byDay[d.ordinal, default: []].insert(cluster.id) }
    }

    @discardableResult
    mutating func remove(id: String) -> EventCluster? {
        guard let old = clusters.removeValue(forKey: id) else { return nil }
        facets[id] = nil
        undated.remove(id)
        for d in Set(old.reports.compactMap(\.day)) {
            byDay[d.ordinal]?.remove(id)
            if byDay[d.ordinal]?.isEmpty == true { byDay[d.ordinal] = nil }
        }
        return old
    }

    /// Events with a report within one day of `day`, by the same attacker or an unknown one.
    func candidates(day: Day, attacker: Belligerent?) -> [(cluster: EventCluster, facets: EventFacets)] {
        var ids = Set<String>()
        for o in (day.ordinal - 1)...(day.ordinal + 1) { ids.formUnion(byDay[o] ?? []) }
        // Order does not matter: the resolver breaks ties by id.
        return ids.compactMap { id in
            guard let c = clusters[id], let f = facets[id] else { return nil }
            if let a = attacker, let b = f.attacker, a != b { return nil }
            return (c, f)
        }
    }

    func withFacets(_ ids: [String]) -> [(cluster: EventCluster, facets: EventFacets)] {
        ids.compactMap { id in clusters[id].flatMap { c in facets[id].map { (c, $0) } } }
    }

    /// For a report without a day: events stating one of its distinctive numbers.
    func candidates(sharingValuesOf report: EventReport) -> [(cluster: EventCluster, facets: EventFacets)] {
        let keys = Set(report.event.figures.filter { $0.value >= 3 }.map { "\($0.quantity.rawValue)/\($0.value)" })
        guard !keys.isEmpty else { return [] }
        return withFacets(clusters.keys.sorted().filter { id in
            clusters[id]!.reports.contains { r in r.event.figures.contains { keys.contains("\($0.quantity.rawValue)/\($0.value)") } }
        })
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
            var f = facets[id] ?? EventFacets(cluster.reports)
            for other in absorbing {
                if let o = remove(id: other) {
                    cluster.reports += o.reports
                    for r in o.reports { f.add(r) }
                }
            }
            cluster.reports.append(report)
            f.add(report)
            if absorbing.isEmpty, let d = report.day, clusters[id] != nil {
                // The common case, one report joining: no need to re-index every day.
                clusters[id] = cluster
                facets[id] = f
                byDay[d.ordinal, default: []].insert(id)
                undated.remove(id)
            } else {
                insert(cluster, facets: f)
            }
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
