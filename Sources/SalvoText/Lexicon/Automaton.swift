/// A set of folded terms compiled once into a flat trie, matched at word starts.
///
/// Terms only ever match from the start of a word, so a plain trie walk from each word start finds
/// every match Aho–Corasick would, without failure links. Nodes and edges live in flat arrays; the
/// root's 256 children are a direct table because every walk begins there.
///
/// ```swift
/// let automaton = Automaton(patterns: [
///     .init(bytes: FoldedText.fold("shot down"), payload: 1),
///     .init(bytes: FoldedText.fold("ракет"), payload: 2, isStem: true),
/// ])
/// automaton.matches(in: FoldedText("Ракетами shot down")).map(\.payload)   // [2, 1]
/// ```
public struct Automaton: Sendable {
    /// In a pattern, this byte stands for "the rest of this word": `повітрян<wordRest> сил` matches
    /// "повітряних сил" and "повітряні сили". It never occurs in UTF-8 text.
    public static let wordRest: UInt8 = 0xFF

    public struct Pattern: Sendable {
        public var bytes: [UInt8]
        public var payload: Int32
        /// A stem matches any word that starts with it; the match then runs to the end of that word.
        public var isStem: Bool

        public init(bytes: [UInt8], payload: Int32, isStem: Bool = false) {
            self.bytes = bytes
            self.payload = payload
            self.isStem = isStem
        }
    }

    public struct Match: Sendable, Equatable {
        /// Folded byte range of the whole match (a stem match runs to its word's end).
        public var start: Int
        public var end: Int
        public var payload: Int32
    }

    // Each node is one 16-byte record and each edge 8 bytes, so a step of the walk touches one
    // node record and the edges it searches; the trie is larger than the caches and the walk waits
    // on memory, not on arithmetic. The tables never change after init and are read through pointers.
    private let storage: Storage

    struct Node {
        var firstEdge: Int32
        var edgeCount: Int32
        var firstTerminal: Int32
        var terminalCount: Int16
        var hasWordRest: Bool
    }

    struct Edge {
        var label: UInt8
        var target: Int32
    }

    private final class Storage: @unchecked Sendable {
        let nodes: UnsafeMutableBufferPointer<Node>
        let edges: UnsafeMutableBufferPointer<Edge>
        let rootTable: UnsafeMutableBufferPointer<Int32>
        /// Payload codes: payload << 1 | isStem.
        let terminal: UnsafeMutableBufferPointer<Int32>

        init(nodes: [Node], edges: [Edge], rootTable: [Int32], terminal: [Int32]) {
            func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
                let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
                _ = p.initialize(from: a)
                return p
            }
            self.nodes = copy(nodes)
            self.edges = copy(edges)
            self.rootTable = copy(rootTable)
            self.terminal = copy(terminal)
        }

        deinit {
            nodes.deallocate()
            edges.deallocate()
            rootTable.deallocate()
            terminal.deallocate()
        }
    }

    public init(patterns: [Pattern]) {
        // Build with flat first-child / next-sibling arrays (no allocation per node), then lay the
        // trie out breadth-first with each node's edges sorted for binary search.
        var label: [UInt8] = [0]
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var ends: [(node: Int32, code: Int32)] = []
        ends.reserveCapacity(patterns.count)
        var rootChild = [Int32](repeating: -1, count: 256)
        for p in patterns where !p.bytes.isEmpty {
            var node: Int32 = 0
            for b in p.bytes {
                var found: Int32 = -1
                if node == 0 {
                    found = rootChild[Int(b)]
                } else {
                    var c = firstChild[Int(node)]
                    while c >= 0 {
                        if label[Int(c)] == b { found = c; break }
                        c = nextSibling[Int(c)]
                    }
                }
                if found < 0 {
                    found = Int32(label.count)
                    label.append(b)
                    firstChild.append(-1)
                    nextSibling.append(firstChild[Int(node)])
                    firstChild[Int(node)] = found
                    if node == 0 { rootChild[Int(b)] = found }
                }
                node = found
            }
            ends.append((node, p.payload << 1 | (p.isStem ? 1 : 0)))
        }
        let count = label.count
        var newID = [Int32](repeating: -1, count: count)
        var order: [Int32] = [0]
        order.reserveCapacity(count)
        newID[0] = 0
        var eStart: [Int32] = [0]
        var eLabel: [UInt8] = []
        var eTarget: [Int32] = []
        var tStart: [Int32] = [0]
        var term: [Int32] = []
        eStart.reserveCapacity(count + 1)
        eLabel.reserveCapacity(count)
        eTarget.reserveCapacity(count)
        tStart.reserveCapacity(count + 1)
        var kids: [Int32] = []
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            kids.removeAll(keepingCapacity: true)
            var c = firstChild[Int(node)]
            while c >= 0 { kids.append(c); c = nextSibling[Int(c)] }
            kids.sort { label[Int($0)] < label[Int($1)] }
            for k in kids {
                newID[Int(k)] = Int32(order.count)
                order.append(k)
                eLabel.append(label[Int(k)])
                eTarget.append(newID[Int(k)])
            }
            eStart.append(Int32(eLabel.count))
        }
        // Terminal codes grouped by their node's breadth-first id.
        ends.sort { newID[Int($0.node)] < newID[Int($1.node)] }
        var e = 0
        for id in 0..<order.count {
            while e < ends.count && newID[Int(ends[e].node)] == Int32(id) {
                term.append(ends[e].code)
                e += 1
            }
            tStart.append(Int32(term.count))
        }
        var root = [Int32](repeating: -1, count: 256)
        for e in Int(eStart[0])..<Int(eStart[1]) { root[Int(eLabel[e])] = eTarget[e] }
        var nodes: [Node] = []
        nodes.reserveCapacity(order.count)
        for node in 0..<order.count {
            let e0 = Int(eStart[node]), e1 = Int(eStart[node + 1])
            let rest = (e0..<e1).contains { eLabel[$0] == Self.wordRest }
            nodes.append(Node(firstEdge: Int32(e0), edgeCount: Int32(e1 - e0), firstTerminal: tStart[node],
                              terminalCount: Int16(tStart[node + 1] - tStart[node]), hasWordRest: rest))
        }
        let edges = (0..<eLabel.count).map { Edge(label: eLabel[$0], target: eTarget[$0]) }
        storage = Storage(nodes: nodes, edges: edges, rootTable: root, terminal: term)
    }

    /// Number of trie nodes (for diagnostics and benchmarks).
    public var nodeCount: Int { storage.nodes.count }

    @inline(__always)
    private func child(_ node: Int32, _ b: UInt8) -> Int32 {
        let st = storage
        if node == 0 { return st.rootTable[Int(b)] }
        let n = st.nodes[Int(node)]
        var lo = Int(n.firstEdge)
        var hi = lo + Int(n.edgeCount)
        let edges = st.edges
        while hi - lo > 6 {
            let mid = (lo + hi) >> 1
            let l = edges[mid].label
            if l == b { return edges[mid].target }
            if l < b { lo = mid + 1 } else { hi = mid }
        }
        while lo < hi {
            if edges[lo].label == b { return edges[lo].target }
            lo += 1
        }
        return -1
    }

    /// Every match in `text`, ordered by start, then by length.
    public func matches(in text: FoldedText) -> [Match] {
        var result: [Match] = []
        text.bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0
            var previousIsWord = false
            // One pass over scalars: a walk starts at every word start and at every other visible
            // scalar that begins a pattern ("$", "€", "%").
            while i < n {
                let b = buf[i]
                let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                let isWord = b < 0x80 ? ((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A)) : (b >= 0xC3 && b <= 0xD4)
                if (isWord && !previousIsWord) || (!isWord && b != 0x20 && b != 0x0A) {
                    if storage.rootTable[Int(b)] >= 0 { walk(buf, from: i, into: &result) }
                }
                previousIsWord = isWord
                i += width
            }
        }
        return result
    }

    private func walk(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, into result: inout [Match]) {
        walk(buf, node: 0, at: start, start: start, into: &result)
    }

    private func walk(_ buf: UnsafeBufferPointer<UInt8>, node startNode: Int32, at position: Int, start: Int, into result: inout [Match]) {
        let st = storage
        var node = startNode
        var j = position
        let n = buf.count
        while true {
            // A word-rest edge: skip the rest of this word, then go on matching from there.
            if st.nodes[Int(node)].hasWordRest, j > 0, WordBoundary.isWordByte(buf, j - 1) {
                let rest = child(node, Self.wordRest)
                if rest >= 0 { walk(buf, node: rest, at: WordBoundary.wordEnd(buf, from: j), start: start, into: &result) }
            }
            guard j < n else { return }
            node = child(node, buf[j])
            if node < 0 { return }
            j += 1
            let record = st.nodes[Int(node)]
            if record.terminalCount == 0 { continue }
            let t0 = Int(record.firstTerminal), t1 = t0 + Int(record.terminalCount)
            let atWordEnd = j == n || !WordBoundary.isWordByte(buf, j) || !WordBoundary.isWordByte(buf, j - 1)
            for t in t0..<t1 {
                let code = st.terminal[t]
                if code & 1 == 1 {
                    result.append(Match(start: start, end: WordBoundary.wordEnd(buf, from: j), payload: code >> 1))
                } else if atWordEnd {
                    result.append(Match(start: start, end: j, payload: code >> 1))
                }
            }
        }
    }
}
