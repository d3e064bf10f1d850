/// A document's text folded for matching, with a map back to the original bytes.
///
/// Folding lowercases Latin, Latin-1 and Cyrillic letters (so `Херсоні` and `ХЕРСОНІ` match alike),
/// turns `ё` into `е`, unifies apostrophes (`’ ʼ ‘ ´ \``) into `'` (Ukrainian writes п’ять, пʼять
/// and п'ять), turns `‐ ‑` into `-`, drops soft hyphens and zero-width characters, and collapses each
/// run of white space into one space — or into one `\n` when the run holds a line break, because a
/// line break ends a headline or paragraph.
///
/// ```swift
/// let folded = FoldedText("Über  200 Drohnen")
/// String(decoding: folded.bytes, as: UTF8.self)   // "über 200 drohnen"
/// folded.originalOffset(of: 5)                      // 6: where "200" starts in the original
/// ```
public struct FoldedText: Sendable {
    /// The folded UTF-8 bytes.
    public let bytes: [UInt8]
    /// Where folded and original offsets drift apart: from `shifts[k].folded` on (up to the next
    /// shift), original = folded + `shifts[k].delta`. Most folding keeps byte lengths, so a document
    /// has a few shifts (collapsed white space, three-byte apostrophes) instead of a map entry per byte.
    let shifts: [Shift]
    /// Length of the original text, where the end of the folded text maps to.
    let originalCount: Int

    struct Shift: Sendable {
        var folded: Int32
        var delta: Int32
    }

    public init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { FoldedText(utf8: $0) }
    }

    public init(utf8 src: UnsafeBufferPointer<UInt8>) {
        // Folding never lengthens text, so the output fits in the source's length.
        var shifts: [Shift] = []
        bytes = [UInt8](unsafeUninitializedCapacity: max(src.count, 1)) { out, outCount in
            outCount = Self.fold(src, into: out.baseAddress!, shifts: &shifts)
        }
        self.shifts = shifts
        originalCount = src.count
    }

    /// Folds a lexicon term or query the same way as documents are folded.
    public static func fold(_ term: String) -> [UInt8] {
        FoldedText(term).bytes
    }

    /// The original byte offset of folded byte `index`, which must start a scalar or be the end.
    public func originalOffset(of index: Int) -> Int {
        if index >= bytes.count { return originalCount }
        var lo = 0, hi = shifts.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(shifts[mid].folded) <= index { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? index : index + Int(shifts[lo - 1].delta)
    }

    /// The folded range as a string (for diagnostics and tests).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
