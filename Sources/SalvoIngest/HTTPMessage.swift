/// An HTTP/1.x response as stored in a WARC record: status, headers, body.
struct HTTPMessage {
    var status: Int
    var headers: [(String, String)]
    var body: ArraySlice<UInt8>

    init?(_ bytes: [UInt8]) {
        guard bytes.starts(with: Array("HTTP/".utf8)) else { return nil }
        var i = 0
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                var end = i
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                if end == start { i += 1; break }
                lines.append(bytes[start..<end])
                start = i + 1
            }
            i += 1
        }
        guard let statusLine = lines.first else { return nil }
        let parts = statusLine.split(separator: 0x20, maxSplits: 2)
        guard parts.count >= 2, let code = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
        status = code
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: 0x3A) else { return nil }
            let key = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            return (key, value)
        }
        body = bytes[min(i, bytes.count)...]
    }

    func header(_ name: String) -> String? { headers.first { $0.0 == name }?.1 }

    /// Undoes `Transfer-Encoding: chunked`; a damaged stream keeps what was read.
    static func dechunk(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = body.startIndex
        while i < body.endIndex {
            var size = 0
            var digits = 0
            while i < body.endIndex, let d = hexValue(body[i]) { size = size * 16 + d; digits += 1; i += 1; if digits > 8 { return out } }
            guard digits > 0 else { return out }
            while i < body.endIndex && body[i] != 0x0A { i += 1 }
            // A size line that never ends is the end of the stream (found by fuzzing: it used to step past the end).
            guard i < body.endIndex else { return out }
            i += 1
            if size == 0 { break }
            let end = min(i + size, body.endIndex)
            out.append(contentsOf: body[i..<end])
            i = end
            while i < body.endIndex && (body[i] == 0x0D || body[i] == 0x0A) { i += 1 }
        }
        return out
    }

    static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: return Int(b - 0x30)
        case 0x61...0x66: return Int(b - 0x61 + 10)
        case 0x41...0x46: return Int(b - 0x41 + 10)
        default: return nil
        }
    }
}
