import SalvoMarkup

/// Printing the chosen containers as paragraphs of plain text.
extension MainTextFinder {
    /// The article body of a page: a strict pass, and a relaxed one when the strict pass finds
    /// less than a short article (the page wraps everything in a `widget` or `sidebar`-named block).
    static func mainText(of tree: MarkupTree) -> String {
        var strict = MainTextFinder(tree: tree)
        let text = strict.mainText()
        if Bytes.visibleLength(text.utf8) >= 200 { return text }
        var relaxed = MainTextFinder(tree: tree, stripUnlikely: false)
        let second = relaxed.mainText()
        return Bytes.visibleLength(second.utf8) > Bytes.visibleLength(text.utf8) ? second : text
    }

    /// The article body as paragraphs separated by blank lines, or "" when the page has none.
    mutating func mainText() -> String {
        let nodes = candidates()
        var out = TextBuilder()
        for n in nodes { emit(n, into: &out, top: true) }
        return out.finish()
    }

    /// All visible text (fallback for pages without a recognisable article).
    func allText(under n: Node) -> String {
        var out = TextBuilder()
        emit(n, into: &out, top: true, clean: false)
        return out.finish()
    }

    func emit(_ n: Node, into out: inout TextBuilder, top: Bool, clean: Bool = true) {
        let i = Int(n)
        if excluded[i] { return }
        if tree.isText(n) {
            out.inline(tree.textBytes(n))
            return
        }
        let tag = tree.tag(n)
        if tag == .br { out.lineBreak(); return }
        if tag == .hr { out.paragraphBreak(); return }
        if clean && !top && dropsInside(n, tag: tag) { return }
        let block = tag.isBlock
        if block { out.paragraphBreak() }
        if tag == .td || tag == .th { out.inline(" ") }
        for c in tree.children(of: n) { emit(c, into: &out, top: false, clean: clean) }
        if block { out.paragraphBreak() }
    }

    /// Readability's "clean conditionally": containers inside the article that look like link
    /// lists, image galleries, forms or widgets are left out.
    func dropsInside(_ n: Node, tag: HTMLTag) -> Bool {
        let i = Int(n)
        switch tag {
        case .h1:
            return true  // the title, reported separately
        case .h2, .h3, .h4, .h5, .h6:
            return classWeight[i] < 0 || linkDensity(n) > 0.5
        case .p:
            // A paragraph that is nothing but a link is a "read also" teaser, not article text.
            return textLength[i] < 200 && linkDensity(n) > 0.8
        case .div, .section, .ul, .ol, .table, .form, .fieldset, .dl, .figure:
            break
        default:
            return false
        }
        let weight = Int(classWeight[i])
        let length = Int(textLength[i])
        // Quotations and embedded posts carry their author links; they are still the article's words.
        if quoteLength[i] * 2 > textLength[i] && textLength[i] >= 25 { return false }
        if weight + Int(scored[i] ? score[i] : 0) < 0 && length < 1000 { return true }
        if commas[i] >= 10 { return false }
        let p = Int(paragraphs[i])
        let img = Int(images[i])
        let li = Int(listItems[i]) - 100
        let inputs = Int(inputs[i])
        let ld = linkDensity(n)
        let isList = tag == .ul || tag == .ol
        if img > 1 && Float(p) / Float(img) < 0.5 && length < 200 { return true }
        if !isList && li > p && length < 200 { return true }
        if inputs > p / 3 && inputs > 0 { return true }
        if !isList && length < 25 && (img == 0 || img > 2) && headings[i] == 0 { return true }
        if !isList && weight < 25 && ld > 0.2 && length < 500 { return true }
        if weight >= 25 && ld > 0.5 { return true }
        if isList && ld > 0.5 { return true }
        return false
    }
}

/// Builds text from inline runs and block breaks, collapsing white space.
struct TextBuilder {
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = 0  // 1 = line, 2 = paragraph

    init() { bytes.reserveCapacity(8192) }

    mutating func inline<C: Collection>(_ run: C) where C.Element == UInt8 {
        var prev: UInt8 = 0
        for b in run {
            if Bytes.isSpace(b) {
                pendingSpace = true
            } else if prev == 0xC2 && b == 0xA0 {
                bytes.removeLast()
                pendingSpace = true
            } else {
                flushPending()
                bytes.append(b)
            }
            prev = b
        }
    }

    mutating func inline(_ s: String) { inline(s.utf8) }

    private mutating func flushPending() {
        if pendingBreak > 0 && !bytes.isEmpty {
            while bytes.last == 0x20 { bytes.removeLast() }
            bytes.append(0x0A)
            if pendingBreak > 1 { bytes.append(0x0A) }
        } else if pendingSpace && !bytes.isEmpty && bytes.last != 0x0A {
            bytes.append(0x20)
        }
        pendingBreak = 0
        pendingSpace = false
    }

    mutating func lineBreak() { pendingBreak = max(pendingBreak, 1) }
    mutating func paragraphBreak() { pendingBreak = 2 }

    mutating func finish() -> String {
        while bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
