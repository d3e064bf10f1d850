/// A parsed HTML or XML document as flat arrays: elements and text nodes, parents, children and attributes.
///
/// libxml2 parses; this copy is plain Swift so that modules importing Foundation never see
/// libxml2's headers (they pull in the system ICU, which clashes with Foundation's).
///
/// ```swift
/// let tree = MarkupTree(html: Array("<p class=x>Hi <b>there</b></p>".utf8))
/// for child in tree.children(of: tree.root) { print(tree.name(child)) }
/// ```
public struct MarkupTree: Sendable {
    /// Index of a node; `MarkupTree.none` is no node.
    public typealias Node = Int32
    public static let none: Node = -1

    /// The element name (lowercase in HTML; `prefix:local` for namespaced XML), or "" for a text node.
    public internal(set) var names: [String] = []
    /// The HTML tag of each node (`.text` for text nodes, `.other` for names not in `HTMLTag`).
    public internal(set) var tags: [HTMLTag] = []
    public internal(set) var parents: [Node] = []
    public internal(set) var firstChildren: [Node] = []
    public internal(set) var nextSiblings: [Node] = []
    /// For text nodes: the range of their bytes in `text`.
    var textRanges: [Range<Int32>] = []
    /// For elements: the range of their attributes in `attributes`.
    var attributeRanges: [Range<Int32>] = []
    /// All text-node bytes, UTF-8, in document order.
    public internal(set) var text: [UInt8] = []
    var attributes: [(name: String, value: String)] = []
    /// Why the parse was incomplete (broken XML recovered as far as possible, nesting too deep), if it was.
    public internal(set) var warning: String?

    /// The document element (`html`, `rss`, `feed`), or `none` for an empty document.
    public internal(set) var root: Node = MarkupTree.none

    public var count: Int { names.count }

    public init() {}

    @inline(__always) public func isText(_ n: Node) -> Bool { tags[Int(n)] == .text }
    @inline(__always) public func tag(_ n: Node) -> HTMLTag { tags[Int(n)] }
    @inline(__always) public func name(_ n: Node) -> String { names[Int(n)] }
    @inline(__always) public func parent(_ n: Node) -> Node { parents[Int(n)] }

    /// The bytes of a text node (empty for an element).
    @inline(__always) public func textBytes(_ n: Node) -> ArraySlice<UInt8> {
        let r = textRanges[Int(n)]
        return text[Int(r.lowerBound)..<Int(r.upperBound)]
    }

    /// The value of an attribute (`name` lowercase), or nil.
    public func attribute(_ name: String, of n: Node) -> String? {
        let r = attributeRanges[Int(n)]
        var i = Int(r.lowerBound)
        while i < Int(r.upperBound) {
            if attributes[i].name == name { return attributes[i].value }
            i += 1
        }
        return nil
    }

    /// All attributes of an element, in document order.
    public func attributes(of n: Node) -> ArraySlice<(name: String, value: String)> {
        let r = attributeRanges[Int(n)]
        return attributes[Int(r.lowerBound)..<Int(r.upperBound)]
    }

    /// The children of a node, in document order.
    public func children(of n: Node) -> Children { Children(tree: self, first: n == Self.none ? Self.none : firstChildren[Int(n)]) }

    public struct Children: Sequence, IteratorProtocol {
        let tree: MarkupTree
        var current: Node
        init(tree: MarkupTree, first: Node) { self.tree = tree; self.current = first }
        public mutating func next() -> Node? {
            guard current != MarkupTree.none else { return nil }
            defer { current = tree.nextSiblings[Int(current)] }
            return current
        }
    }

    /// The concatenated text under a node, as bytes.
    public func textContent(_ n: Node) -> [UInt8] {
        if isText(n) { return Array(textBytes(n)) }
        var out: [UInt8] = []
        var stack: [Node] = []
        var c = firstChildren[Int(n)]
        while true {
            while c != Self.none {
                if isText(c) {
                    out.append(contentsOf: textBytes(c))
                    c = nextSiblings[Int(c)]
                } else {
                    stack.append(nextSiblings[Int(c)])
                    c = firstChildren[Int(c)]
                }
            }
            guard let next = stack.popLast() else { break }
            c = next
        }
        return out
    }

    /// The concatenated text under a node, as a String.
    public func string(_ n: Node) -> String { String(decoding: textContent(n), as: UTF8.self) }

    mutating func add(name: String, tag: HTMLTag, parent: Node) -> Node {
        let n = Node(names.count)
        names.append(name)
        tags.append(tag)
        parents.append(parent)
        firstChildren.append(Self.none)
        nextSiblings.append(Self.none)
        textRanges.append(0..<0)
        attributeRanges.append(0..<0)
        return n
    }
}
