import SalvoMarkup

extension MainTextFinder {
    /// A description of the scoring, for tuning: the best-scoring containers with their paths.
    public static func debugDescription(html bytes: [UInt8]) -> String {
        guard let tree = try? MarkupTree(html: Charset.detect(bytes).decodeToUTF8(bytes)) else { return "unparseable" }
        var f = MainTextFinder(tree: tree)
        let chosen = f.candidates()
        func path(_ n: Node) -> String {
            var parts: [String] = []
            var c = n
            while c != MarkupTree.none {
                let cls = tree.attribute("class", of: c).map { "." + $0.prefix(30) } ?? ""
                let id = tree.attribute("id", of: c).map { "#" + $0.prefix(20) } ?? ""
                parts.append(tree.name(c) + id + cls)
                c = tree.parent(c)
            }
            return parts.reversed().joined(separator: " > ")
        }
        var lines = ["nodes \(tree.count) root \(tree.root) rootText \(f.textLength.first ?? 0)"]
        for c in tree.children(of: tree.root) {
            lines.append("  top: \(tree.name(c)) excluded=\(f.excluded[Int(c)]) text=\(f.textLength[Int(c)])")
        }
        for i in 0..<tree.count where f.excluded[i] && !tree.isText(Node(i)) {
            let p = tree.parent(Node(i))
            if p != MarkupTree.none && !f.excluded[Int(p)] {
                let raw = Bytes.visibleLength(tree.textContent(Node(i)))
                if raw > 300 { lines.append("  excluded \(raw): " + path(Node(i))) }
            }
        }
        let ranked = (0..<tree.count).filter { f.scored[$0] }.sorted { f.score[$0] > f.score[$1] }.prefix(8)
        for i in ranked {
            lines.append(String(format: "  %.1f ld=%.2f len=%d ", f.score[i], f.linkDensity(Node(i)), f.textLength[i]) + path(Node(i)))
        }
        for c in chosen { lines.append("  chosen: " + path(c)) }
        return lines.joined(separator: "\n")
    }
}
