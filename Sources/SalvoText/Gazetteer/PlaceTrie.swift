/// The gazetteer's matcher: a byte trie over folded forms, built in one pass from sorted forms.
///
/// `Automaton` builds through per-node dictionaries, which costs ~150 ms for the gazetteer's 48,000
/// forms; here the forms are sorted once and inserted in order, so every node's children arrive in
/// label order and the flat (CSR) layout falls out without hashing (~20 ms). Each form belongs to one
/// place (the build script settles clashes), so a node holds at most one payload.
struct PlaceTrie: Sendable {
    private let rootTable: [Int32]      // root's child per first byte, -1 if none
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
        rootTable = root
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
        let n = buf.count
        var i = 0
        var previousIsWord = false
        while i < n {
            let b = buf[i]
            if b & 0xC0 == 0x80 { i += 1; continue }  // continuation byte: same character
            let isWord = Self.isWordLead(b)
            if isWord && !previousIsWord, let m = longest(buf, from: i) {
                result.append((i, m.end, m.payload))
                i = m.end
                previousIsWord = Self.isWordLead(buf[m.end - 1]) || buf[m.end - 1] & 0xC0 == 0x80
                continue
            }
            previousIsWord = isWord
            i += 1
        }
        return result
    }

    /// The longest form starting at `start` that ends at a word end.
    @inline(__always)
    func longest(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, payload: Int32)? {
        let n = buf.count
        var node = rootTable[Int(buf[start])]
        var j = start + 1
        var best: (end: Int, payload: Int32)?
        while node >= 0 {
            let p = payload[Int(node)]
            if p >= 0 && (j == n || !Self.isWordLead(buf[j]) || !Self.isWordLead(buf[j - 1]) && buf[j - 1] & 0xC0 != 0x80) {
                best = (j, p)
            }
            guard j < n else { break }
            let c = buf[j]
            var e = Int(edgeStart[Int(node)])
            let eEnd = Int(edgeStart[Int(node) + 1])
            var next: Int32 = -1
            while e < eEnd {
                let l = edgeLabel[e]
                if l == c { next = edgeTarget[e]; break }
                if l > c { break }
                e += 1
            }
            node = next
            j += 1
        }
        return best
    }
}
