import Foundation

/// Where a feed's `maxItems`-th item ends, found by reading the XML lexically on bytes (tags,
/// comments, CDATA, processing instructions), so that a feed of a million items is read and parsed
/// only as far as the item limit: memory follows the limit, not the feed.
///
/// ```swift
/// var cut = FeedCut(maxItems: 2)
/// if let end = bytes.withUnsafeBufferPointer({ cut.scan($0) }) {
///     let head = Array(bytes[..<end]) + cut.closingTags   // well-formed, two items
/// }
/// ```
struct FeedCut {
    let maxItems: Int
    /// Items whose end tag has been seen.
    private(set) var items = 0
    /// Where scanning goes on.
    private var position = 0
    /// Names of the elements open at `position`, outermost first.
    private var stack: [[UInt8]] = []
    /// For a construct begun at `position` but not yet ended in the data: where to look on.
    private var resume = 0
    private var inQuote: UInt8 = 0

    static let maxDepth = 256

    init(maxItems: Int) { self.maxItems = max(1, maxItems) }

    /// Scans `d` (the feed so far; it only grows between calls) from where the last call stopped, and
    /// returns the offset just past the end tag of item number `maxItems` once `d` holds it.
    mutating func scan(_ d: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = d.count
        guard let base = d.baseAddress else { return nil }
        while position < n {
            if resume == 0 {
                guard let lt = memchr(base + position, 0x3C, n - position) else {
                    position = n
                    return nil
                }
                position = base.distance(to: lt.assumingMemoryBound(to: UInt8.self))
                // Enough bytes to tell a comment or CDATA section from a tag.
                if n - position < 9 { return nil }
                resume = position + 1
            }
            let terminator: [UInt8]?
            if starts(d, "<!--") { terminator = Array("-->".utf8) }
            else if starts(d, "<![CDATA[") { terminator = Array("]]>".utf8) }
            else if starts(d, "<?") { terminator = Array("?>".utf8) }
            else if starts(d, "<!") { terminator = Array(">".utf8) }
            else { terminator = nil }
            if let terminator {
                guard let end = find(terminator, in: d, from: resume) else {
                    resume = max(position + 1, n - terminator.count + 1)
                    return nil
                }
                position = end + terminator.count
                resume = 0
                continue
            }
            // A tag: its end is the first `>` outside quoted attribute values.
            var i = resume
            while i < n {
                let c = d[i]
                if inQuote != 0 {
                    if c == inQuote { inQuote = 0 }
                } else if c == 0x22 || c == 0x27 {
                    inQuote = c
                } else if c == 0x3E {
                    break
                }
                i += 1
            }
            guard i < n else {
                resume = n
                return nil
            }
            let gt = i
            let start = position
            position = gt + 1
            resume = 0
            let closing = d[start + 1] == 0x2F
            var nameEnd = start + (closing ? 2 : 1)
            let nameStart = nameEnd
            while nameEnd < gt, !Bytes.isSpace(d[nameEnd]), d[nameEnd] != 0x2F { nameEnd += 1 }
            let name = Array(d[nameStart..<nameEnd])
            guard !name.isEmpty else { continue }
            if closing {
                if let k = stack.lastIndex(of: name) { stack.removeSubrange(k...) }
                if Self.isItem(name) {
                    items += 1
                    if items == maxItems { return position }
                }
            } else if d[gt - 1] != 0x2F && stack.count < Self.maxDepth {
                stack.append(name)
            }
        }
        return nil
    }

    /// End tags for the elements still open at the cut, innermost first: they make the cut feed whole.
    var closingTags: [UInt8] {
        stack.reversed().flatMap { [0x3C, 0x2F] + $0 + [0x3E] }
    }

    /// `item` (RSS) or `entry` (Atom), with any namespace prefix.
    static func isItem(_ name: [UInt8]) -> Bool {
        let local = name.lastIndex(of: 0x3A).map { Array(name[($0 + 1)...]) } ?? name
        return local == Array("item".utf8) || local == Array("entry".utf8)
    }

    private func starts(_ d: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        let m = s.utf8CodeUnitCount
        return position + m <= d.count && s.withUTF8Buffer { $0.elementsEqual(UnsafeBufferPointer(rebasing: d[position..<(position + m)])) }
    }

    private func find(_ needle: [UInt8], in d: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = d.baseAddress else { return nil }
        var i = from
        while i + needle.count <= d.count {
            guard let hit = memchr(base + i, Int32(needle[0]), d.count - i) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard at + needle.count <= d.count else { return nil }
            if memcmp(base + at, needle, needle.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    /// The feed up to and including item `maxItems`, closed off, and whether items were left out;
    /// the bytes as they are when the feed has no more items than that.
    static func head(of bytes: [UInt8], maxItems: Int) -> (bytes: [UInt8], truncated: Bool) {
        var cut = FeedCut(maxItems: maxItems)
        guard let end = bytes.withUnsafeBufferPointer({ cut.scan($0) }) else { return (bytes, false) }
        let rest = Array(bytes[end...].prefix(4 << 20))
        let more = ["<item", "<entry", ":item", ":entry"].contains { Bytes.find(rest, Array($0.utf8)) != nil }
        guard more else { return (bytes, false) }
        return (Array(bytes[..<end]) + cut.closingTags, true)
    }
}
