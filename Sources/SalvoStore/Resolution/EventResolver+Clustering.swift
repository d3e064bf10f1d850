import SalvoModel

extension EventResolver {
    /// Reports of one signature from distinct documents: they score alike against everything,
    /// so they enter the clustering as one node of their size.
    struct Group {
        var signature: Int
        var keys: [ReportKey]
        /// Sorted, each once.
        var documents: [String]

        /// Whether a report of one document is in both (they cannot be one event).
        func sharesDocument(with other: Group) -> Bool {
            let (small, large) = documents.count <= other.documents.count ? (documents, other.documents) : (other.documents, documents)
            return small.contains { large.containsSorted($0) }
        }

        mutating func absorb(_ other: Group) {
            keys += other.keys
            var merged: [String] = []
            merged.reserveCapacity(documents.count + other.documents.count)
            var i = 0, j = 0
            while i < documents.count || j < other.documents.count {
                if j == other.documents.count || (i < documents.count && documents[i] < other.documents[j]) {
                    merged.append(documents[i]); i += 1
                } else {
                    if i < documents.count, documents[i] == other.documents[j] { i += 1 }
                    merged.append(other.documents[j]); j += 1
                }
            }
            documents = merged
        }
    }

    /// Average linkage over the block's reports, with the rules as cannot-links (two clusters
    /// merge when one cross pair reaches `threshold` and the average over all of them reaches
    /// `averageThreshold`): returns the events as lists of report keys. The result depends
    /// only on the reports, never on the order they arrived in: nodes are ordered by report
    /// key, the best average merges first and ties go to the first pair.
    ///
    /// Candidate merges wait in a heap; a merge updates the merged cluster's sums with every
    /// other (Lance–Williams for the average) and pushes its pairs again, so the whole is
    /// O(n² log n) rather than a scan of every pair after every merge.
    func cluster(_ signatures: [Int], index: inout ReportIndex) -> [[ReportKey]] {
        var groups: [Group] = []
        for sig in signatures {
            let together = (index.score(sig, sig, evidence: evidence) ?? -.infinity) >= evidence.threshold
            let keys = index.members[sig] ?? []
            guard together else {
                groups += keys.map { Group(signature: sig, keys: [$0], documents: [$0.document]) }
                continue
            }
            // Keys are sorted, so one document's reports are adjacent: the n-th of each
            // document goes to the n-th group, and no group holds two reports of one document.
            var local: [Group] = []
            var run = 0
            for (i, k) in keys.enumerated() {
                run = i > 0 && keys[i - 1].document == k.document ? run + 1 : 0
                if run == local.count {
                    local.append(Group(signature: sig, keys: [k], documents: [k.document]))
                } else {
                    local[run].keys.append(k)
                    local[run].documents.append(k.document)
                }
            }
            groups += local
        }
        groups.sort { $0.keys[0] < $1.keys[0] }
        let n = groups.count
        guard n > 1 else { return groups.map(\.keys) }

        // sum[a][b]: evidence summed over every cross pair of reports; blocked: a pair is ruled out.
        var sum = [Double](repeating: 0, count: n * n)
        // The strongest single pair: a merge needs one link, so blocks never merge across.
        var strongest = [Double](repeating: -.infinity, count: n * n)
        var blocked = [Bool](repeating: false, count: n * n)
        var size = groups.map { Double($0.keys.count) }
        for a in 0..<n {
            for b in (a + 1)..<n {
                let s = index.score(groups[a].signature, groups[b].signature, evidence: evidence)
                let isBlocked = s == nil || groups[a].sharesDocument(with: groups[b])
                blocked[a * n + b] = isBlocked
                blocked[b * n + a] = isBlocked
                let total = (s ?? 0) * size[a] * size[b]
                sum[a * n + b] = total
                sum[b * n + a] = total
                strongest[a * n + b] = s ?? -.infinity
                strongest[b * n + a] = s ?? -.infinity
            }
        }
        var active = [Bool](repeating: true, count: n)
        // A heap entry is stale once either side has merged since it was pushed.
        var version = [Int](repeating: 0, count: n)
        var heap = MergeHeap()
        func push(_ a: Int, _ b: Int) {
            guard !blocked[a * n + b], strongest[a * n + b] >= evidence.threshold else { return }
            let average = sum[a * n + b] / (size[a] * size[b])
            guard average >= evidence.averageThreshold else { return }
            heap.push(MergeHeap.Entry(average: average, a: a, b: b, versions: (version[a], version[b])))
        }
        for a in 0..<n { for b in (a + 1)..<n { push(a, b) } }
        while let best = heap.pop() {
            let (a, b) = (best.a, best.b)
            guard active[a], active[b], best.versions == (version[a], version[b]) else { continue }
            for k in 0..<n where active[k] && k != a && k != b {
                sum[a * n + k] += sum[b * n + k]
                sum[k * n + a] = sum[a * n + k]
                strongest[a * n + k] = max(strongest[a * n + k], strongest[b * n + k])
                strongest[k * n + a] = strongest[a * n + k]
                let stop = blocked[a * n + k] || blocked[b * n + k]
                blocked[a * n + k] = stop
                blocked[k * n + a] = stop
            }
            size[a] += size[b]
            active[b] = false
            version[a] += 1
            groups[a].absorb(groups[b])
            for k in 0..<n where active[k] && k != a { push(min(a, k), max(a, k)) }
        }
        return (0..<n).filter { active[$0] }.map { groups[$0].keys }
    }
}

/// Candidate merges, best average first; on equal averages the first pair (by node order), as
/// a scan of every pair in order would pick.
struct MergeHeap {
    struct Entry {
        var average: Double
        var a: Int
        var b: Int
        var versions: (Int, Int)

        /// Whether `self` is taken before `other`.
        func precedes(_ other: Entry) -> Bool {
            if average != other.average { return average > other.average }
            return (a, b) < (other.a, other.b)
        }
    }

    private var entries: [Entry] = []

    mutating func push(_ e: Entry) {
        entries.append(e)
        var i = entries.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard entries[i].precedes(entries[parent]) else { break }
            entries.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        let top = entries[0]
        let last = entries.removeLast()
        guard !entries.isEmpty else { return top }
        entries[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var first = i
            if l < entries.count, entries[l].precedes(entries[first]) { first = l }
            if r < entries.count, entries[r].precedes(entries[first]) { first = r }
            guard first != i else { return top }
            entries.swapAt(i, first)
            i = first
        }
    }
}
