/// A news text as read from any source, before extraction.
///
/// JSON Lines input uses the same keys: `{"id", "url", "published", "language"?, "title"?, "text"}`.
public struct Document: Hashable, Codable, Sendable {
    public var id: String
    public var url: String?
    public var title: String?
    /// `en`, `de`, `uk` or `ru`; detected when the source does not say.
    public var language: String?
    public var published: Day?
    public var text: String

    public init(id: String, url: String? = nil, title: String? = nil, language: String? = nil,
                published: Day? = nil, text: String) {
        self.id = id
        self.url = url
        self.title = title
        self.language = language
        self.published = published
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case id, url, title, language, published, text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Ids arrive as strings or numbers in the wild.
        if let s = try? c.decode(String.self, forKey: .id) {
            id = s
        } else {
            id = String(try c.decode(Int.self, forKey: .id))
        }
        url = try c.decodeIfPresent(String.self, forKey: .url)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        // A timestamp or an unparseable date is kept as unknown rather than failing the record.
        published = (try? c.decodeIfPresent(String.self, forKey: .published)).flatMap { $0.flatMap { Day($0) } }
        text = try c.decode(String.self, forKey: .text)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeOrNull(url, forKey: .url)
        try c.encodeOrNull(title, forKey: .title)
        try c.encodeOrNull(language, forKey: .language)
        try c.encodeOrNull(published, forKey: .published)
        try c.encode(text, forKey: .text)
    }
}

/// The result of `salvo extract` for one document: the output contract of DESIGN.md.
public struct ExtractedDocument: Hashable, Codable, Sendable {
    public var id: String
    public var url: String?
    public var title: String?
    public var language: String?
    public var published: Day?
    public var events: [Event]
    /// The clean main text, only with `--include-text`.
    public var text: String?

    public init(id: String, url: String?, title: String?, language: String?, published: Day?, events: [Event], text: String? = nil) {
        self.id = id
        self.url = url
        self.title = title
        self.language = language
        self.published = published
        self.events = events
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case id, url, title, language, published, events, text }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeOrNull(url, forKey: .url)
        try c.encodeOrNull(title, forKey: .title)
        try c.encodeOrNull(language, forKey: .language)
        try c.encodeOrNull(published, forKey: .published)
        try c.encode(events, forKey: .events)
        if let text { try c.encode(text, forKey: .text) }
    }
}
