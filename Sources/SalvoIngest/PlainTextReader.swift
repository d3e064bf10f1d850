/// Plain-text files: UTF-8 (with or without BOM), old Cyrillic single-byte charsets recognised by
/// their letters; binary data is refused. Invalid UTF-8 is repaired, not refused: the text is read
/// with U+FFFD in place of each bad byte, and `firstInvalid` says where the first one was.
enum PlainTextReader {
    struct Failure: Error { var message: String }

    struct Decoded {
        var text: String
        /// Offset in the input of the first byte that is not UTF-8.
        var firstInvalid: Int?
        /// The single-byte charset the text was read in instead, if it was.
        var readAs: Charset?
    }

    static func decode(_ bytes: [UInt8]) -> Result<Decoded, Failure> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.prefix(8192).contains(0) {
            return .failure(Failure(message: "binary data, not text"))
        }
        let (text, bad) = UTF8Repair.decode(body)
        guard bad != nil else { return .success(Decoded(text: text)) }
        let sniffed = Charset.sniff(bytes)
        if sniffed == .windows1251 || sniffed == .koi8R {
            return .success(Decoded(text: String(decoding: sniffed.decodeToUTF8(bytes), as: UTF8.self)))
        }
        if looksLikeLatin1(body) {
            return .success(Decoded(text: String(decoding: Charset.windows1252.decodeToUTF8(Array(body)), as: UTF8.self),
                                    firstInvalid: bad, readAs: .windows1252))
        }
        return .success(Decoded(text: text, firstInvalid: bad))
    }

    /// Western single-byte text (Latin-1, windows-1252): no valid multi-byte sequence at all, and
    /// several high bytes, each an accented letter next to an ASCII letter (`München`, `café`). One
    /// stray byte in English text is not that: it is repaired as invalid UTF-8.
    static func looksLikeLatin1(_ body: ArraySlice<UInt8>) -> Bool {
        let census = Charset.utf8Census(Array(body))
        guard census.multibyte == 0, census.invalid >= 3 else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            if b >= 0x80 {
                guard b >= 0xC0, b != 0xD7, b != 0xF7 else { return false }
                let before = i > body.startIndex && isLetter(body[i - 1])
                let after = i + 1 < body.endIndex && isLetter(body[i + 1])
                guard before || after else { return false }
            }
            i += 1
        }
        return true
    }
}
