import SalvoMarkup

/// Finds the article body of a web page: scores paragraph-like blocks by text length and commas,
/// passes the scores up to their containers, discounts link-heavy and boilerplate-named ones,
/// takes the best container with its related siblings, and prints it without the lists of links,
/// share bars and widgets inside it.
///
/// General content heuristics only (text density, link density, paragraph structure, class and
/// id names); no rules for particular sites.
///
/// ```swift
/// let tree = try MarkupTree(html: bytes)
/// let body = MainTextFinder(tree: tree).mainText()
/// ```
public struct MainTextFinder {
    typealias Node = MarkupTree.Node
    let tree: MarkupTree
    /// Dropped outright (scripts, navigation, hidden, boilerplate-named) or inside such a node.
    var excluded: [Bool]
    /// Visible characters of non-excluded text beneath a node.
    var textLength: [Int32]
    /// Of which inside links.
    var linkLength: [Int32]
    /// Of which inside `blockquote` (quotations and embedded posts, which are article text).
    var quoteLength: [Int32]
    /// Of which in direct text children or inline elements (what a `div` says itself).
    var inlineLength: [Int32]
    var commas: [Int32]
    var paragraphs: [Int32]
    var images: [Int32]
    var listItems: [Int32]
    var inputs: [Int32]
    var headings: [Int32]
    /// Class/id weight: +25 for article-like names, −25 for boilerplate-like ones.
    var classWeight: [Int16]
    var score: [Float]
    var scored: [Bool]

    /// Whether blocks with boilerplate-like class or id names are dropped before scoring
    /// (readability's first pass; a second pass without it rescues pages whose wrappers have odd names).
    let stripUnlikely: Bool

    init(tree: MarkupTree, stripUnlikely: Bool = true) {
        self.tree = tree
        self.stripUnlikely = stripUnlikely
        let n = tree.count
        excluded = Array(repeating: false, count: n)
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        quoteLength = Array(repeating: 0, count: n)
        inlineLength = Array(repeating: 0, count: n)
        commas = Array(repeating: 0, count: n)
        paragraphs = Array(repeating: 0, count: n)
        images = Array(repeating: 0, count: n)
        listItems = Array(repeating: 0, count: n)
        inputs = Array(repeating: 0, count: n)
        headings = Array(repeating: 0, count: n)
        classWeight = Array(repeating: 0, count: n)
        score = Array(repeating: 0, count: n)
        scored = Array(repeating: false, count: n)
        measure()
    }

    // MARK: - Measuring

    private mutating func measure() {
        let n = tree.count
        var inLink = [Bool](repeating: false, count: n)
        var inQuote = [Bool](repeating: false, count: n)
        var names: [UInt8] = []
        names.reserveCapacity(256)
        // Nodes come in document order, so a parent is always seen before its children.
        for i in 0..<n {
            let node = Node(i)
            let parent = tree.parent(node)
            let parentExcluded = parent != MarkupTree.none && excluded[Int(parent)]
            let parentInLink = parent != MarkupTree.none && inLink[Int(parent)]
            let parentInQuote = parent != MarkupTree.none && inQuote[Int(parent)]
            if tree.isText(node) {
                excluded[i] = parentExcluded
                inLink[i] = parentInLink
                inQuote[i] = parentInQuote
                continue
            }
            let tag = tree.tag(node)
            inLink[i] = parentInLink || tag == .a
            inQuote[i] = parentInQuote || tag == .blockquote
            if parentExcluded {
                excluded[i] = true
                continue
            }
            Self.classAndID(tree, node, into: &names)
            let matches: NameMatches = names.isEmpty ? [] : Self.namePatterns.matches(names)
            classWeight[i] = Self.weight(matches)
            excluded[i] = Self.isDropped(tree, node, tag: tag, names: matches, stripUnlikely: stripUnlikely)
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            guard !excluded[i] else { continue }
            let node = Node(i)
            let parent = tree.parent(node)
            if tree.isText(node) {
                let bytes = tree.textBytes(node)
                let len = Int32(Bytes.visibleLength(bytes))
                textLength[i] = len
                if inLink[i] { linkLength[i] = len }
                if inQuote[i] { quoteLength[i] = len }
                var c: Int32 = 0
                for b in bytes where b == 0x2C { c += 1 }
                commas[i] = c
                inlineLength[i] = len
            } else {
                switch tree.tag(node) {
                case .p: paragraphs[i] += 1
                case .img: images[i] += 1
                case .li: listItems[i] += 1
                case .input, .textarea, .select, .button: inputs[i] += 1
                case .h1, .h2, .h3, .h4, .h5, .h6: headings[i] += 1
                default: break
                }
            }
            guard parent != MarkupTree.none else { continue }
            let p = Int(parent)
            textLength[p] += textLength[i]
            linkLength[p] += linkLength[i]
            quoteLength[p] += quoteLength[i]
            commas[p] += commas[i]
            paragraphs[p] += paragraphs[i]
            images[p] += images[i]
            listItems[p] += listItems[i]
            inputs[p] += inputs[i]
            headings[p] += headings[i]
            if tree.isText(node) || tree.tag(node).isInline {
                inlineLength[p] += textLength[i]
            }
        }
    }

    @inline(__always) func linkDensity(_ n: Node) -> Float {
        let t = textLength[Int(n)]
        return t == 0 ? 0 : Float(linkLength[Int(n)]) / Float(t)
    }

    // MARK: - Scoring

    /// Scores every paragraph-like block into its ancestors and returns the article container(s).
    mutating func candidates() -> [Node] {
        let n = tree.count
        for i in 0..<n where !excluded[i] && !tree.isText(Node(i)) {
            let node = Node(i)
            let tag = tree.tag(node)
            let length: Int32
            switch tag {
            case .p, .pre, .td, .blockquote:
                length = textLength[i] - linkLength[i] / 2
            case .div, .section, .article, .span, .font, .center, .main:
                // A block that holds its own text works as a paragraph (readability does the same).
                guard inlineLength[i] >= 25, !Self.hasBlockChild(tree, node) || inlineLength[i] * 2 > textLength[i] else { continue }
                length = inlineLength[i]
            default:
                continue
            }
            guard length >= 25 else { continue }
            var contentScore: Float = 1 + Float(commas[i]) + Float(min(length / 100, 3))
            if tag == .td { contentScore *= 0.5 }
            var ancestor = tree.parent(node)
            var level = 0
            while ancestor != MarkupTree.none && level < 3 {
                let a = Int(ancestor)
                if !scored[a] {
                    scored[a] = true
                    score[a] = initialScore(ancestor)
                }
                let divider: Float = level == 0 ? 1 : (level == 1 ? 2 : Float(level * 3))
                score[a] += contentScore / divider
                ancestor = tree.parent(ancestor)
                level += 1
            }
        }
        var best: Node = MarkupTree.none
        var bestScore: Float = 0
        var top: [(Node, Float)] = []
        for i in 0..<n where scored[i] {
            let s = score[i] * (1 - linkDensity(Node(i)))
            score[i] = s
            if s > bestScore { bestScore = s; best = Node(i) }
            top.append((Node(i), s))
        }
        guard best != MarkupTree.none else { return [] }
        top.sort { $0.1 > $1.1 }
        best = promote(best, top: Array(top.prefix(5)))
        return withSiblings(best)
    }

    private func initialScore(_ n: Node) -> Float {
        var s: Float
        switch tree.tag(n) {
        case .div, .article, .main, .section: s = 5
        case .pre, .td, .blockquote: s = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: s = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: s = -5
        default: s = 0
        }
        s += Float(classWeight[Int(n)])
        return s
    }

    /// Moves up from the best block when its container holds more of the article.
    private func promote(_ start: Node, top: [(Node, Float)]) -> Node {
        var best = start
        let bestScore = score[Int(best)]
        // Several near-best blocks under one ancestor: the article is that ancestor.
        let close = top.dropFirst().filter { $0.1 >= bestScore * 0.75 }.map(\.0)
        if close.count >= 2 {
            var ancestor = tree.parent(best)
            while ancestor != MarkupTree.none && tree.tag(ancestor) != .body {
                let contained = close.filter { isAncestor(ancestor, of: $0) }.count
                if contained >= 2 { best = ancestor; break }
                ancestor = tree.parent(ancestor)
            }
        }
        // A parent that scores higher than the block itself holds the rest of the article.
        var parent = tree.parent(best)
        var lastScore = score[Int(best)]
        let threshold = lastScore / 3
        while parent != MarkupTree.none && tree.tag(parent) != .body {
            guard scored[Int(parent)] else { parent = tree.parent(parent); continue }
            let s = score[Int(parent)]
            if s < threshold { break }
            if s > lastScore { best = parent; break }
            lastScore = s
            parent = tree.parent(parent)
        }
        // An only child says nothing its parent does not.
        parent = tree.parent(best)
        while parent != MarkupTree.none && tree.tag(parent) != .body && elementChildren(parent) == 1 {
            best = parent
            parent = tree.parent(best)
        }
        return best
    }

    private func withSiblings(_ best: Node) -> [Node] {
        let parent = tree.parent(best)
        guard parent != MarkupTree.none else { return [best] }
        let bestScore = score[Int(best)]
        let threshold = max(10, bestScore * 0.2)
        let bestClass = tree.attribute("class", of: best)
        var out: [Node] = []
        for sib in tree.children(of: parent) where !tree.isText(sib) && !excluded[Int(sib)] {
            if sib == best { out.append(sib); continue }
            var bonus: Float = 0
            if let c = bestClass, !c.isEmpty, tree.attribute("class", of: sib) == c { bonus = bestScore * 0.2 }
            if scored[Int(sib)] && score[Int(sib)] + bonus >= threshold {
                out.append(sib)
            } else if tree.tag(sib) == .p || (isTextBlock(sib) && Self.endsSentence(tree.textContent(sib))) {
                let len = textLength[Int(sib)]
                let ld = linkDensity(sib)
                if len > 80 && ld < 0.25 {
                    out.append(sib)
                } else if len > 0 && len <= 80 && ld == 0 && Self.endsSentence(tree.textContent(sib)) {
                    out.append(sib)
                }
            }
        }
        return out
    }

    // MARK: - Helpers

    func isAncestor(_ a: Node, of n: Node) -> Bool {
        var p = tree.parent(n)
        while p != MarkupTree.none {
            if p == a { return true }
            p = tree.parent(p)
        }
        return false
    }

    func elementChildren(_ n: Node) -> Int {
        var c = 0
        for k in tree.children(of: n) {
            if tree.isText(k) {
                if Bytes.visibleLength(tree.textBytes(k)) > 0 { return 2 }
            } else if !excluded[Int(k)] {
                c += 1
            }
        }
        return c
    }

    /// A `div`-like element that holds its own text and no blocks: a paragraph in all but name.
    func isTextBlock(_ n: Node) -> Bool {
        switch tree.tag(n) {
        case .div, .section, .span, .font, .center: break
        default: return false
        }
        return inlineLength[Int(n)] >= 25 && !Self.hasBlockChild(tree, n)
    }

    static func hasBlockChild(_ tree: MarkupTree, _ n: Node) -> Bool {
        for k in tree.children(of: n) where tree.tag(k).isBlock { return true }
        return false
    }

    static func endsSentence(_ bytes: [UInt8]) -> Bool {
        var i = bytes.count - 1
        while i >= 0 && Bytes.isSpace(bytes[i]) { i -= 1 }
        // Closing quotes and brackets may follow the full stop.
        while i > 0 {
            if bytes[i] == 0x22 || bytes[i] == 0x27 || bytes[i] == 0x29 {
                i -= 1
            } else if i >= 1 && bytes[i - 1] == 0xC2 && bytes[i] == 0xBB {  // »
                i -= 2
            } else if i >= 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80 && (bytes[i] == 0x9D || bytes[i] == 0x99) {  // ” ’
                i -= 3
            } else {
                break
            }
        }
        return i >= 0 && (bytes[i] == 0x2E || bytes[i] == 0x21 || bytes[i] == 0x3F)
    }
}
