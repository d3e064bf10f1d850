/// Plain-text files: UTF-8 (with or without BOM), old Cyrillic single-byte charsets recognised by
/// their letters; binary data is refused. Invalid UTF-8 is repaired, not refused: the text is read
/// with U+FFFD in place of each bad byte, and `firstInvalid` says where the first one was.
enum PlainTextReader {
    struct Failure: Error { var message: String }

    struct Decoded {
        var text: String
        /// Offset in the input of the first byte that was replaced.
        var firstInvalid: Int?
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
        return .success(Decoded(text: text, firstInvalid: bad))
    }
}
