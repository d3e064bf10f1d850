/// What the first byte of a scalar in folded text says about it, in one load from a 256-byte table:
/// the scalar's width, whether it is a word character (ASCII letters and digits, Latin-1 to Cyrillic
/// letters, as `WordBoundary` counts them), and whether a pattern may start on it though it is not
/// (any other visible scalar: "$", "€", "%").
///
/// ```swift
/// let c = LeadByte.classes[0xD0]
/// (Int(c & LeadByte.widthMask), c & LeadByte.word != 0)   // (2, true)
/// ```
enum LeadByte {
    static let widthMask: UInt8 = 0x07
    static let word: UInt8 = 0x08
    static let symbol: UInt8 = 0x10

    static let classes: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        // Continuation bytes never start a scalar; they get the width of a two-byte scalar.
        let width: UInt8 = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        let isWord = b < 0x80 ? (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) : (0xC3...0xD4).contains(b)
        return width | (isWord ? word : b != 0x20 && b != 0x0A ? symbol : 0)
    }
}
