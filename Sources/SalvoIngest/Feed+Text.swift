import SalvoMarkup

/// Item content is HTML (escaped in the feed); this turns it into plain paragraphs.
enum FeedText {
    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return Bytes.collapseSpaces(html) }
        guard let tree = try? MarkupTree(html: Array(("<html><body>" + html + "</body></html>").utf8)),
              tree.root != MarkupTree.none else { return Bytes.collapseSpaces(html) }
        let finder = MainTextFinder(tree: tree, stripUnlikely: false)
        return finder.allText(under: tree.root)
    }
}
