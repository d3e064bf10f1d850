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

/// Feed dates: RFC 822 (`Mon, 18 Nov 2019 10:00:00 +0000`) in RSS, ISO 8601 in Atom and Dublin Core.
enum FeedDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func day(_ raw: String) -> String? {
        let s = raw.trimming("\n\r\t ")
        if let iso = PageMetadata.day(s) { return iso }
        var day: Int?, month: Int?, year: Int?
        for token in s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }) {
            let t = token.lowercased()
            if let m = months.firstIndex(where: { t.hasPrefix($0) }), month == nil {
                month = m + 1
            } else if let v = Int(t) {
                if v >= 1900 && year == nil { year = v } else if v <= 31 && day == nil { day = v } else if v < 100 && year == nil { year = 2000 + v }
            }
            if day != nil && month != nil && year != nil { break }
        }
        return PageMetadata.validDay(year, month, day)
    }
}
