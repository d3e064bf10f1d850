import SalvoModel

/// Reads one flat JSON object — the input record `{"id", "url", "published", "language"?, "title"?,
/// "text"}` — straight from bytes. Records are read once per article and Foundation's decoder costs
/// as much as the extraction that follows; anything this parser does not expect (nested values,
/// unknown shapes) makes it give up, and the caller falls back to `JSONDecoder`.
///
/// ```swift
/// var parser = JSONRecordParser()
/// let doc = Array(#"{"id": 7, "text": "Drones hit Odesa."}"#.utf8).withUnsafeBufferPointer { parser.document($0) }
/// doc?.id   // "7"
/// ```
struct JSONRecordParser {
    /// Unescaped bytes of the string being read; kept from record to record so it is allocated once.
    var scratch: [UInt8] = []

    /// A field's value, as far as a `Document` cares.
    enum Value {
        case absent
        case null
        case string(String)
        case number(Int)
        case other
    }

    /// The fields a `Document` is made of; other keys are read (to check the record) and dropped.
    struct Record {
        var id = Value.absent, url = Value.absent, title = Value.absent
        var language = Value.absent, published = Value.absent, text = Value.absent
    }

    /// A `Document` from a flat record, or `nil` when the record needs the full decoder (to say what is wrong).
    mutating func document(_ b: UnsafeBufferPointer<UInt8>) -> Document? {
        unreadDate = nil
        guard let r = record(b) else { return nil }
        func optional(_ v: Value) -> String?? {
            switch v {
            case .absent, .null: return .some(nil)
            case .string(let s): return .some(s)
            default: return nil
            }
        }
        let id: String
        switch r.id {
        case .string(let s): id = s
        case .number(let v): id = String(v)
        default: return nil
        }
        guard case .string(let text) = r.text, let url = optional(r.url), let title = optional(r.title),
              let language = optional(r.language) else { return nil }
        let published: Day?
        switch r.published {
        case .absent, .null: published = nil
        case .string(let s): published = Self.day(s, unread: &unreadDate)
        case .number(let v): published = Self.day(epoch: Double(v), unread: &unreadDate)
        case .other: return nil
        }
        return Document(id: id, url: url, title: title, language: language, published: published, text: text)
    }

    /// The `published` value of the last record when it was given but is no date Salvo reads.
    var unreadDate: String?

    /// `YYYY-MM-DD` (the common case, read in place), else any format `PublishedDate` knows.
    static func day(_ s: String, unread: inout String?) -> Day? {
        if let d = Day(s) ?? PublishedDate.day(s).flatMap({ Day($0) }) { return d }
        if !s.allSatisfy(\.isWhitespace) { unread = s }
        return nil
    }

    static func day(epoch: Double, unread: inout String?) -> Day? {
        if let d = PublishedDate.day(epoch: epoch).flatMap({ Day($0) }) { return d }
        unread = "\(epoch)"
        return nil
    }

    /// The object's fields (a repeated key keeps its last value), or `nil` if the bytes are not a
    /// flat object this parser understands.
    mutating func record(_ b: UnsafeBufferPointer<UInt8>) -> Record? {
        var i = 0
        let n = b.count
        func skipSpace() { while i < n && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A) { i += 1 } }
        skipSpace()
        guard i < n, b[i] == 0x7B else { return nil }
        i += 1
        var out = Record()
        skipSpace()
        if i < n && b[i] == 0x7D { return out }
        while i < n {
            skipSpace()
            guard case .some(.some(let key)) = withString(b, &i, Self.field) else { return nil }
            skipSpace()
            guard i < n, b[i] == 0x3A else { return nil }
            i += 1
            skipSpace()
            guard i < n else { return nil }
            let value: Value
            switch b[i] {
            case 0x22:
                guard let s = string(b, &i) else { return nil }
                value = .string(s)
            case 0x6E:
                guard Self.word(b, i, "null") else { return nil }
                i += 4
                value = .null
            case 0x2D, 0x30...0x39:
                guard let v = Self.integer(b, &i) else { return nil }
                value = .number(v)
            case 0x74:
                guard Self.word(b, i, "true") else { return nil }
                i += 4
                value = .other
            case 0x66:
                guard Self.word(b, i, "false") else { return nil }
                i += 5
                value = .other
            default:
                return nil
            }
            switch key {
            case .id?: out.id = value
            case .url?: out.url = value
            case .title?: out.title = value
            case .language?: out.language = value
            case .published?: out.published = value
            case .text?: out.text = value
            case nil: break
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

    enum Field { case id, url, title, language, published, text }

    /// Which `Document` field a key names: `.some(nil)` for other keys, `nil` if the key is not valid UTF-8.
    static func field(_ key: UnsafeBufferPointer<UInt8>) -> Field?? {
        func named(_ name: StaticString) -> Bool {
            name.utf8CodeUnitCount == key.count && name.withUTF8Buffer { $0.elementsEqual(key) }
        }
        if named("text") { return .some(.text) }
        if named("id") { return .some(.id) }
        if named("url") { return .some(.url) }
        if named("title") { return .some(.title) }
        if named("language") { return .some(.language) }
        if named("published") { return .some(.published) }
        return validString(key) == nil ? nil : .some(nil)
    }

    /// An integer id; fractions, exponents and numbers of more than 18 digits are left to the full decoder.
    static func integer(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        let n = b.count
        var v = 0
        var negative = false
        if b[i] == 0x2D { negative = true; i += 1 }
        let start = i
        while i < n && b[i] >= 0x30 && b[i] <= 0x39 && i - start < 18 { v = v * 10 + Int(b[i] - 0x30); i += 1 }
        if i == start || (i < n && (b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 || (b[i] >= 0x30 && b[i] <= 0x39))) { return nil }
        return negative ? -v : v
    }

    /// Whether the literal `word` (`null`, `true`, `false`) starts at `i`.
    static func word(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ word: StaticString) -> Bool {
        let m = word.utf8CodeUnitCount
        return i + m <= b.count && word.withUTF8Buffer { $0.elementsEqual(UnsafeBufferPointer(rebasing: b[i..<(i + m)])) }
    }
}
