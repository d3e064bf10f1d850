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

    // Node i's children are edgeLabel/edgeTarget[edgeStart[i]..<edgeStart[i+1]], sorted by label.
    private let edgeStart: [Int32]
    private let edgeLabel: [UInt8]
    private let edgeTarget: [Int32]
    private let rootTable: [Int32]
    // Payloads ending at node i: terminal[terminalStart[i]..<terminalStart[i+1]], encoded payload<<1 | isStem.
    private let terminalStart: [Int32]
    private let terminal: [Int32]

    public init(patterns: [Pattern]) {
        // Build a pointer-free trie first, then flatten it breadth-first.
        var children: [[UInt8: Int32]] = [[:]]
        var ends: [[Int32]] = [[]]
        for p in patterns where !p.bytes.isEmpty {
            var node = 0
            for b in p.bytes {
                if let next = children[node][b] {
                    node = Int(next)
                } else {
                    children.append([:])
                    ends.append([])
                    let id = Int32(children.count - 1)
                    children[node][b] = id
                    node = Int(id)
                }
            }
            let code = p.payload << 1 | (p.isStem ? 1 : 0)
            if !ends[node].contains(code) { ends[node].append(code) }
        }
        var order: [Int] = [0]
        var newID = [Int32](repeating: -1, count: children.count)
        newID[0] = 0
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            for (_, child) in children[node].sorted(by: { $0.key < $1.key }) {
                newID[Int(child)] = Int32(order.count)
                order.append(Int(child))
            }
        }
        var eStart: [Int32] = [0]
        var eLabel: [UInt8] = []
        var eTarget: [Int32] = []
        var tStart: [Int32] = [0]
        var term: [Int32] = []
        for node in order {
            for (label, child) in children[node].sorted(by: { $0.key < $1.key }) {
                eLabel.append(label)
                eTarget.append(newID[Int(child)])
            }
            eStart.append(Int32(eLabel.count))
            term.append(contentsOf: ends[node])
            tStart.append(Int32(term.count))
        }
        var root = [Int32](repeating: -1, count: 256)
        for e in Int(eStart[0])..<Int(eStart[1]) { root[Int(eLabel[e])] = eTarget[e] }
        edgeStart = eStart
        edgeLabel = eLabel
        edgeTarget = eTarget
        terminalStart = tStart
        terminal = term
        rootTable = root
    }

    /// Number of trie nodes (for diagnostics and benchmarks).
    public var nodeCount: Int { edgeStart.count - 1 }

    @inline(__always)
    private func child(_ node: Int32, _ b: UInt8) -> Int32 {
        if node == 0 { return rootTable[Int(b)] }
        var lo = Int(edgeStart[Int(node)])
        var hi = Int(edgeStart[Int(node) + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let l = edgeLabel[mid]
            if l == b { return edgeTarget[mid] }
            if l < b { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    /// Every match in `text`, ordered by start, then by length.
    public func matches(in text: FoldedText) -> [Match] {
        var result: [Match] = []
        text.bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0
            while i < n {
                if !WordBoundary.isWordStart(buf, i) || buf[i] == 0x20 || buf[i] == 0x0A {
                    i += 1
                    continue
                }
                walk(buf, from: i, into: &result)
                // Skip to the next word start: the rest of this word cannot start a match.
                if WordBoundary.isWordByte(buf, i) {
                    i = WordBoundary.wordEnd(buf, from: i)
                } else {
                    i += 1
                }
            }
        }
        return result
    }

    /// Matches that start exactly at folded offset `start`.
    public func matches(in text: FoldedText, at start: Int) -> [Match] {
        var result: [Match] = []
        text.bytes.withUnsafeBufferPointer { walk($0, from: start, into: &result) }
        return result
    }

    private func walk(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, into result: inout [Match]) {
        walk(buf, node: 0, at: start, start: start, into: &result)
    }

    private func walk(_ buf: UnsafeBufferPointer<UInt8>, node startNode: Int32, at position: Int, start: Int, into result: inout [Match]) {
        var node = startNode
        var j = position
        let n = buf.count
        while true {
            // A word-rest edge: skip the rest of this word, then go on matching from there.
            if node != 0, WordBoundary.isWordByte(buf, j - 1) {
                let rest = child(node, Self.wordRest)
                if rest >= 0 { walk(buf, node: rest, at: WordBoundary.wordEnd(buf, from: j), start: start, into: &result) }
            }
            guard j < n else { return }
            node = child(node, buf[j])
            if node < 0 { return }
            j += 1
            let t0 = Int(terminalStart[Int(node)]), t1 = Int(terminalStart[Int(node) + 1])
            if t0 == t1 { continue }
            let atWordEnd = j == n || !WordBoundary.isWordByte(buf, j) || !WordBoundary.isWordByte(buf, j - 1)
            for t in t0..<t1 {
                let code = terminal[t]
                if code & 1 == 1 {
                    result.append(Match(start: start, end: WordBoundary.wordEnd(buf, from: j), payload: code >> 1))
                } else if atWordEnd {
                    result.append(Match(start: start, end: j, payload: code >> 1))
                }
            }
        }
    }
}
