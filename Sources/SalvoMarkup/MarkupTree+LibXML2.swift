internal import CLibXML2

/// A document libxml2 could not make sense of at all.
public struct MarkupError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension MarkupTree {
    /// Elements nested deeper than this are dropped (with `warning` set): real pages stay far below.
    public static let maxDepth = 400

    /// Parses HTML (UTF-8 bytes) with libxml2's tolerant parser: broken markup is repaired,
    /// nothing is fetched from the network, no errors are printed, and no entities beyond HTML's
    /// own are expanded (the HTML parser knows no DTD entities).
    ///
    /// Pass bytes already decoded to UTF-8; a `<meta charset>` in them is not obeyed again.
    public init(html bytes: [UInt8]) throws(MarkupError) {
        self = try Self.parseHTML(bytes)
    }

    /// Parses XML (feeds) with entity substitution off, no DTD loading and no network.
    /// Documents that declare their own entities are refused: feeds never need them and they are
    /// how "billion laughs" attacks work.
    public init(xml bytes: [UInt8]) throws(MarkupError) {
        self.init()
        if Self.declaresEntities(bytes) {
            throw MarkupError("XML declares its own entities (<!ENTITY>); refused for safety")
        }
        // No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD, no XML_PARSE_HUGE.
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        salvo_xml_quiet()
        guard !bytes.isEmpty else { throw MarkupError("empty XML") }
        guard let ctxt = xmlNewParserCtxt() else { throw MarkupError("out of memory") }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                xmlCtxtReadMemory(ctxt, p, Int32(buf.count), nil, nil, options)
            }
        }
        if ctxt.pointee.wellFormed == 0 {
            let e = ctxt.pointee.lastError
            var message = e.message.map { String(cString: $0) } ?? "error \(e.code)"
            while message.last == "\n" || message.last == " " { message.removeLast() }
            warning = "XML is broken at line \(e.line): \(message)"
        }
        guard let doc else { throw MarkupError(warning ?? "not well-formed XML") }
        defer { xmlFreeDoc(doc) }
        copy(from: doc, html: false)
        if root == Self.none { throw MarkupError("not well-formed XML (no root element)") }
    }

    /// True when a DOCTYPE internal subset declares an entity.
    static func declaresEntities(_ bytes: [UInt8]) -> Bool {
        let pattern = Array("<!ENTITY".utf8)
        let n = bytes.count, m = pattern.count
        guard n >= m else { return false }
        var i = 0
        while i <= n - m {
            if bytes[i] == 0x3C && bytes[i + 1] == 0x21 {
                var j = 0
                while j < m && (bytes[i + j] | (j > 1 ? 0x20 : 0)) == (pattern[j] | (j > 1 ? 0x20 : 0)) { j += 1 }
                if j == m { return true }
            }
            i += 1
        }
        return false
    }

    private mutating func copy(from doc: xmlDocPtr, html: Bool) {
        names.reserveCapacity(4096)
        var first = doc.pointee.children
        // Iterative walk: (libxml2 node, parent in our tree, depth)
        var stack: [(UnsafeMutablePointer<xmlNode>, Node, Int)] = []
        while let f = first {
            stack.append((f, Self.none, 0))
            first = f.pointee.next
        }
        stack.reverse()
        var lastChildArray: [Node] = []
        // libxml2 interns element names in a dictionary: one String and tag per distinct pointer.
        var interned: [UnsafeRawPointer: (String, HTMLTag)] = [:]
        func link(_ n: Node, under parent: Node, _ tree: inout MarkupTree, _ lastChildArray: inout [Node]) {
            while lastChildArray.count < tree.names.count { lastChildArray.append(Self.none) }
            guard parent != Self.none else { return }
            let prev = lastChildArray[Int(parent)]
            if prev == Self.none {
                tree.firstChildren[Int(parent)] = n
            } else {
                tree.nextSiblings[Int(prev)] = n
            }
            lastChildArray[Int(parent)] = n
        }
        while let (node, parent, depth) = stack.popLast() {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                if depth > Self.maxDepth {
                    warning = "nesting deeper than \(Self.maxDepth) levels; inner content dropped"
                    continue
                }
                let key = UnsafeRawPointer(node.pointee.name ?? UnsafePointer(bitPattern: 1)!)
                let nameAndTag: (String, HTMLTag)
                if let known = interned[key], html {
                    nameAndTag = known
                } else {
                    let name = Self.elementName(node, html: html)
                    nameAndTag = (name, html ? HTMLTag(name: name) : .other)
                    if html { interned[key] = nameAndTag }
                }
                let n = add(name: nameAndTag.0, tag: nameAndTag.1, parent: parent)
                link(n, under: parent, &self, &lastChildArray)
                if parent == Self.none && root == Self.none { root = n }
                let aStart = Int32(attributes.count)
                var attr = node.pointee.properties
                while let a = attr {
                    var aname = a.pointee.name.map { String(cString: $0) } ?? ""
                    if !html, let ns = a.pointee.ns, let prefix = ns.pointee.prefix { aname = String(cString: prefix) + ":" + aname }
                    var value = ""
                    if let child = a.pointee.children, child.pointee.next == nil, let c = child.pointee.content {
                        value = String(cString: c)
                    } else if let c = xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(a))) {
                        value = String(cString: c)
                        salvo_xml_free(c)
                    }
                    attributes.append((html ? aname.lowercased() : aname, value))
                    attr = a.pointee.next
                }
                attributeRanges[Int(n)] = aStart..<Int32(attributes.count)
                // Children pushed last to first, so that they are popped in document order.
                var c = node.pointee.last
                while let k = c {
                    stack.append((k, n, depth + 1))
                    c = k.pointee.prev
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard parent != Self.none, let content = node.pointee.content else { continue }
                let len = Int(xmlStrlen(content))
                guard len > 0 else { continue }
                let n = add(name: "", tag: .text, parent: parent)
                link(n, under: parent, &self, &lastChildArray)
                let start = Int32(text.count)
                content.withMemoryRebound(to: UInt8.self, capacity: len) { p in
                    text.append(contentsOf: UnsafeBufferPointer(start: p, count: len))
                }
                textRanges[Int(n)] = start..<Int32(text.count)
            default:
                continue  // comments, processing instructions, unexpanded entity references, DTDs
            }
        }
    }

    private static func elementName(_ node: UnsafeMutablePointer<xmlNode>, html: Bool) -> String {
        guard let raw = node.pointee.name else { return "?" }
        let local = String(cString: raw)
        if !html, let ns = node.pointee.ns, let prefix = ns.pointee.prefix {
            return String(cString: prefix) + ":" + local
        }
        return local
    }
}
