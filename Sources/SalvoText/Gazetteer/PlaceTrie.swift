/// The gazetteer's matcher: a byte trie over folded forms, built in one pass from sorted forms.
///
/// The forms are sorted once and inserted in order, so every node's children arrive in label order
/// and the flat (CSR) layout falls out without hashing; each form belongs to one place (the build
/// script settles clashes), so a node holds one payload; and the scan keeps only the longest match
/// at each word start. Most words start no place name: a `WordGate` on the first word skips
/// almost every walk, and the walks left run over a `PackedTrie`. `gazetteer-bench` prints
/// its load time and throughput beside the general `Automaton`'s build time on the same forms.
struct PlaceTrie: Sendable {
    private let trie: PackedTrie        // a node's value is the place index of the form ending there
    private let wordGate: WordGate

    /// `forms` are (range in `bytes`, payload); `bytes` is the buffer the ranges point into.
    init(bytes: UnsafeBufferPointer<UInt8>, forms: [(range: Range<Int>, payload: Int32)]) {
        // The first eight bytes as one big-endian number order most pairs in one comparison; a
        // shorter form is padded with zeros, which no text byte is, so a prefix still sorts first.
        let keys = forms.map { form -> UInt64 in
            var key: UInt64 = 0
            for k in 0..<8 { key = key << 8 | UInt64(k < form.range.count ? bytes[form.range.lowerBound + k] : 0) }
            return key
        }
        let order = forms.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
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
        // Children were created in label order per parent; list them parent by parent.
        let nodes = parent.count
        var start = [Int32](repeating: 0, count: nodes + 1)
        for v in 1..<nodes { start[Int(parent[v]) + 1] += 1 }
        for v in 0..<nodes { start[v + 1] += start[v] }
        var fill = start
        var eLabel = [UInt8](repeating: 0, count: nodes - 1)
        var eTarget = [Int32](repeating: 0, count: nodes - 1)
        for v in 1..<nodes {
            let p = Int(parent[v])
            let slot = Int(fill[p])
            fill[p] += 1
            eLabel[slot] = label[v]
            eTarget[slot] = Int32(v)
        }
        trie = PackedTrie(childStart: start, childLabel: eLabel, childNode: eTarget, value: pay)
        wordGate = WordGate(strings: forms.lazy.map { UnsafeBufferPointer(rebasing: bytes[$0.range]) })
    }

    /// Whether a byte starts or continues a word: ASCII letters and digits, and lead bytes of
    /// Latin-1, Latin Extended, Greek and Cyrillic letters (as `WordBoundary` counts them). Called only
    /// at character starts, so continuation bytes never reach it.
    @inline(__always)
    static func isWordLead(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0xC3 && b <= 0xD4)
    }

    /// Whether a form may end at `j`: at the text's end, before a non-word character, or after one.
    @inline(__always)
    static func isWordEnd(_ buf: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        j == buf.count || !isWordLead(buf[j]) || !isWordLead(buf[j - 1]) && buf[j - 1] & 0xC0 != 0x80
    }

    /// Calls `body(start, end, payload)` for each longest whole-word match, left to right, not
    /// overlapping, trying the word starts of `starts`.
    @inline(__always)
    func forEachLongestMatch(in buf: UnsafeBufferPointer<UInt8>, startingAt starts: WalkStarts, _ body: (Int, Int, Int32) -> Void) {
        trie.withView { view in
            wordGate.withView { wordGate in
                var matchEnd = 0
                for (k, p) in starts.positions.enumerated() where p & WalkStarts.symbol == 0 {
                    let i = Int(p)
                    if i < matchEnd { continue }
                    // The byte scan resumes after a match as if a word ended there, so a name ending
                    // in a non-letter of two or more bytes is not directly followed by another.
                    if i == matchEnd && i > 0 && buf[i - 1] & 0xC0 == 0x80 { continue }
                    if wordGate.mayStart(buf, at: i, wordEnd: Int(starts.wordEnds[k])), let m = Self.longest(view, buf, from: i) {
                        body(i, m.end, m.payload)
                        matchEnd = m.end
                    }
                }
            }
        }
    }

    /// The longest form starting at `start` that ends at a word end.
    func longest(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, payload: Int32)? {
        trie.withView { Self.longest($0, buf, from: start) }
    }

    @inline(__always)
    private static func longest(_ view: PackedTrie.View, _ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, payload: Int32)? {
        let n = buf.count
        var best: (end: Int, payload: Int32)?
        var node = view.rootChild(buf[start])
        var j = start + 1
        while node != 0 {
            let h = view.header(node)
            if PackedTrie.View.hasValue(h) && isWordEnd(buf, j) {
                best = (j, view.value(node))
            }
            guard j < n else { break }
            node = view.advance(node, h, buf, &j)
        }
        return best
    }
}
