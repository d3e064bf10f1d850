internal import CLibXML2

/// Builds a `MarkupTree` straight from libxml2's HTML SAX events: libxml2 still repairs the markup
/// (implied and auto-closed elements arrive as ordinary start/end events), but never allocates a
/// tree of its own, which is most of its cost on large pages.
struct HTMLSAXBuilder {
    typealias Node = MarkupTree.Node
    var tree = MarkupTree()
    private var open: [Node] = []
    private var lastChild: [Node] = []
    /// Elements being skipped because they nest too deeply.
    private var skipping = 0
    private var names: [UnsafeRawPointer: (String, HTMLTag)] = [:]
    private var attributeNames: [UnsafeRawPointer: String?] = [:]

    init(capacity: Int) {
        tree.names.reserveCapacity(capacity)
        tree.tags.reserveCapacity(capacity)
        tree.text.reserveCapacity(capacity * 16)
    }

    /// Attributes Salvo reads; the rest (long `href`s, `data-*`, `src`, ...) are not copied.
    /// The stored names are these literals, so later comparisons with literals take the fast path.
    private static let kept: [String: String] = {
        let names = ["class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "content", "property", "name",
                     "http-equiv", "href", "rel", "datetime", "type", "lang", "charset"]
        return Dictionary(uniqueKeysWithValues: names.map { ($0, $0) })
    }()

    private mutating func append(_ n: Node, to parent: Node) {
        lastChild.append(MarkupTree.none)
        guard parent != MarkupTree.none else {
            if tree.root == MarkupTree.none { tree.root = n }
            return
        }
        let prev = lastChild[Int(parent)]
        if prev == MarkupTree.none { tree.firstChildren[Int(parent)] = n } else { tree.nextSiblings[Int(prev)] = n }
        lastChild[Int(parent)] = n
    }

    mutating func start(_ rawName: UnsafePointer<xmlChar>?, _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if skipping > 0 || open.count >= MarkupTree.maxDepth {
            skipping += 1
            tree.warning = "nesting deeper than \(MarkupTree.maxDepth) levels; inner content dropped"
            return
        }
        guard let rawName else { skipping += 1; return }
        let key = UnsafeRawPointer(rawName)
        let (name, tag): (String, HTMLTag)
        if let known = names[key] {
            (name, tag) = known
        } else {
            name = String(cString: rawName)
            tag = HTMLTag(name: name)
            names[key] = (name, tag)
        }
        let parent = open.last ?? MarkupTree.none
        // A second top-level element (stray content after </html>) goes under the root.
        let n = tree.add(name: name, tag: tag, parent: parent == MarkupTree.none && tree.root != MarkupTree.none ? tree.root : parent)
        append(n, to: tree.parents[Int(n)])
        let aStart = Int32(tree.attributes.count)
        if var p = atts {
            while let aname = p.pointee {
                let value = p.successor().pointee
                p = p.successor().successor()
                let akey = UnsafeRawPointer(aname)
                let keptName: String?
                if let cached = attributeNames[akey] {
                    keptName = cached
                } else {
                    let s = String(cString: aname)
                    keptName = Self.kept[s]
                    attributeNames[akey] = .some(keptName)
                }
                guard let keptName else { continue }
                if keptName == "href" && tag != .link { continue }
                tree.attributes.append((keptName, value.map { String(cString: $0) } ?? ""))
            }
        }
        tree.attributeRanges[Int(n)] = aStart..<Int32(tree.attributes.count)
        open.append(n)
    }

    mutating func end() {
        if skipping > 0 { skipping -= 1; return }
        _ = open.popLast()
    }

    mutating func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int32) {
        guard skipping == 0, let ch, len > 0, let parent = open.last else { return }
        let last = lastChild[Int(parent)]
        let bytes = UnsafeBufferPointer(start: ch, count: Int(len))
        if last != MarkupTree.none && tree.tags[Int(last)] == .text && tree.textRanges[Int(last)].upperBound == Int32(tree.text.count) {
            tree.text.append(contentsOf: bytes)
            tree.textRanges[Int(last)] = tree.textRanges[Int(last)].lowerBound..<Int32(tree.text.count)
            return
        }
        let n = tree.add(name: "", tag: .text, parent: parent)
        append(n, to: parent)
        let start = Int32(tree.text.count)
        tree.text.append(contentsOf: bytes)
        tree.textRanges[Int(n)] = start..<Int32(tree.text.count)
    }
}

extension MarkupTree {
    static func parseHTML(_ bytes: [UInt8]) throws(MarkupError) -> MarkupTree {
        let builder = UnsafeMutablePointer<HTMLSAXBuilder>.allocate(capacity: 1)
        builder.initialize(to: HTMLSAXBuilder(capacity: bytes.count / 64))
        defer {
            builder.deinitialize(count: 1)
            builder.deallocate()
        }
        var sax = htmlSAXHandler()
        sax.initialized = 1  // SAX1-style callbacks, as the HTML parser uses
        sax.startElement = { ctx, name, atts in
            ctx!.assumingMemoryBound(to: HTMLSAXBuilder.self).pointee.start(name, atts)
        }
        sax.endElement = { ctx, _ in
            ctx!.assumingMemoryBound(to: HTMLSAXBuilder.self).pointee.end()
        }
        sax.characters = { ctx, ch, len in
            ctx!.assumingMemoryBound(to: HTMLSAXBuilder.self).pointee.characters(ch, len)
        }
        sax.cdataBlock = sax.characters  // script and style bodies (JSON-LD is read from them)
        sax.ignorableWhitespace = sax.characters
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue)
        salvo_xml_quiet()
        let ok: Bool = bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, buf.count > 0 else { return false }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) { p -> Bool in
                guard let ctxt = htmlCreateMemoryParserCtxt(p, Int32(buf.count)) else { return false }
                defer {
                    if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
                    htmlFreeParserCtxt(ctxt)
                }
                // The bytes are UTF-8 already: a <meta charset> in them must not switch decoding.
                if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(ctxt, utf8) }
                ctxt.pointee.sax.pointee = sax
                ctxt.pointee.userData = UnsafeMutableRawPointer(builder)
                htmlCtxtUseOptions(ctxt, options)
                htmlParseDocument(ctxt)
                return true
            }
        }
        guard ok else { throw MarkupError("not parseable as HTML") }
        return builder.pointee.tree
    }
}
