import Foundation
import SalvoMarkup

/// Title, publication date, language and canonical URL of a page, from `<meta>`, `<link>`,
/// `<time>`, `<html lang>` and JSON-LD.
///
/// ```swift
/// let meta = PageMetadata(tree: try MarkupTree(html: bytes))
/// meta.published  // "2024-11-17"
/// ```
struct PageMetadata {
    var title: String?
    var published: String?
    var language: String?
    var canonicalURL: String?
    /// JSON-LD `articleBody`, when the page carries one.
    var articleBody: String?
    /// A publication date the page gives in a form Salvo does not read (reported, not silently dropped).
    var unreadDate: String?

    /// The day of a date value; a value that is no date Salvo reads is remembered in `unread`.
    static func published(_ value: String, _ unread: inout String?) -> String? {
        if let d = PublishedDate.day(value) { return d }
        if unread == nil, !value.allSatisfy(\.isWhitespace) { unread = String(value.prefix(80)) }
        return nil
    }

    init(tree: MarkupTree) {
        var ogTitle: String?, titleTag: String?, h1: String?
        var metaDate: String?, timeDate: String?, ldDate: String?
        var ogURL: String?, metaLanguage: String?
        if tree.root != MarkupTree.none, let lang = tree.attribute("lang", of: tree.root) ?? tree.attribute("xml:lang", of: tree.root) {
            language = Self.languageCode(lang)
        }
        for i in 0..<tree.count {
            let n = MarkupTree.Node(i)
            switch tree.tag(n) {
            case .text: continue
            case .meta:
                let key = (tree.attribute("property", of: n) ?? tree.attribute("name", of: n)
                    ?? tree.attribute("itemprop", of: n) ?? tree.attribute("http-equiv", of: n))?.lowercased() ?? ""
                guard let content = tree.attribute("content", of: n), !content.isEmpty else { continue }
                switch key {
                case "og:title", "twitter:title": if ogTitle == nil { ogTitle = content }
                case "og:url": if ogURL == nil { ogURL = content }
                case "content-language", "og:locale", "language", "dc.language":
                    if metaLanguage == nil { metaLanguage = Self.languageCode(content) }
                case "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                     "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                     "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "published_time",
                     "og:article:published_time", "cxenseparse:recs:publishtime":
                    if metaDate == nil { metaDate = Self.published(content, &unreadDate) }
                default: break
                }
            case .title:
                if titleTag == nil { titleTag = Bytes.collapseSpaces(tree.string(n)) }
            case .h1:
                if h1 == nil { h1 = Bytes.collapseSpaces(tree.string(n)) }
            case .link:
                if canonicalURL == nil, tree.attribute("rel", of: n)?.lowercased() == "canonical",
                   let href = tree.attribute("href", of: n), !href.isEmpty {
                    canonicalURL = href
                }
            case .time:
                if timeDate == nil, let dt = tree.attribute("datetime", of: n) { timeDate = Self.published(dt, &unreadDate) }
            case .script:
                guard tree.attribute("type", of: n)?.lowercased() == "application/ld+json" else { continue }
                let json = tree.textContent(n)
                // Parse only what can still tell something: most pages' JSON-LD is about the site, not the article.
                let wanted = (articleBody == nil && Bytes.find(json, Self.articleBodyKey) != nil)
                    || (ldDate == nil && metaDate == nil && Bytes.find(json, Self.datePublishedKey) != nil)
                    || (ogTitle == nil && Bytes.find(json, Self.headlineKey) != nil)
                guard wanted else { continue }
                let ld = JSONLD(json)
                if ldDate == nil { ldDate = ld.datePublished.flatMap { Self.published($0, &unreadDate) } }
                if articleBody == nil { articleBody = ld.articleBody }
                if ogTitle == nil { ogTitle = ld.headline }
            default:
                if metaDate == nil, tree.attribute("itemprop", of: n) == "datePublished",
                   let v = tree.attribute("datetime", of: n) ?? tree.attribute("content", of: n) {
                    metaDate = Self.published(v, &unreadDate)
                }
            }
        }
        title = [ogTitle, h1, titleTag].compactMap { $0 }.first { !$0.isEmpty }
        published = metaDate ?? ldDate ?? timeDate
        if published != nil { unreadDate = nil }
        language = language ?? metaLanguage
        canonicalURL = canonicalURL ?? ogURL
    }

    static let articleBodyKey = Array("\"articlebody\"".utf8)
    static let datePublishedKey = Array("\"datepublished\"".utf8)
    static let headlineKey = Array("\"headline\"".utf8)

    /// `en-GB` → `en`, `uk_UA` → `uk`; nil for anything else.
    static func languageCode(_ s: String) -> String? {
        let primary = s.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard primary.count >= 2, primary.count <= 3, primary.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        return primary
    }

    /// The `YYYY-MM-DD` at the start of an ISO date or timestamp, if it is a plausible date.
    static func day(_ s: String) -> String? {
        let b = Array(s.utf8.drop { Bytes.isSpace($0) }.prefix(10))
        guard b.count == 10 || b.count >= 8 else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        let y: Int?, m: Int?, d: Int?
        if b.count == 10 && (b[4] == 0x2D || b[4] == 0x2F) && b[7] == b[4] {
            (y, m, d) = (digits(0..<4), digits(5..<7), digits(8..<10))
        } else {
            (y, m, d) = (digits(0..<4), digits(4..<6), digits(6..<8))
        }
        return validDay(y, m, d)
    }

    static func validDay(_ y: Int?, _ m: Int?, _ d: Int?) -> String? {
        guard let y, let m, let d, (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    /// A date in a URL path: `/2024/11/17/`, `/2024-11-17`, `/20241117/`.
    static func dateInURL(_ url: String) -> String? {
        let b = Array(url.utf8)
        func num(_ i: Int, _ len: Int) -> Int? {
            guard i + len <= b.count else { return nil }
            var v = 0
            for k in i..<(i + len) {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            return v
        }
        func sep(_ i: Int) -> Bool { i < b.count && (b[i] == 0x2F || b[i] == 0x2D || b[i] == 0x5F) }
        var i = 0
        while i + 8 <= b.count {
            if (i == 0 || !(b[i - 1] >= 0x30 && b[i - 1] <= 0x39)), let y = num(i, 4), (1990...2100).contains(y) {
                if sep(i + 4), let m = num(i + 5, 2), sep(i + 7), let d = num(i + 8, 2),
                   !(i + 10 < b.count && b[i + 10] >= 0x30 && b[i + 10] <= 0x39), let day = validDay(y, m, d) {
                    return day
                }
                if let m = num(i + 4, 2), let d = num(i + 6, 2), !(i + 8 < b.count && b[i + 8] >= 0x30 && b[i + 8] <= 0x39),
                   i > 0 && sep(i - 1), let day = validDay(y, m, d) {
                    return day
                }
            }
            i += 1
        }
        return nil
    }
}

/// The few JSON-LD fields Salvo uses, found anywhere in the object graph (`@graph`, arrays).
struct JSONLD {
    var datePublished: String?
    var articleBody: String?
    var headline: String?

    init(_ bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return }
        visit(object, depth: 0)
    }

    private mutating func visit(_ value: Any, depth: Int) {
        guard depth < 12 else { return }
        if let dict = value as? [String: Any] {
            if datePublished == nil, let d = dict["datePublished"] {
                // Some sites write epoch numbers here.
                if let text = d as? String { datePublished = text } else if let number = d as? NSNumber { datePublished = number.stringValue }
            }
            if articleBody == nil, let b = dict["articleBody"] as? String, !b.isEmpty { articleBody = b }
            if headline == nil, let h = dict["headline"] as? String, !h.isEmpty { headline = h }
            for (_, v) in dict where v is [String: Any] || v is [Any] { visit(v, depth: depth + 1) }
        } else if let array = value as? [Any] {
            for v in array { visit(v, depth: depth + 1) }
        }
    }
}
