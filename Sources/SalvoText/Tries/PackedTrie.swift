/// A byte trie packed depth first into one array of 32-bit words, for walks that wait on memory.
///
/// Each node is one record: a header word, its value word if it has one, then its edges. A node with
/// one child is followed directly by that child; a chain of such nodes without values (most of a
/// trie of names) is one run record holding the chain's bytes, which a walk compares eight at a
/// time. A node with a few children lists their labels, four to a word, then their record offsets;
/// a node with many children (the root, a Cyrillic lead byte) has a direct table over its label
/// range. A step of a walk thus touches one record, not a node array, an edge array and a target array.
///
/// Offsets are word indices; the root is at 0 and is a table over all 256 bytes, and 0 as a child
/// means "no child". `PackedTrie+Building.swift` lays the records out.
///
/// ```swift
/// // Root → "a" → "b", the node of "ab" holding value 7.
/// let trie = PackedTrie(childStart: [0, 1, 2, 2], childLabel: [0x61, 0x62], childNode: [1, 2], value: [-1, -1, 7])
/// Array("ab".utf8).withUnsafeBufferPointer { text in
///     trie.withView { view in
///         var j = 1
///         let a = view.rootChild(text[0])
///         let b = view.advance(a, view.header(a), text, &j)   // j == 2
///         PackedTrie.View.hasValue(view.header(b)) ? view.value(b) : -1   // 7
///     }
/// }
/// ```
struct PackedTrie: Sendable {
    /// Header bits: label (single child) or lowest label (table) in bits 0–7; edge count (list, 0 for
    /// a leaf), run length or table span − 1 in bits 8–15; the kind in bits 16–17; then the flags.
    enum Kind: UInt32 { case run = 0, single = 1, list = 2, table = 3 }
    static let hasValueBit: UInt32 = 1 << 18
    /// Set when the node has a child under 0xFF, a byte that never occurs in UTF-8 (`Automaton.wordRest`).
    static let hasEdgeFFBit: UInt32 = 1 << 19
    static let root = 0

    final class Storage: @unchecked Sendable {
        let words: UnsafeMutableBufferPointer<UInt32>
        /// Two zero words after the records, so eight-byte loads at a record's end stay in the buffer.
        init(words: [UInt32]) {
            self.words = .allocate(capacity: words.count + 2)
            _ = self.words.initialize(from: words + [0, 0])
        }
        deinit { words.deallocate() }
    }

    let storage: Storage
    /// Number of nodes (for diagnostics and benchmarks).
    let nodeCount: Int

    /// Runs `body` with the records read through a raw pointer (no bounds checks, no reference counting).
    @inline(__always)
    func withView<R>(_ body: (View) -> R) -> R {
        withExtendedLifetime(storage) { body(View(words: UnsafePointer(storage.words.baseAddress!))) }
    }

    struct View {
        let words: UnsafePointer<UInt32>

        /// The root's child under `byte`, 0 if none: one load, since every walk starts there.
        @inline(__always)
        func rootChild(_ byte: UInt8) -> Int { Int(words[1 &+ Int(byte)]) }

        /// The header word of the node at `node`, for `child`, `hasValue` and `hasEdgeFF`.
        @inline(__always)
        func header(_ node: Int) -> UInt32 { words[node] }

        /// The child of the node at `node`, whose header is `h`, under `byte`; 0 if none (not for a run).
        @inline(__always)
        func child(_ node: Int, _ h: UInt32, _ byte: UInt8) -> Int {
            let edges = node &+ 1 &+ Int(h >> 18 & 1)
            // Most steps are along chains, so the single child is tested first.
            if h & 0x3_0000 == Kind.single.rawValue << 16 { return UInt8(truncatingIfNeeded: h) == byte ? edges : 0 }
            let kind = h >> 16 & 3
            if kind == Kind.table.rawValue {
                let k = Int(byte) &- Int(h & 0xFF)
                return UInt(bitPattern: k) <= UInt(h >> 8 & 0xFF) ? Int(words[edges &+ k]) : 0
            }
            if kind == Kind.list.rawValue {
                // At most eight labels: all compared at once in one 64-bit word.
                let count = Int(h >> 8 & 0xFF)
                let labels = UInt64(littleEndian: UnsafeRawPointer(words + edges).loadUnaligned(as: UInt64.self))
                let x = labels ^ UInt64(byte) &* 0x0101_0101_0101_0101
                let zeros = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                let k = zeros.trailingZeroBitCount >> 3
                return k < count ? Int(words[edges &+ (count &+ 3) >> 2 &+ k]) : 0
            }
            return 0
        }

        /// The node reached from the node at `node` (header `h`) by the text at `j`, which must be
        /// before the end: one byte, or all the bytes of a run; `j` moves past them. 0 if the text
        /// leaves the trie.
        @inline(__always)
        func advance(_ node: Int, _ h: UInt32, _ buf: UnsafeBufferPointer<UInt8>, _ j: inout Int) -> Int {
            if h & 0x3_0000 == Kind.run.rawValue << 16 {
                let length = Int(h >> 8 & 0xFF)
                guard runMatches(node, length, buf, j) else { return 0 }
                j &+= length
                return node &+ 1 &+ (length &+ 3) >> 2
            }
            let next = child(node, h, buf[j])
            j &+= 1
            return next
        }

        /// Whether the text at `j` starts with the `length` bytes of the run at `node`.
        @inline(__always)
        private func runMatches(_ node: Int, _ length: Int, _ buf: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
            guard length <= buf.count &- j else { return false }
            let run = UnsafeRawPointer(words + (node &+ 1))
            let text = UnsafeRawPointer(buf.baseAddress! + j)
            var k = 0
            while k &+ 8 <= length {
                if run.loadUnaligned(fromByteOffset: k, as: UInt64.self) != text.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
                k &+= 8
            }
            let rest = length &- k
            if rest == 0 { return true }
            if j &+ k &+ 8 <= buf.count {
                // The run's words are followed by another record or the padding, so eight bytes are there.
                let a = UInt64(littleEndian: run.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                let b = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                return (a ^ b) & (1 << UInt64(8 &* rest) &- 1) == 0
            }
            while k < length {
                if run.load(fromByteOffset: k, as: UInt8.self) != text.load(fromByteOffset: k, as: UInt8.self) { return false }
                k &+= 1
            }
            return true
        }

        @inline(__always)
        static func hasValue(_ header: UInt32) -> Bool { header & PackedTrie.hasValueBit != 0 }

        @inline(__always)
        static func hasEdgeFF(_ header: UInt32) -> Bool { header & PackedTrie.hasEdgeFFBit != 0 }

        /// The node's value; only for a node with a value.
        @inline(__always)
        func value(_ node: Int) -> Int32 { Int32(bitPattern: words[node &+ 1]) }
    }
}
