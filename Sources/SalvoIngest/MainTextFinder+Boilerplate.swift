import SalvoMarkup

/// What counts as boilerplate: tags that never hold article text, class and id names that
/// mark navigation, widgets, comments and ads, and hidden elements.
extension MainTextFinder {
    /// Elements that never hold article text.
    static func isDroppedTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas, .video, .audio,
             .button, .select, .input, .textarea, .option, .label, .nav, .footer, .aside, .header, .head, .title,
             .meta, .link, .dialog, .menu, .figcaption:
            return true
        default:
            return false
        }
    }

    /// Names that mark a block as not the article (readability's "unlikely candidates", extended).
    static let unlikely: [[UInt8]] = [
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus",
        "extra", "footer", "gdpr", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
        "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination",
        "pager", "popup", "yom-remote", "cookie", "consent", "newsletter", "subscribe", "share", "sharing",
        "promo", "outbrain", "taboola", "recommend", "trending", "most-popular", "mostpopular", "signup",
        "byline", "author-bio", "authorbio", "tags", "tag-list", "taglist", "navbar", "masthead",
        "toolbar", "caption", "read-more", "readmore", "also-read", "more-stories", "print-only",
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

    /// Which of the name lists a class/id string hits, found in one pass.
    struct NameMatches: OptionSet {
        let rawValue: UInt8
        static let unlikely = NameMatches(rawValue: 1)
        static let maybe = NameMatches(rawValue: 2)
        static let positive = NameMatches(rawValue: 4)
        static let negative = NameMatches(rawValue: 8)
    }

    static let namePatterns = PatternSet([
        (unlikely, NameMatches.unlikely.rawValue), (maybe, NameMatches.maybe.rawValue),
        (positive, NameMatches.positive.rawValue), (negative, NameMatches.negative.rawValue),
    ])

    /// `class` and `id` together, lowercased bytes, into `out` (left empty if neither).
    static func classAndID(_ tree: MarkupTree, _ n: Node, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        for (name, value) in tree.attributes(of: n) where name == "class" || name == "id" {
            if !out.isEmpty { out.append(0x20) }
            for b in value.utf8 { out.append(Bytes.lower(b)) }
        }
    }

    static func weight(_ m: NameMatches) -> Int16 {
        var w: Int16 = 0
        if m.contains(.negative) { w -= 25 }
        if m.contains(.positive) { w += 25 }
        return w
    }

    static func isDropped(_ tree: MarkupTree, _ n: Node, tag: HTMLTag, names: NameMatches, stripUnlikely: Bool) -> Bool {
        if isDroppedTag(tag) { return true }
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
        guard stripUnlikely, tag != .body, tag != .html, tag != .article, tag != .main, tag != .a else { return false }
        return names.contains(.unlikely) && !names.contains(.maybe)
    }
}

/// Several byte patterns searched for at once: candidates are bucketed by their first byte, so
/// each position of the text is compared only with patterns that can start there.
struct PatternSet {
    private var buckets: [[(pattern: [UInt8], mask: UInt8)]] = Array(repeating: [], count: 256)

    init(_ groups: [([[UInt8]], UInt8)]) {
        for (patterns, mask) in groups {
            for p in patterns where !p.isEmpty { buckets[Int(p[0])].append((p, mask)) }
        }
    }

    /// The union of the masks of all patterns found in `text` (lowercase ASCII expected).
    func matches<M: OptionSet>(_ text: [UInt8]) -> M where M.RawValue == UInt8 {
        var found: UInt8 = 0
        let n = text.count
        text.withUnsafeBufferPointer { t in
            for i in 0..<n {
                let bucket = buckets[Int(t[i])]
                if bucket.isEmpty { continue }
                for (p, mask) in bucket where found & mask == 0 && i + p.count <= n {
                    var j = 1
                    while j < p.count && t[i + j] == p[j] { j += 1 }
                    if j == p.count { found |= mask }
                }
            }
        }
        return M(rawValue: found)
    }
}
