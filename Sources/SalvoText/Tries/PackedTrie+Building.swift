extension PackedTrie {
    /// Packs a trie given as sorted child lists: node `v`'s children are
    /// `childLabel/childNode[childStart[v]..<childStart[v + 1]]`, labels ascending; node 0 is the root;
    /// `value[v]` is the node's value, or negative for none.
    ///
    /// Records go in preorder, children in label order, so each node's first child (or the end of its
    /// run) follows it directly; three passes over the nodes (kinds and sizes, offsets, words) keep
    /// the build linear.
    ///
    /// ```swift
    /// let trie = PackedTrie(childStart: [0, 1, 1], childLabel: [0x61], childNode: [1], value: [-1, 3])
    /// trie.nodeCount   // 2
    /// ```
    init(childStart: [Int32], childLabel: [UInt8], childNode: [Int32], value: [Int32]) {
        let nodes = value.count
        precondition(nodes >= 1 && childStart.count == nodes + 1 && value[0] < 0, "a root without a value")

        // Each node's kind and record size, once: the root is a table over all bytes; a node with
        // several children a table when dense enough or when a list would be long to scan; a leaf a
        // list of none.
        var kinds = [Kind](repeating: .list, count: nodes)
        var sizes = [Int32](repeating: 0, count: nodes)
        // A node with one child, no value and no word-rest edge can be part of a run.
        var chains = [Bool](repeating: false, count: nodes)
        for v in 0..<nodes {
            let first = Int(childStart[v]), count = Int(childStart[v + 1]) - first
            var kind = Kind.list
            var size = value[v] >= 0 ? 2 : 1
            if v == 0 {
                kind = .table
                size += 256
            } else if count == 1 {
                kind = .single
                chains[v] = value[v] < 0 && childLabel[first] != 0xFF
            } else if count > 1 {
                let span = Int(childLabel[first + count - 1]) - Int(childLabel[first]) + 1
                if count > 8 || span <= 2 * count {
                    kind = .table
                    size += span
                } else {
                    size += (count + 3) / 4 + count
                }
            }
            kinds[v] = kind
            sizes[v] = Int32(size)
        }

        // Preorder offsets; children are pushed last-first so the first one is placed next. Two or
        // more chain nodes in a row become one run record, followed by the node the chain leads to;
        // `runs[v]` is the length of the run headed by `v`, and the nodes it covers get no record.
        var offset = [Int32](repeating: -1, count: nodes)
        var runs = [UInt8](repeating: 0, count: nodes)
        var stack: [Int32] = [0]
        var cursor = 0
        while let v = stack.popLast().map(Int.init) {
            offset[v] = Int32(cursor)
            if chains[v] {
                var last = v, length = 1
                while length < 255, chains[Int(childNode[Int(childStart[last])])] {
                    last = Int(childNode[Int(childStart[last])])
                    length += 1
                }
                if length > 1 {
                    runs[v] = UInt8(length)
                    cursor += 1 + (length + 3) / 4
                    stack.append(childNode[Int(childStart[last])])
                    continue
                }
            }
            cursor += Int(sizes[v])
            var e = Int(childStart[v + 1])
            while e > Int(childStart[v]) {
                e -= 1
                stack.append(childNode[e])
            }
        }
        precondition(cursor < Int(Int32.max), "trie too large to pack")

        var words = [UInt32](repeating: 0, count: cursor)
        words.withUnsafeMutableBufferPointer { w in
            for v in 0..<nodes where offset[v] >= 0 {
                let o = Int(offset[v])
                if runs[v] > 0 {
                    let length = Int(runs[v])
                    w[o] = Kind.run.rawValue << 16 | UInt32(length) << 8
                    let bytes = UnsafeMutableRawPointer(w.baseAddress! + o + 1)
                    var u = v
                    for k in 0..<length {
                        let edge = Int(childStart[u])
                        bytes.storeBytes(of: childLabel[edge], toByteOffset: k, as: UInt8.self)
                        u = Int(childNode[edge])
                    }
                    continue
                }
                let e = Int(childStart[v])..<Int(childStart[v + 1])
                let kind = kinds[v]
                var header = kind.rawValue << 16
                var p = o + 1
                if value[v] >= 0 {
                    header |= PackedTrie.hasValueBit
                    w[p] = UInt32(bitPattern: value[v])
                    p += 1
                }
                if let last = e.last, childLabel[last] == 0xFF { header |= PackedTrie.hasEdgeFFBit }
                switch kind {
                case .run:
                    break  // written above
                case .single:
                    header |= UInt32(childLabel[e.lowerBound])
                case .list:
                    header |= UInt32(e.count) << 8
                    let labels = UnsafeMutableRawPointer(w.baseAddress! + p)
                    for (i, edge) in e.enumerated() {
                        labels.storeBytes(of: childLabel[edge], toByteOffset: i, as: UInt8.self)
                        w[p + (e.count + 3) / 4 + i] = UInt32(offset[Int(childNode[edge])])
                    }
                case .table:
                    let low = v == 0 ? 0 : Int(childLabel[e.lowerBound])
                    let span = Int(sizes[v]) - (p - o)
                    header |= UInt32(low) | UInt32(span - 1) << 8
                    for edge in e { w[p + Int(childLabel[edge]) - low] = UInt32(offset[Int(childNode[edge])]) }
                }
                w[o] = header
            }
        }
        storage = Storage(words: words)
        nodeCount = nodes
    }
}
