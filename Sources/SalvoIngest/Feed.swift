import SalvoMarkup
import SalvoModel

/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: every item becomes a document (title, link,
/// publication date, and its content or summary as text).
///
/// ```swift
/// let feed = try Feed(bytes: xml)
/// for item in feed.items { print(item.title ?? "-", item.link ?? "-") }
/// ```
public struct Feed: Sendable {
    public struct Item: Sendable, Equatable {
        public var title: String?
        public var link: String?
        public var id: String?
        /// `YYYY-MM-DD`
        public var published: String?
        /// The item's content (or summary) as plain text.
        public var text: String
        public var language: String?
        /// A date the item gives in a form Salvo does not read (reported rather than dropped silently).
        public var unreadDate: String?
    }

    public var title: String?
    public var language: String?
    public var items: [Item] = []
    /// Items beyond the limit were left out.
    public var truncatedAt: Int?
    /// Broken or too deeply nested XML: the items are what could be recovered before the damage.
    public var problem: String?

    /// Parses a feed; refuses XML with entity declarations and non-feeds; recovers what it can from
    /// broken or too deeply nested XML (setting `problem`); keeps at most `maxItems` items (setting `truncatedAt`).
    public init(bytes: [UInt8], maxItems: Int = 10_000) throws(InputProblem) {
        let utf8 = Charset.detect(bytes).decodeToUTF8(bytes)
        // The XML declaration may name the original charset; the bytes are UTF-8 now.
        let tree: MarkupTree
        do {
            tree = try MarkupTree(xml: Self.relabelledUTF8(utf8))
        } catch {
            throw InputProblem(error.message)
        }
        problem = tree.warning
        let root = tree.root
        let rootName = Self.local(tree.name(root))
        var itemNodes: [MarkupTree.Node] = []
        var channel = root
        switch rootName {
        case "rss":
            channel = tree.children(of: root).first { Self.local(tree.name($0)) == "channel" } ?? root
            itemNodes = tree.children(of: channel).filter { Self.local(tree.name($0)) == "item" }
        case "rdf":
            channel = tree.children(of: root).first { Self.local(tree.name($0)) == "channel" } ?? root
            itemNodes = tree.children(of: root).filter { Self.local(tree.name($0)) == "item" }
        case "feed":
            itemNodes = tree.children(of: root).filter { Self.local(tree.name($0)) == "entry" }
        default:
            throw InputProblem("not an RSS or Atom feed (root element <\(tree.name(root))>)")
        }
        title = Self.childText(tree, channel, "title")
        language = Self.childText(tree, channel, "language").flatMap(PageMetadata.languageCode)
            ?? tree.attribute("xml:lang", of: root).flatMap(PageMetadata.languageCode)
        if itemNodes.count > maxItems {
            truncatedAt = maxItems
            itemNodes = Array(itemNodes.prefix(maxItems))
        }
        items = itemNodes.map { Self.item(tree, $0, atom: rootName == "feed", language: language) }
    }

    static func item(_ tree: MarkupTree, _ n: MarkupTree.Node, atom: Bool, language: String?) -> Item {
        var title: String?, link: String?, id: String?, date: String?, content: String?, summary: String?, unread: String?
        func readDate(_ text: String, _ unread: inout String?) -> String? {
            if let d = PublishedDate.day(text) { return d }
            if unread == nil, !text.allSatisfy(\.isWhitespace) { unread = String(text.trimmingSpaces.prefix(80)) }
            return nil
        }
        for c in tree.children(of: n) where !tree.isText(c) {
            let name = tree.name(c)
            switch name {
            case "title": title = Bytes.collapseSpaces(tree.string(c))
            case "link":
                if atom {
                    let rel = tree.attribute("rel", of: c) ?? "alternate"
                    if rel == "alternate" || link == nil, let href = tree.attribute("href", of: c) { link = href }
                } else {
                    link = tree.string(c).trimmingSpaces
                }
            case "guid", "id": id = tree.string(c).trimmingSpaces
            case "pubDate", "published", "dc:date", "dcterms:issued", "dcterms:created", "issued", "created":
                if date == nil { date = readDate(tree.string(c), &unread) }
            case "updated", "modified", "dcterms:modified":
                if date == nil { date = readDate(tree.string(c), &unread) }
            case "content:encoded", "content": content = tree.string(c)
            case "description", "summary": summary = tree.string(c)
            default: break
            }
        }
        let raw = [content, summary].compactMap { $0 }.first { !$0.trimmingSpaces.isEmpty } ?? ""
        return Item(title: title, link: link?.isEmpty == false ? link : nil, id: id, published: date,
                    text: FeedText.plain(raw), language: language, unreadDate: date == nil ? unread : nil)
    }

    static func childText(_ tree: MarkupTree, _ n: MarkupTree.Node, _ name: String) -> String? {
        guard let c = tree.children(of: n).first(where: { local(tree.name($0)) == name }) else { return nil }
        let s = Bytes.collapseSpaces(tree.string(c))
        return s.isEmpty ? nil : s
    }

    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name.lowercased() }
        return name[name.index(after: colon)...].lowercased()
    }

    /// Rewrites `encoding="…"` in the XML declaration to UTF-8 after decoding.
    static func relabelledUTF8(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.starts(with: Array("<?xml".utf8)), let end = bytes.prefix(200).firstIndex(of: 0x3E) else { return bytes }
        return Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8) + bytes[(end + 1)...]
    }

    /// Heuristic: the bytes look like a feed (RSS, RDF or Atom root near the top).
    public static func looksLikeFeed(_ bytes: some Collection<UInt8>) -> Bool {
        let head = Array(bytes.prefix(2048))
        let feedAt = ["<rss", "<feed", "<rdf:rdf"].compactMap { Bytes.find(head, Array($0.utf8)) }.min()
        guard let feedAt else { return false }
        // A page that merely mentions a feed (or item HTML inside a feed): whichever root comes first wins.
        let htmlAt = Bytes.find(head, Array("<html".utf8)) ?? Int.max
        return feedAt < htmlAt
    }
}
