extension Token {
    /// Whether this is the one-byte punctuation `byte` (",", ":", "-") of the folded `bytes`.
    @inline(__always)
    package func isPunct(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        kind == .punct && end - start == 1 && bytes[start] == byte
    }

    /// Whether this is a hyphen, an en dash or an em dash of the folded `bytes`.
    package func isDash(in bytes: [UInt8]) -> Bool {
        guard kind == .punct else { return false }
        if end - start == 1 { return bytes[start] == 0x2D }
        return end - start == 3 && bytes[start] == 0xE2 && bytes[start + 1] == 0x80
            && (bytes[start + 2] == 0x93 || bytes[start + 2] == 0x94)
    }
}
