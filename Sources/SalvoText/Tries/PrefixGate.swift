/// A bitset over hashes of the first four bytes of a set of byte strings: a check, in one load from
/// an 8 KB table that stays cached, that no string can start at a text position, so the walk of a
/// large trie is skipped.
///
/// It never rejects a position where a string starts, and lets through ~8% of the others per 5,000
/// distinct prefixes. A string shorter than four bytes is entered with every byte that may follow it.
///
/// ```swift
/// let gate = PrefixGate(strings: [Array("kyiv".utf8), Array("ufa".utf8)])
/// let text = Array("kyiv, ufa, hello".utf8)
/// text.withUnsafeBufferPointer { buf in
///     gate.withView { gate in [0, 6, 11].map { gate.mayStart(buf, at: $0) } }   // [true, true, false] (almost surely false)
/// }
/// ```
struct PrefixGate: Sendable {
    private static let bits = 16
    private let words: [UInt64]

    init<S: Sequence>(strings: S) where S.Element: Collection, S.Element.Element == UInt8 {
        var words = [UInt64](repeating: 0, count: 1 << Self.bits / 64)
        func insert(_ key: UInt32) {
            let h = Self.hash(key)
            words[h >> 6] |= 1 << UInt64(h & 63)
        }
        for s in strings {
            var key: UInt32 = 0
            var length = 0
            for b in s.prefix(4) {
                key |= UInt32(b) << (8 * length)
                length += 1
            }
            switch length {
            case 4: insert(key)
            case 3: for b in 0..<UInt32(256) { insert(key | b << 24) }
            case 2: for b in 0..<UInt32(65536) { insert(key | b << 16) }
            default: words = [UInt64](repeating: ~0, count: words.count)  // nothing shorter can be gated
            }
        }
        self.words = words
    }

    @inline(__always)
    static func hash(_ key: UInt32) -> Int { Int((key &* 0x9E37_79B1) >> UInt32(32 - bits)) }

    /// Runs `body` with the bitset read through a raw pointer.
    @inline(__always)
    func withView<R>(_ body: (View) -> R) -> R {
        words.withUnsafeBufferPointer { body(View(words: $0.baseAddress!)) }
    }

    struct View {
        let words: UnsafePointer<UInt64>

        /// Whether a string of the set may start at `i`; bytes past the end count as zero.
        @inline(__always)
        func mayStart(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
            var key: UInt32
            if i &+ 4 <= buf.count {
                key = UInt32(littleEndian: UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt32.self))
            } else {
                key = 0
                for k in i..<buf.count { key |= UInt32(buf[k]) << (8 * (k - i)) }
            }
            let h = PrefixGate.hash(key)
            return words[h >> 6] & 1 << UInt64(h & 63) != 0
        }
    }
}
