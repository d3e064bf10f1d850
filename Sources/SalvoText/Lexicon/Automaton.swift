/// A set of folded terms compiled once into a flat trie, matched at word starts.
///
/// Terms only ever match from the start of a word, so a plain trie walk from each word start finds
/// every match Aho–Corasick would, without failure links. The trie is a `PackedTrie`: one record per
/// node, laid out depth first, so a walk reads consecutive memory.
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

    // The trie waits on memory, not on arithmetic, so it is packed so that a step of a walk reads
    // one record (see `PackedTrie`). A node's value is where its terminals start in `terminal`, times
    // 256, plus how many there are.
    private let trie: PackedTrie
    /// Payload codes: payload << 1 | isStem, grouped by node in pattern order.
    private let terminal: [Int32]

    public init(patterns: [Pattern]) {
        // Build with flat first-child / next-sibling arrays (no allocation per node), then hand the
        // children, sorted by label, to `PackedTrie`.
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
        var childStart: [Int32] = [0]
        var childLabel: [UInt8] = []
        var childNode: [Int32] = []
        childStart.reserveCapacity(count + 1)
        childLabel.reserveCapacity(count)
        childNode.reserveCapacity(count)
        var kids: [Int32] = []
        for node in 0..<count {
            kids.removeAll(keepingCapacity: true)
            var c = firstChild[node]
            while c >= 0 { kids.append(c); c = nextSibling[Int(c)] }
            kids.sort { label[Int($0)] < label[Int($1)] }
            for k in kids {
                childLabel.append(label[Int(k)])
                childNode.append(k)
            }
            childStart.append(Int32(childLabel.count))
        }
        // Terminals grouped by node, each group in pattern order (a counting sort).
        var groupStart = [Int32](repeating: 0, count: count + 1)
        for e in ends { groupStart[Int(e.node) + 1] += 1 }
        for v in 0..<count { groupStart[v + 1] += groupStart[v] }
        var fill = groupStart
        var term = [Int32](repeating: 0, count: ends.count)
        for e in ends {
            term[Int(fill[Int(e.node)])] = e.code
            fill[Int(e.node)] += 1
        }
        let value = (0..<count).map { v -> Int32 in
            let n = groupStart[v + 1] - groupStart[v]
            precondition(n < 256 && groupStart[v] < 1 << 23, "too many patterns")
            return n == 0 ? -1 : groupStart[v] << 8 | n
        }
        trie = PackedTrie(childStart: childStart, childLabel: childLabel, childNode: childNode, value: value)
        terminal = term
    }

    /// Number of trie nodes (for diagnostics and benchmarks).
    public var nodeCount: Int { trie.nodeCount }

    /// Every match in `text`, ordered by start, then by length.
    /// Every match in `text`, walking from `starts`: a walk starts at every word start and at every
    /// other visible scalar that begins a pattern ("$", "€", "%").
    public func matches(in text: FoldedText, startingAt starts: WalkStarts) -> [Match] {
        var result: [Match] = []
        result.reserveCapacity(text.bytes.count / 16)
        text.bytes.withUnsafeBufferPointer { buf in
            terminal.withUnsafeBufferPointer { terminal in
                trie.withView { view in
                    let rootHasRest = PackedTrie.View.hasEdgeFF(view.header(PackedTrie.root))
                    for p in starts.positions {
                        let i = Int(p & ~WalkStarts.symbol)
                        let first = view.rootChild(buf[i])
                        guard first != 0 else { continue }
                        if rootHasRest {
                            Self.walk(buf, view, terminal, node: PackedTrie.root, at: i, start: i, into: &result)
                        } else {
                            // Inlined here: most walks end after a step or two, and a call per word start
                            // cost about as much as the walk.
                            Self.walkSteps(buf, view, terminal, node: first, at: i &+ 1, start: i, arrived: true, into: &result)
                        }
                    }
                }
            }
        }
        return result
    }

    /// Every match in `text`, ordered by start, then by length.
    public func matches(in text: FoldedText) -> [Match] {
        matches(in: text, startingAt: WalkStarts(tokens: Tokenizer.tokens(text), text: text))
    }

    /// Follows `buf` from `node` at `position`, appending every match that starts at `start`: at
    /// each node, the matches past a word-rest edge first, then the terminals of the next node down
    /// the text. `arrived`: the walk reached `node` by a text byte, so its terminals are reported
    /// first. (A node reached by a word-rest edge reports none: patterns do not end in one.)
    @inline(never)
    private static func walk(_ buf: UnsafeBufferPointer<UInt8>, _ view: PackedTrie.View, _ terminal: UnsafeBufferPointer<Int32>,
                             node startNode: Int, at position: Int, start: Int, arrived: Bool = false,
                             into result: inout [Match]) {
        walkSteps(buf, view, terminal, node: startNode, at: position, start: start, arrived: arrived, into: &result)
    }

    /// The body of `walk`, inlined where walks start; the walk past a word-rest edge, rare, recurses
    /// through `walk`.
    @inline(__always)
    private static func walkSteps(_ buf: UnsafeBufferPointer<UInt8>, _ view: PackedTrie.View, _ terminal: UnsafeBufferPointer<Int32>,
                                  node startNode: Int, at position: Int, start: Int, arrived: Bool,
                                  into result: inout [Match]) {
        var node = startNode
        var j = position
        let n = buf.count
        var h = view.header(node)
        if arrived && PackedTrie.View.hasValue(h) { report(buf, view, terminal, node: node, at: j, start: start, into: &result) }
        while true {
            // A word-rest edge: skip the rest of this word, then go on matching from there.
            if PackedTrie.View.hasEdgeFF(h), j > 0, WordBoundary.isWordByte(buf, j &- 1) {
                let rest = view.child(node, h, Self.wordRest)
                if rest != 0 { walk(buf, view, terminal, node: rest, at: WordBoundary.wordEnd(buf, from: j), start: start, into: &result) }
            }
            guard j < n else { return }
            node = view.advance(node, h, buf, &j)
            if node == 0 { return }
            h = view.header(node)
            if PackedTrie.View.hasValue(h) { report(buf, view, terminal, node: node, at: j, start: start, into: &result) }
        }
    }

    /// Appends the matches of the terminals of `node`, reached at `j`: a stem's runs to the word's
    /// end; a whole term's only where a word ends.
    @inline(__always)
    private static func report(_ buf: UnsafeBufferPointer<UInt8>, _ view: PackedTrie.View, _ terminal: UnsafeBufferPointer<Int32>,
                               node: Int, at j: Int, start: Int, into result: inout [Match]) {
        let group = view.value(node)
        let t0 = Int(group >> 8), t1 = t0 + Int(group & 0xFF)
        let n = buf.count
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
