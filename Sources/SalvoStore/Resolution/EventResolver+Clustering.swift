import SalvoModel

extension EventResolver {
    /// Reports of one signature from distinct documents: they score alike against everything,
    /// so they enter the clustering as one node of their size.
    struct Group {
        var signature: Int
        var keys: [ReportKey]
        var documents: Set<String>
    }

    /// Average linkage over the block's reports, with the rules as cannot-links (two clusters
    /// merge when one cross pair reaches `threshold` and the average over all of them reaches
    /// `averageThreshold`): returns the
    /// events as lists of report keys. The result depends only on the reports, never on the
    /// order they arrived in: nodes are ordered by report key and ties go to the first pair.
    func cluster(_ signatures: [Int], index: ReportIndex) -> [[ReportKey]] {
        var groups: [Group] = []
        for sig in signatures {
            let f = index.facets(sig)
            let together = (evidence.score(f, f) ?? -.infinity) >= evidence.threshold
            var local: [Group] = []
            for k in (index.members[sig] ?? []).sorted() {
                if together, let g = local.firstIndex(where: { !$0.documents.contains(k.document) }) {
                    local[g].keys.append(k)
                    local[g].documents.insert(k.document)
                } else {
                    local.append(Group(signature: sig, keys: [k], documents: [k.document]))
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
        var scores: [Int: [Int: Double?]] = [:]
        for a in 0..<n {
            for b in (a + 1)..<n {
                let (x, y) = (groups[a].signature, groups[b].signature)
                let s: Double?
                if let known = scores[x]?[y] { s = known } else {
                    s = evidence.score(index.facets(x), index.facets(y))
                    scores[x, default: [:]][y] = .some(s)
                    scores[y, default: [:]][x] = .some(s)
                }
                let isBlocked = s == nil || !groups[a].documents.isDisjoint(with: groups[b].documents)
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
        while true {
            var best: (score: Double, a: Int, b: Int)?
            for a in 0..<n where active[a] {
                for b in (a + 1)..<n where active[b] && !blocked[a * n + b] {
                    let average = sum[a * n + b] / (size[a] * size[b])
                    guard average >= evidence.averageThreshold, strongest[a * n + b] >= evidence.threshold else { continue }
                    if best == nil || average > best!.score { best = (average, a, b) }
                }
            }
            guard let (_, a, b) = best else { break }
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
            groups[a].keys += groups[b].keys
            groups[a].documents.formUnion(groups[b].documents)
        }
        return (0..<n).filter { active[$0] }.map { groups[$0].keys }
    }
}
