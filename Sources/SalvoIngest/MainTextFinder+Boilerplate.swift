import SalvoMarkup

/// What counts as boilerplate: tags that never hold article text, class and id names that
/// mark navigation, widgets, comments and ads, and hidden elements.
extension MainTextFinder {
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "video", "audio", "button", "select", "input", "textarea", "option", "label", "nav", "footer",
        "aside", "header", "head", "title", "meta", "link", "dialog", "menu", "figcaption",
    ]

    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd", "mark", "q", "s", "small",
        "span", "strong", "sub", "sup", "time", "u", "var", "br", "wbr", "ins", "del", "dfn", "samp", "big",
        "strike", "tt", "nobr",
    ]

    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
        "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "figure",
        "figcaption", "header", "footer", "address", "hr", "form", "fieldset", "center", "caption", "details",
        "summary",
    ]

    /// Names that mark a block as not the article (readability's "unlikely candidates", extended).
    static let unlikely: [[UInt8]] = [
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus",
        "extra", "footer", "gdpr", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
        "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination",
        "pager", "popup", "yom-remote", "cookie", "consent", "newsletter", "subscribe", "share", "sharing",
        "promo", "outbrain", "taboola", "recommend", "trending", "most-popular", "mostpopular", "signup",
        "paywall", "byline", "author-bio", "authorbio", "tags", "tag-list", "taglist", "navbar", "masthead",
        "toolbar", "read-more", "readmore", "also-read", "more-stories", "print-only",
    ].map { Array($0.utf8) }

    /// Names that keep a block even when an unlikely name also matches (`article-comments-count` stays out,
    /// `main-content` stays in).
    static let maybe: [[UInt8]] = ["and", "article", "body", "column", "content", "main", "shadow", "story", "post-text"]
        .map { Array($0.utf8) }

    static let positive: [[UInt8]] = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story",
    ].map { Array($0.utf8) }

    static let negative: [[UInt8]] = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "caption", "credit", "byline",
    ].map { Array($0.utf8) }

    /// `class` and `id` together, lowercased bytes (empty if neither).
    static func classAndID(_ tree: MarkupTree, _ n: Node) -> [UInt8] {
        var out: [UInt8] = []
        for (name, value) in tree.attributes(of: n) where name == "class" || name == "id" {
            if !out.isEmpty { out.append(0x20) }
            for b in value.utf8 { out.append(Bytes.lower(b)) }
        }
        return out
    }

    static func weight(_ names: [UInt8]) -> Int16 {
        guard !names.isEmpty else { return 0 }
        var w: Int16 = 0
        if negative.contains(where: { Bytes.contains(names, $0) }) { w -= 25 }
        if positive.contains(where: { Bytes.contains(names, $0) }) { w += 25 }
        return w
    }

    static func isDropped(_ tree: MarkupTree, _ n: Node, name: String, classAndID names: [UInt8], stripUnlikely: Bool) -> Bool {
        if droppedTags.contains(name) { return true }
        for (attr, value) in tree.attributes(of: n) {
            switch attr {
            case "hidden": return true
            case "aria-hidden" where value == "true": return true
            case "style":
                let v = Array(value.utf8)
                if Bytes.contains(v, Array("display:none".utf8)) || Bytes.contains(v, Array("display: none".utf8))
                    || Bytes.contains(v, Array("visibility:hidden".utf8)) {
                    return true
                }
            case "role" where value == "navigation" || value == "complementary" || value == "contentinfo"
                || value == "banner" || value == "dialog" || value == "alert":
                return true
            default: break
            }
        }
        guard stripUnlikely, !names.isEmpty, name != "body", name != "html", name != "article", name != "main", name != "a" else { return false }
        if unlikely.contains(where: { Bytes.contains(names, $0) }) && !maybe.contains(where: { Bytes.contains(names, $0) }) {
            return true
        }
        return false
    }
}
