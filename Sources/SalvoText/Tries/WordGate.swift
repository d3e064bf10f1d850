/// A bitset over hashes of the first word of a set of byte strings, for strings that must start and
/// end on word boundaries (place names): a name can only start where the text's first word is the
/// name's first word, so a word whose hash bit is clear starts none, and the walk of a large trie
/// (which waits on memory at every step) is skipped.
///
/// A word here is a run of word characters, ASCII letters and digits and the letters whose lead
/// byte is C3–D4, as `PlaceTrie` counts word ends: "kharkiv" is the first word of "kharkiv oblast"
/// and of "kharkiv-based". It never rejects a real start; with 2^20 bits and ~40,000 first words
/// it lets about 4% of other words through.
///
/// ```swift
/// let gate = WordGate(strings: [Array("nova kakhovka".utf8), Array("kyiv".utf8)])
/// let text = Array("kyiv and nova".utf8)
/// text.withUnsafeBufferPointer { buf in
///     gate.withView { gate in [0, 5, 9].map { gate.mayStart(buf, at: $0, wordEnd: WordGate.wordEnd(buf, from: $0)) } }   // [true, false, true] (almost surely false)
/// }
/// ```
struct WordGate: Sendable {
    private static let bits = 20
    private let words: [UInt64]

    init<S: Sequence>(strings: S) where S.Element: Collection, S.Element.Element == UInt8 {
        var words = [UInt64](repeating: 0, count: 1 << Self.bits / 64)
        func insert(_ buf: UnsafeBufferPointer<UInt8>) {
            guard !buf.isEmpty else { return }
            let h = Self.hash(buf, from: 0, to: Self.wordEnd(buf, from: 0))
            words[h >> 6] |= 1 << UInt64(h & 63)
        }
        for s in strings {
            // Buffers and arrays are read in place; only other collections are copied.
            if s.withContiguousStorageIfAvailable(insert) == nil { Array(s).withUnsafeBufferPointer(insert) }
        }
        self.words = words
    }

    /// The end of the run of word characters from `i`.
    @inline(__always)
    static func wordEnd(_ buf: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while j < buf.count {
            let b = buf[j]
            // A continuation byte belongs to the letter before it; the run stops before any lead
            // byte that is not a letter, so the bytes after that lead are never reached.
            if b & 0xC0 == 0x80 || PlaceTrie.isWordLead(b) { j &+= 1 } else { break }
        }
        return j
    }

    /// A hash of the word's bytes, eight at a time, folded to `bits` bits.
    @inline(__always)
    static func hash(_ buf: UnsafeBufferPointer<UInt8>, from i: Int, to end: Int) -> Int {
        let base = UnsafeRawPointer(buf.baseAddress!)
        var h = UInt64(end - i) &* 0x9E37_79B9_7F4A_7C15
        var k = i
        while k + 8 <= end {
            h = (h ^ base.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            k &+= 8
        }
        if k < end {
            // The last bytes, as one little-endian word: a masked load where the buffer allows it.
            var tail: UInt64 = 0
            if k + 8 <= buf.count {
                tail = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k, as: UInt64.self)) & (~0 >> UInt64(64 - 8 * (end - k)))
            } else {
                for m in k..<end { tail |= UInt64(buf[m]) << UInt64(8 * (m - k)) }
            }
            h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
        }
        return Int(truncatingIfNeeded: (h &* 0xC4CE_B9FE_1A85_EC53) >> UInt64(64 - bits))
    }

    /// Runs `body` with the bitset read through a raw pointer.
    @inline(__always)
    func withView<R>(_ body: (View) -> R) -> R {
        words.withUnsafeBufferPointer { body(View(words: $0.baseAddress!)) }
    }

    struct View {
        let words: UnsafePointer<UInt64>

        /// Whether a string of the set may start at the word start `i`, whose word ends at `wordEnd`.
        @inline(__always)
        func mayStart(_ buf: UnsafeBufferPointer<UInt8>, at i: Int, wordEnd: Int) -> Bool {
            let h = WordGate.hash(buf, from: i, to: wordEnd)
            return words[h >> 6] & 1 << UInt64(h & 63) != 0
        }
    }
}
