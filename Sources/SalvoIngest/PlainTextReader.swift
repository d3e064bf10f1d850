/// Plain-text files: UTF-8 (with or without BOM); binary and invalid UTF-8 are refused with a reason.
enum PlainTextReader {
    struct Failure: Error { var message: String }

    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let probe = body.prefix(8192)
        if probe.contains(0) {
            return .failure(Failure(message: "binary data, not text"))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(Failure(message: "not valid UTF-8"))
        }
        return .success(text)
    }
}
