/// The gazetteer's matcher: a byte trie over folded forms, built in one pass from sorted forms.
///
/// The forms are sorted once and inserted in order, so every node's children arrive in label order
/// and the flat (CSR) layout falls out without hashing; each form belongs to one place (the build
/// script settles clashes), so a node holds one payload; and the scan keeps only the longest match
/// at each word start, reading the first two bytes through one table lookup. `scripts/bench-gazetteer`
/// prints its load time and throughput beside the general `Automaton`'s build time on the same forms.
/// Forms are at least two bytes long.
struct PlaceTrie: Sendable {
    private let rootTable: [Int32]      // root's child per first byte, -1 if none
    private let pairTable: [Int32]      // the depth-2 node per first two bytes (b0 << 8 | b1), -1 if none
    private let edgeStart: [Int32]      // node i's edges: edgeLabel/edgeTarget[edgeStart[i]..<edgeStart[i+1]]
    private let edgeLabel: [UInt8]
    private let edgeTarget: [Int32]
    private let payload: [Int32]        // place index ending at node i, -1 if none

    /// `forms` are (range in `bytes`, payload); `bytes` is the buffer the ranges point into.
    init(bytes: UnsafeBufferPointer<UInt8>, forms: [(range: Range<Int>, payload: Int32)]) {
        let order = forms.indices.sorted { a, b in
            let ra = forms[a].range, rb = forms[b].range
            let n = min(ra.count, rb.count)
            var k = 0
            while k < n {
                let x = bytes[ra.lowerBound + k], y = bytes[rb.lowerBound + k]
                if x != y { return x < y }
                k += 1
            }
            return ra.count < rb.count
        }
        var parent: [Int32] = [-1]
        var label: [UInt8] = [0]
        var pay: [Int32] = [-1]
        parent.reserveCapacity(forms.count * 4)
        label.reserveCapacity(forms.count * 4)
        pay.reserveCapacity(forms.count * 4)
        var path: [Int32] = [0]  // path[d] = node at depth d for the previous form
        var previous: Range<Int> = 0..<0
        for index in order {
            let r = forms[index].range
            guard !r.isEmpty else { continue }
            var common = 0
            let n = min(r.count, previous.count)
            while common < n && bytes[r.lowerBound + common] == bytes[previous.lowerBound + common] { common += 1 }
            path.removeLast(path.count - (common + 1))
            for k in common..<r.count {
                parent.append(path[path.count - 1])
                label.append(bytes[r.lowerBound + k])
                pay.append(-1)
                path.append(Int32(parent.count - 1))
            }
            let end = Int(path[path.count - 1])
            if pay[end] < 0 { pay[end] = forms[index].payload }
            previous = r
        }
        // Children were created in label order per parent; lay them out parent by parent.
        let nodes = parent.count
        var start = [Int32](repeating: 0, count: nodes + 1)
        for v in 1..<nodes { start[Int(parent[v]) + 1] += 1 }
        for v in 0..<nodes { start[v + 1] += start[v] }
        var fill = start
        var eLabel = [UInt8](repeating: 0, count: nodes - 1)
        var eTarget = [Int32](repeating: 0, count: nodes - 1)
        var root = [Int32](repeating: -1, count: 256)
        for v in 1..<nodes {
            let p = Int(parent[v])
            let slot = Int(fill[p])
            fill[p] += 1
            eLabel[slot] = label[v]
            eTarget[slot] = Int32(v)
            if p == 0 { root[Int(label[v])] = Int32(v) }
        }
        // Every walk starts with two bytes, and Cyrillic lead bytes fan out to ~60 children: one table
        // lookup replaces the two widest searches (256 KB, built in microseconds).
        var pair = [Int32](repeating: -1, count: 65536)
        for b0 in 0..<256 where root[b0] >= 0 {
            let r = Int(root[b0])
            for e in Int(start[r])..<Int(start[r + 1]) { pair[b0 << 8 | Int(eLabel[e])] = eTarget[e] }
        }
        rootTable = root
        pairTable = pair
        edgeStart = start
        edgeLabel = eLabel
        edgeTarget = eTarget
        payload = pay
    }

    /// Number of nodes, for diagnostics.
    var nodeCount: Int { payload.count }

    /// Whether a byte starts or continues a word: ASCII letters and digits, and lead bytes of
    /// Latin-1, Latin Extended, Greek and Cyrillic letters (as `WordBoundary` counts them). Called only
    /// at character starts, so continuation bytes never reach it.
    @inline(__always)
    static func isWordLead(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0xC3 && b <= 0xD4)
    }

    /// Longest whole-word matches, left to right, not overlapping: (start, end, payload).
    func longestMatches(in buf: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int, payload: Int32)] {
        var result: [(start: Int, end: Int, payload: Int32)] = []
        forEachLongestMatch(in: buf) { result.append(($0, $1, $2)) }
        return result
    }

    /// Calls `body(start, end, payload)` for each longest whole-word match, left to right, not overlapping.
    @inline(__always)
    func forEachLongestMatch(in buf: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int32) -> Void) {
        withTables { t in
            let n = buf.count
            var i = 0
            var previousIsWord = false
            while i < n {
                let b = buf[i]
                if b & 0xC0 == 0x80 { i += 1; continue }  // continuation byte: same character
                let isWord = Self.isWordLead(b)
                if isWord && !previousIsWord, let m = t.longest(buf, from: i) {
                    body(i, m.end, m.payload)
                    i = m.end
                    previousIsWord = Self.isWordLead(buf[m.end - 1]) || buf[m.end - 1] & 0xC0 == 0x80
                    continue
                }
                previousIsWord = isWord
                i += 1
            }
        }
    }

    /// The longest form starting at `start` that ends at a word end.
    func longest(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, payload: Int32)? {
        withTables { $0.longest(buf, from: start) }
    }

    private func withTables<R>(_ body: (Tables) -> R) -> R {
        rootTable.withUnsafeBufferPointer { root in
          pairTable.withUnsafeBufferPointer { pair in
            edgeStart.withUnsafeBufferPointer { es in
                edgeLabel.withUnsafeBufferPointer { el in
                    edgeTarget.withUnsafeBufferPointer { et in
                        payload.withUnsafeBufferPointer { pay in
                            body(Tables(root: root, pair: pair, edgeStart: es, edgeLabel: el, edgeTarget: et, payload: pay))
                        }
                    }
                }
            }
          }
        }
    }

    /// The trie's arrays as raw buffers for the hot loop (no bounds checks, no reference counting).
    private struct Tables {
        let root: UnsafeBufferPointer<Int32>
        let pair: UnsafeBufferPointer<Int32>
        let edgeStart: UnsafeBufferPointer<Int32>
        let edgeLabel: UnsafeBufferPointer<UInt8>
        let edgeTarget: UnsafeBufferPointer<Int32>
        let payload: UnsafeBufferPointer<Int32>

        @inline(__always)
        func child(_ node: Int32, _ c: UInt8) -> Int32 {
            var lo = Int(edgeStart[Int(node)])
            var hi = Int(edgeStart[Int(node) + 1])
            // Most nodes have a few children; Cyrillic lead bytes fan out to ~64, so bisect wide nodes.
            while hi - lo > 8 {
                let mid = (lo + hi) >> 1
                if edgeLabel[mid] < c { lo = mid + 1 } else { hi = mid + 1 }
            }
            while lo < hi {
                let l = edgeLabel[lo]
                if l == c { return edgeTarget[lo] }
                if l > c { return -1 }
                lo += 1
            }
            return -1
        }

        @inline(__always)
        func longest(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, payload: Int32)? {
            let n = buf.count
            var best: (end: Int, payload: Int32)?
            var node: Int32
            var j: Int
            if start + 1 < n {
                // Forms are at least two bytes (three letters), so depth 1 holds no payload.
                node = pair[Int(buf[start]) << 8 | Int(buf[start + 1])]
                j = start + 2
            } else {
                node = root[Int(buf[start])]
                j = start + 1
            }
            while node >= 0 {
                let p = payload[Int(node)]
                if p >= 0 && (j == n || !isWordLead(buf[j]) || !isWordLead(buf[j - 1]) && buf[j - 1] & 0xC0 != 0x80) {
                    best = (j, p)
                }
                guard j < n else { break }
                node = child(node, buf[j])
                j += 1
            }
            return best
        }
    }
}
