import Testing
@testable import SalvoText

/// A seeded generator, so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Pieces of generated text: letters that share prefixes (ASCII, Cyrillic, Latin-1), digits, a
/// three-byte apostrophe and a symbol, punctuation and white space.
private let pieces = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "k", "n", "o", "1", "2",
                      "д", "р", "о", "н", "ï", "é", "$", "’", "-", ".", "'", " ", " ", " ", "\n"]

private func randomText(_ rng: inout SplitMix64, pieces count: Int) -> String {
    (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
}

/// The matches `Automaton.matches(in:)` must find, computed pattern by pattern at every start.
private func naiveMatches(_ patterns: [Automaton.Pattern], _ text: FoldedText) -> [Automaton.Match] {
    text.bytes.withUnsafeBufferPointer { buf in
        let n = buf.count
        func isWord(_ b: UInt8) -> Bool {
            b < 0x80 ? ((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A)) : (b >= 0xC3 && b <= 0xD4)
        }
        // Where pattern `p` matches from `s`: its end, or nil. A word-rest byte skips to the word's
        // end when it follows a word byte; the match must end on a text byte.
        func end(_ p: Automaton.Pattern, _ s: Int) -> Int? {
            var j = s
            for (k, b) in p.bytes.enumerated() {
                if b == Automaton.wordRest {
                    guard k < p.bytes.count - 1, j > 0, WordBoundary.isWordByte(buf, j - 1) else { return nil }
                    j = WordBoundary.wordEnd(buf, from: j)
                } else {
                    guard j < n, buf[j] == b else { return nil }
                    j += 1
                }
            }
            if p.isStem { return WordBoundary.wordEnd(buf, from: j) }
            return j == n || !WordBoundary.isWordByte(buf, j) || !WordBoundary.isWordByte(buf, j - 1) ? j : nil
        }
        // The walk's order at one start: by pattern bytes, a prefix first and a word-rest byte
        // before any text byte; equal patterns in the order given.
        func before(_ a: [UInt8], _ b: [UInt8]) -> Bool {
            for (x, y) in zip(a, b) where x != y {
                return x == Automaton.wordRest ? true : y == Automaton.wordRest ? false : x < y
            }
            return a.count < b.count
        }
        var result: [Automaton.Match] = []
        var i = 0
        var previousIsWord = false
        while i < n {
            let b = buf[i]
            let w = isWord(b)
            if (w && !previousIsWord) || (!w && b != 0x20 && b != 0x0A) {
                let found = patterns.indices.filter { !patterns[$0].bytes.isEmpty && patterns[$0].bytes[0] == b }
                    .compactMap { k in end(patterns[k], i).map { (k, $0) } }
                    .sorted { before(patterns[$0.0].bytes, patterns[$1.0].bytes) || patterns[$0.0].bytes == patterns[$1.0].bytes && $0.0 < $1.0 }
                result += found.map { Automaton.Match(start: i, end: $0.1, payload: patterns[$0.0].payload) }
            }
            previousIsWord = w
            i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        }
        return result
    }
}

@Suite("Tries")
struct TrieTests {
    @Test func packedTrieWalksLikeAPlainTrie() {
        // Byte strings over a wide alphabet, so records of every kind (run, single, list, table) occur.
        var rng = SplitMix64(state: 7)
        var strings: [[UInt8]] = []
        for _ in 0..<400 {
            let alphabet: [UInt8] = Bool.random(using: &rng) ? [0x61, 0x63, 0x7A, 0xD0, 0xFF] : Array(0x20...0xFF)
            strings.append((0..<Int.random(in: 1...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
        }
        // A reference trie of dictionaries, then its CSR form.
        var children: [[UInt8: Int32]] = [[:]]
        var value: [Int32] = [-1]
        for (k, s) in strings.enumerated() {
            var v = 0
            for b in s {
                if let c = children[v][b] { v = Int(c); continue }
                children.append([:])
                value.append(-1)
                children[v][b] = Int32(children.count - 1)
                v = children.count - 1
            }
            if value[v] < 0 { value[v] = Int32(k) }
        }
        var start: [Int32] = [0], label: [UInt8] = [], node: [Int32] = []
        for c in children {
            for (b, t) in c.sorted(by: { $0.key < $1.key }) { label.append(b); node.append(t) }
            start.append(Int32(label.count))
        }
        let trie = PackedTrie(childStart: start, childLabel: label, childNode: node, value: value)
        #expect(trie.nodeCount == children.count)
        // Walk every string, its prefixes extended by every byte, and random strings through both
        // tries: the same values where the reference has them, and the same place where each leaves.
        var probes = strings
        for s in strings { for b in [0x00, 0x61, 0x63, 0xD0, 0xFF] as [UInt8] { probes.append(Array(s.dropLast()) + [b]) } }
        for _ in 0..<400 { probes.append((0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0x5F...0x64, using: &rng) }) }
        trie.withView { view in
            for p in probes {
                var expected: [[Int]] = []
                var v = 0, depth = 0
                while depth < p.count, let c = children[v][p[depth]] {
                    v = Int(c)
                    depth += 1
                    if value[v] >= 0 { expected.append([depth, Int(value[v])]) }
                }
                expected.append([depth])
                var found: [[Int]] = []
                p.withUnsafeBufferPointer { buf in
                    var o = view.rootChild(buf[0])
                    var j = 1
                    var reached = o == 0 ? 0 : 1
                    while o != 0 {
                        let h = view.header(o)
                        if PackedTrie.View.hasValue(h) { found.append([j, Int(view.value(o))]) }
                        reached = j
                        guard j < buf.count else { break }
                        o = view.advance(o, h, buf, &j)
                    }
                    found.append([reached])
                }
                // A run is left as a whole: the walk stops where the run started.
                #expect(found.dropLast() == expected.dropLast(), "\(p)")
                #expect(found.last![0] <= expected.last![0], "\(p)")
            }
        }
    }

    @Test(arguments: 1...8)
    func automatonMatchesLikeANaiveSearch(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        var patterns: [Automaton.Pattern] = []
        for k in 0..<Int.random(in: 20...120, using: &rng) {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                if !bytes.isEmpty && Int.random(in: 0..<6, using: &rng) == 0 { bytes.append(Automaton.wordRest) }
                bytes += FoldedText.fold(pieces.randomElement(using: &rng)!)
            }
            if Int.random(in: 0..<20, using: &rng) == 0 { bytes.append(Automaton.wordRest) }
            patterns.append(.init(bytes: bytes, payload: Int32(k), isStem: Int.random(in: 0..<4, using: &rng) == 0))
            // Some patterns twice, with another payload, as lexicon lines with one term.
            if Int.random(in: 0..<8, using: &rng) == 0 {
                patterns.append(.init(bytes: bytes, payload: Int32(1000 + k), isStem: Bool.random(using: &rng)))
            }
        }
        let automaton = Automaton(patterns: patterns)
        for _ in 0..<30 {
            let text = FoldedText(randomText(&rng, pieces: Int.random(in: 0...60, using: &rng)))
            #expect(automaton.matches(in: text) == naiveMatches(patterns, text))
        }
    }

    @Test(arguments: 1...8)
    func placeTrieKeepsTheLongestWholeWordMatches(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        var data: [UInt8] = []
        var forms: [(range: Range<Int>, payload: Int32)] = []
        for k in 0..<Int.random(in: 20...150, using: &rng) {
            var form: [UInt8] = []
            while form.count < 2 { form += FoldedText.fold(randomText(&rng, pieces: Int.random(in: 1...5, using: &rng))) }
            forms.append((data.count..<(data.count + form.count), Int32(k)))
            data += form
        }
        let trie = data.withUnsafeBufferPointer { PlaceTrie(bytes: $0, forms: forms) }
        for _ in 0..<30 {
            let folded = FoldedText(randomText(&rng, pieces: Int.random(in: 0...60, using: &rng)))
            let text = folded.bytes
            let starts = WalkStarts(tokens: Tokenizer.tokens(folded), text: folded)
            var found: [[Int]] = []
            text.withUnsafeBufferPointer { buf in trie.forEachLongestMatch(in: buf, startingAt: starts) { found.append([$0, $1, Int($2)]) } }
            #expect(found == naiveLongestMatches(forms, data, text))
        }
    }

    @Test func wordGateLetsEveryWholeWordStartThrough() {
        var rng = SplitMix64(state: 3)
        let strings = (0..<300).map { _ in FoldedText.fold(randomText(&rng, pieces: Int.random(in: 1...4, using: &rng))) }
            .filter { !$0.isEmpty && PlaceTrie.isWordLead($0[0]) }
        let gate = WordGate(strings: strings)
        var rejected = 0, starts = 0
        for _ in 0..<200 {
            let text = FoldedText(randomText(&rng, pieces: 30)).bytes
            text.withUnsafeBufferPointer { buf in
                gate.withView { view in
                    for i in 0..<buf.count where PlaceTrie.isWordLead(buf[i]) && (i == 0 || !PlaceTrie.isWordLead(buf[i - 1]) && buf[i - 1] & 0xC0 != 0x80) {
                        let passes = view.mayStart(buf, at: i, wordEnd: WordGate.wordEnd(buf, from: i))
                        // A string matching here as a place would (ending at a word end) must pass.
                        if strings.contains(where: { buf[i...].starts(with: $0) && PlaceTrie.isWordEnd(buf, i + $0.count) }) { #expect(passes) }
                        starts += 1
                        if !passes { rejected += 1 }
                    }
                }
            }
        }
        #expect(rejected > 0 && starts > rejected)
    }
}

/// `PlaceTrie.forEachLongestMatch` spelled out: at each word start the longest form that ends at
/// a word end (the first given of equal forms), then on after it.
private func naiveLongestMatches(_ forms: [(range: Range<Int>, payload: Int32)], _ data: [UInt8], _ text: [UInt8]) -> [[Int]] {
    let n = text.count
    let lead = PlaceTrie.isWordLead
    var result: [[Int]] = []
    var i = 0
    var previousIsWord = false
    while i < n {
        let b = text[i]
        if b & 0xC0 == 0x80 { i += 1; continue }
        let isWord = lead(b)
        if isWord && !previousIsWord {
            var best: (end: Int, payload: Int32)?
            for f in forms {
                let j = i + f.range.count
                guard j <= n, text[i..<j].elementsEqual(data[f.range]) else { continue }
                guard j == n || !lead(text[j]) || !lead(text[j - 1]) && text[j - 1] & 0xC0 != 0x80 else { continue }
                if best == nil || j > best!.end { best = (j, f.payload) }
            }
            if let m = best {
                result.append([i, m.end, Int(m.payload)])
                i = m.end
                previousIsWord = lead(text[m.end - 1]) || text[m.end - 1] & 0xC0 == 0x80
                continue
            }
        }
        previousIsWord = isWord
        i += 1
    }
    return result
}

@Suite struct WalkStartsTests {
    /// Words, joined words, digits glued to letters, bare joiners, symbols and multi-byte
    /// punctuation, in the languages the lexicon and gazetteer hold.
    private static let pieces = [
        "Kyiv", " ", "  ", "\n", "Kharkiv region", "Oblast Saporischschja", "Херсоні", "Харківщина", "п'ять", "п’ять",
        "Kh-101", "Shahed-Drohnen", "22-летний", "15-ти", "50", "1,900", "$", "€", "%", "/", "-", "'", "«", "»", "—",
        "shot down", "launched", "drones", "Russia", "ракети", "Iskander-M", "Sewastopol", "Севастополе", ".", ",",
        "St. Petersburg", "Nova Kakhovka", "Нова Каховка", "дронів", "über", "ß", "🚀", "x", "o'clock",
    ]

    private static func text(_ rng: inout SplitMix64) -> FoldedText {
        FoldedText((0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
    }

    /// The walk starts a plain scan finds: every scalar start whose scalar is a word character
    /// after one that is not, and every other scalar but space and line break (marked `symbol`).
    private static func scannedStarts(_ t: FoldedText) -> [UInt32] {
        let b = t.bytes
        func isWord(_ c: UInt8) -> Bool {
            c < 0x80 ? (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) : c >= 0xC3 && c <= 0xD4
        }
        var out: [UInt32] = []
        var previousIsWord = false
        for (i, c) in b.enumerated() where c & 0xC0 != 0x80 {
            if isWord(c) {
                if !previousIsWord { out.append(UInt32(i)) }
            } else if c != 0x20 && c != 0x0A {
                out.append(UInt32(i) | WalkStarts.symbol)
            }
            previousIsWord = isWord(c)
        }
        return out
    }

    @Test func tokenStartsAreTheScannedStarts() {
        var rng = SplitMix64(state: 11)
        for _ in 0..<1_000 {
            let t = Self.text(&rng)
            let starts = WalkStarts(tokens: Tokenizer.tokens(t), text: t)
            #expect(starts.positions == Self.scannedStarts(t), "\(t.string(0..<t.bytes.count))")
            // A word start knows where its run of letters and digits ends.
            t.bytes.withUnsafeBufferPointer { buf in
                for (k, p) in starts.positions.enumerated() where p & WalkStarts.symbol == 0 {
                    #expect(Int(starts.wordEnds[k]) == WordGate.wordEnd(buf, from: Int(p)))
                }
            }
        }
    }
}
