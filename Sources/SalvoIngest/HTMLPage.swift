import SalvoMarkup
import SalvoModel

/// What Salvo takes from a web page: the clean article text and its metadata.
///
/// ```swift
/// let page = try HTMLPage(bytes: Array(html.utf8), url: "https://example.org/2024/11/17/strike")
/// print(page.title ?? "-", page.published ?? "-", page.text)
/// ```
public struct HTMLPage: Sendable {
    public var title: String?
    /// `YYYY-MM-DD`, from the page's metadata or its URL.
    public var published: String?
    /// The page's declared language, lowercased primary subtag (`en`, `uk`).
    public var language: String?
    public var canonicalURL: String?
    /// The main text, paragraphs separated by blank lines.
    public var text: String
    /// The character set the page was decoded from.
    public var charset: Charset
    /// A publication date the page gives in a form Salvo does not read, when no other date was found.
    public var unreadDate: String?
    /// For a UTF-8 page with damaged bytes (read as U+FFFD): the offset of the first one.
    public var firstInvalidUTF8: Int?

    /// Parses and extracts a page. `contentType` is the HTTP `Content-Type` header, if known
    /// (its `charset=` wins over the page's own `<meta charset>`).
    public init(bytes: [UInt8], url: String? = nil, contentType: String? = nil) throws(InputProblem) {
        let charset = Charset.detect(bytes, contentType: contentType)
        let utf8 = MarkupTree.withoutScripts(charset.decodeToUTF8(bytes))
        let tree: MarkupTree
        do {
            tree = try MarkupTree(html: utf8)
        } catch {
            throw InputProblem(error.message)
        }
        guard tree.root != MarkupTree.none else { throw InputProblem("no HTML content") }
        self.charset = charset
        if charset == .utf8 { firstInvalidUTF8 = bytes.withUnsafeBufferPointer { Charset.firstInvalidUTF8($0) } }
        text = MainTextFinder.mainText(of: tree)
        let meta = PageMetadata(tree: tree)
        title = meta.title
        language = meta.language
        canonicalURL = meta.canonicalURL
        published = meta.published ?? url.flatMap(PageMetadata.dateInURL) ?? meta.canonicalURL.flatMap(PageMetadata.dateInURL)
        if published == nil { unreadDate = meta.unreadDate }
        if let body = meta.articleBody, Bytes.visibleLength(body.utf8) > Bytes.visibleLength(text.utf8) * 3 / 2 {
            // The page's own structured data has a much longer body than the markup showed (lazy-loaded pages);
            // some sites put markup in it.
            text = body.contains("<") || body.contains("&") ? FeedText.plain(body) : body
        }
    }
}

/// A reason an input could not be read, without naming the input (the caller adds that).
public struct InputProblem: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension HTMLPage {
    /// The page as a Salvo document; with `cleanUp`, scraper leftovers are removed from the text.
    /// The language is the page's own declaration or `nil`: the text layer identifies the rest.
    public func document(id: String, url: String?, cleanUp: Bool = true) -> Document {
        var text = self.text
        var published = self.published
        if cleanUp {
            let c = TextCleanup.clean(text, title: title)
            text = c.text
            published = published ?? c.published
        }
        return Document(id: id, url: canonicalURL.flatMap { $0.hasPrefix("http") ? $0 : nil } ?? url, title: title,
                        language: language, published: published.flatMap { Day($0) }, text: text)
    }
}
