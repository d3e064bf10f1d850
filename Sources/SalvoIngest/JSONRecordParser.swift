import SalvoModel

/// Reads one flat JSON object — the input record `{"id", "url", "published", "language"?, "title"?,
/// "text"}` — straight from bytes. Records are read once per article and Foundation's decoder costs
/// as much as the extraction that follows; anything this parser does not expect (nested values,
/// unknown shapes) makes it give up, and the caller falls back to `JSONDecoder`.
struct JSONRecordParser {
    enum Value {
        case string(String)
        case number(Int)
        case null
        case other
    }

    /// The object's fields, or `nil` if the bytes are not a flat object this parser understands.
    static func fields(_ b: UnsafeBufferPointer<UInt8>) -> [String: Value]? {
        var i = 0
        let n = b.count
        func skipSpace() { while i < n && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A) { i += 1 } }
        skipSpace()
        guard i < n, b[i] == 0x7B else { return nil }
        i += 1
        var out: [String: Value] = [:]
        skipSpace()
        if i < n && b[i] == 0x7D { return out }
        while i < n {
            skipSpace()
            guard let key = string(b, &i) else { return nil }
            skipSpace()
            guard i < n, b[i] == 0x3A else { return nil }
            i += 1
            skipSpace()
            guard i < n else { return nil }
            switch b[i] {
            case 0x22:
                guard let s = string(b, &i) else { return nil }
                out[key] = .string(s)
            case 0x6E:
                guard i + 4 <= n, b[i + 1] == 0x75, b[i + 2] == 0x6C, b[i + 3] == 0x6C else { return nil }
                i += 4
                out[key] = .null
            case 0x2D, 0x30...0x39:
                var v = 0
                var negative = false
                if b[i] == 0x2D { negative = true; i += 1 }
                let start = i
                while i < n && b[i] >= 0x30 && b[i] <= 0x39 && i - start < 18 { v = v * 10 + Int(b[i] - 0x30); i += 1 }
                // Fractions, exponents and huge numbers are not ids: leave them to the full decoder.
                if i == start || (i < n && (b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 || (b[i] >= 0x30 && b[i] <= 0x39))) { return nil }
                out[key] = .number(negative ? -v : v)
            case 0x74, 0x66:
                let word: [UInt8] = b[i] == 0x74 ? Array("true".utf8) : Array("false".utf8)
                guard i + word.count <= n, b[i..<(i + word.count)].elementsEqual(word) else { return nil }
                i += word.count
                out[key] = .other
            default:
                return nil
            }
            skipSpace()
            guard i < n else { return nil }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D {
                i += 1
                skipSpace()
                return i == n ? out : nil
            }
            return nil
        }
        return nil
    }

    /// A JSON string at `i` (on its opening quote), unescaped; `nil` if malformed or not valid UTF-8.
    static func string(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String? {
        let n = b.count
        guard i < n, b[i] == 0x22 else { return nil }
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < n && b[i] != 0x22 && b[i] != 0x5C {
            if b[i] < 0x20 { return nil }
            i += 1
        }
        guard i < n else { return nil }
        if b[i] == 0x22 {
            defer { i += 1 }
            return String(validating: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        }
        var out = Array(b[start..<i])
        while i < n {
            let c = b[i]
            if c == 0x22 {
                i += 1
                return String(validating: out, as: UTF8.self)
            }
            if c < 0x20 { return nil }
            if c != 0x5C { out.append(c); i += 1; continue }
            guard i + 1 < n else { return nil }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard var scalar = hex4(b, i) else { return nil }
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 6 <= n, b[i] == 0x5C, b[i + 1] == 0x75, let low = hex4(b, i + 2), (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                guard let u = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: String(Character(u)).utf8)
            default:
                return nil
            }
        }
        return nil
    }

    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32? {
        guard i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = b[k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// A `Document` from a flat record, or `nil` when the record needs the full decoder (to say what is wrong).
    static func document(_ b: UnsafeBufferPointer<UInt8>) -> Document? {
        guard let f = fields(b) else { return nil }
        func str(_ k: String) -> String?? {
            switch f[k] {
            case nil, .null?: return .some(nil)
            case .string(let s)?: return .some(s)
            default: return nil
            }
        }
        let id: String
        switch f["id"] {
        case .string(let s)?: id = s
        case .number(let v)?: id = String(v)
        default: return nil
        }
        guard case .string(let text)? = f["text"], let url = str("url"), let title = str("title"),
              let language = str("language"), let published = str("published") else { return nil }
        return Document(id: id, url: url, title: title, language: language, published: published.flatMap { Day($0) }, text: text)
    }
}
