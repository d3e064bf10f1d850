/// What the first byte of a scalar in folded text says about it, in one load from a 256-byte table:
/// whether it is a word character (ASCII letters and digits, Latin-1 to Cyrillic letters, as
/// `WordBoundary` counts them), and whether a pattern may start on it though it is not (any other
/// visible scalar: "$", "€", "%").
///
/// ```swift
/// LeadByte.classes[0xD0] & LeadByte.word != 0     // true
/// LeadByte.classes[0x24] & LeadByte.symbol != 0   // true ("$")
/// ```
enum LeadByte {
    static let word: UInt8 = 0x01
    static let symbol: UInt8 = 0x02

    static let classes: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let isWord = b < 0x80 ? (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) : (0xC3...0xD4).contains(b)
        return isWord ? word : b != 0x20 && b != 0x0A ? symbol : 0
    }
}
