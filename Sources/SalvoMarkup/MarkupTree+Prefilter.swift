internal import Glibc

extension MarkupTree {
    /// Removes what the HTML parser would only have to skip: script and style bodies (except
    /// JSON-LD, which carries metadata), comments, and inline SVG. Modern pages are often more
    /// script than text, so this halves parsing time. It follows the HTML rules: a script ends at
    /// the first `</script`, a comment at the first `-->`.
    ///
    /// ```swift
    /// MarkupTree.withoutScripts(Array("<p>a<script>x()</script>b</p>".utf8))  // "<p>a<script></script>b</p>"
    /// ```
    public static func withoutScripts(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var copied = 0  // bytes before this index are handled
            var i = 0
            while i < n {
                // Jump to the next '<' with memchr (vectorised in libc).
                guard let lt = memchr(b.baseAddress! + i, 0x3C, n - i) else { break }
                i = b.baseAddress!.distance(to: lt.assumingMemoryBound(to: UInt8.self))
                if i + 3 < n && b[i + 1] == 0x21 && b[i + 2] == 0x2D && b[i + 3] == 0x2D {  // <!--
                    let end = find(b, from: i + 4, Array("-->".utf8)) ?? n
                    out.append(contentsOf: b[copied..<i])
                    i = min(n, end + 3)
                    copied = i
                    continue
                }
                let first = i + 1 < n ? b[i + 1] | 0x20 : 0
                guard first == 0x73 || first == 0x6E else { i += 1; continue }  // s, n
                for (k, (open, close)) in skipped.enumerated() {
                    guard startsTag(b, at: i + 1, open) else { continue }
                    guard let tagEnd = find(b, from: i, Array(">".utf8)) else { break }
                    if k == 0 && isJSONLD(b, i, tagEnd) { break }
                    let closeAt = findCaseless(b, from: tagEnd + 1, close) ?? n
                    // Keep the empty element so that the tree shape stays the same.
                    out.append(contentsOf: b[copied...tagEnd])
                    i = closeAt
                    copied = i
                    break
                }
                i += 1
            }
            if copied < n { out.append(contentsOf: b[copied..<n]) }
        }
        return out
    }

    private static let skipped: [([UInt8], [UInt8])] = [
        ("script", "</script"), ("style", "</style"), ("svg", "</svg"), ("noscript", "</noscript"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    private static func startsTag(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ name: [UInt8]) -> Bool {
        var k = i
        for c in name {
            guard k < b.count, b[k] | 0x20 == c else { return false }
            k += 1
        }
        guard k < b.count else { return false }
        let next = b[k]
        return next == 0x3E || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x2F
    }

    private static func isJSONLD(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        findCaseless(b, from: start, ldJSON, to: end) != nil
    }

    private static let ldJSON = Array("ld+json".utf8)

    /// The first occurrence of `p` (whose first byte is not a letter) at or after `from`, jumping between
    /// candidate first bytes with memchr.
    private static func find(_ b: UnsafeBufferPointer<UInt8>, from: Int, _ p: [UInt8]) -> Int? {
        let base = b.baseAddress!
        var i = from
        while i + p.count <= b.count {
            guard let hit = memchr(base + i, Int32(p[0]), b.count - i) else { return nil }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard i + p.count <= b.count else { return nil }
            var j = 1
            while j < p.count && b[i + j] == p[j] { j += 1 }
            if j == p.count { return i }
            i += 1
        }
        return nil
    }

    /// `s` must be lowercase ASCII.
    private static func findCaseless(_ b: UnsafeBufferPointer<UInt8>, from: Int, _ p: [UInt8], to: Int? = nil) -> Int? {
        let end = min(to ?? b.count, b.count)
        var i = from
        let base = b.baseAddress!
        while i + p.count <= end {
            if p[0] < 0x61 {  // '<': jump with memchr
                guard let hit = memchr(base + i, Int32(p[0]), end - i) else { return nil }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard i + p.count <= end else { return nil }
            }
            if (b[i] | (p[0] >= 0x61 ? 0x20 : 0)) == p[0] {
                var j = 1
                while j < p.count && (b[i + j] | (p[j] >= 0x61 ? 0x20 : 0)) == p[j] { j += 1 }
                if j == p.count { return i }
            }
            i += 1
        }
        return nil
    }
}
