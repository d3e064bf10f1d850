/// Word characters on folded UTF-8, for matching whole words and stems.
public enum WordBoundary {
    /// Whether the byte at `i` continues a word: ASCII letters and digits, and every byte of a
    /// Latin-1, Latin Extended, Greek or Cyrillic letter (lead bytes C3–D4 and their continuation bytes).
    @inlinable
    public static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 {
            return (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A)
        }
        if b >= 0xC3 && b <= 0xD4 { return true }
        if b < 0xC0 {
            // A continuation byte is part of a letter when it follows a two-byte letter's lead byte;
            // three- and four-byte scalars (punctuation, symbols) are never letters here.
            return i > 0 && bytes[i - 1] >= 0xC3 && bytes[i - 1] <= 0xD4
        }
        return false
    }

    /// The end of the word that contains `i`.
    @inlinable
    public static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while j < bytes.count && isWordByte(bytes, j) { j += 1 }
        return j
    }
}
