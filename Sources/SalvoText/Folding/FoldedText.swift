/// A document's text folded for matching, with a map back to the original bytes.
///
/// Folding lowercases Latin, Latin-1 and Cyrillic letters (so `Херсоні` and `ХЕРСОНІ` match alike),
/// turns `ё` into `е`, unifies apostrophes (`’ ʼ ‘ ´ \``) into `'` (Ukrainian writes п’ять, пʼять
/// and п'ять), turns `‐ ‑` into `-`, drops soft hyphens and zero-width characters, and collapses each
/// run of white space into one space — or into one `\n` when the run holds a line break, because a
/// line break ends a headline or paragraph.
///
/// ```swift
/// let folded = FoldedText("Über  200 Drohnen")
/// String(decoding: folded.bytes, as: UTF8.self)   // "über 200 drohnen"
/// folded.originalOffset(of: 5)                      // 6: where "200" starts in the original
/// ```
public struct FoldedText: Sendable {
    /// The folded UTF-8 bytes.
    public let bytes: [UInt8]
    /// `origin[i]` is the original UTF-8 byte offset of folded byte `i`; `origin[bytes.count]` is the
    /// original length, so a folded range maps back as `origin[start]..<origin[end]`.
    public let origin: [Int32]

    public init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { FoldedText(utf8: $0) }
    }

    public init(utf8 src: UnsafeBufferPointer<UInt8>) {
        // Folding never lengthens text, so both outputs fit in the source's length (+1 for the end).
        var count = 0
        var folded: [UInt8] = []
        let map = [Int32](unsafeUninitializedCapacity: src.count + 1) { mapBuffer, mapCount in
            folded = [UInt8](unsafeUninitializedCapacity: max(src.count, 1)) { out, outCount in
                count = Self.fold(src, into: out.baseAddress!, origin: mapBuffer.baseAddress!)
                outCount = count
            }
            mapBuffer[count] = Int32(src.count)
            mapCount = count + 1
        }
        bytes = folded
        origin = map
    }

    /// Folds a lexicon term or query the same way as documents are folded.
    public static func fold(_ term: String) -> [UInt8] {
        FoldedText(term).bytes
    }

    /// The original byte offset of folded byte `index`.
    @inlinable public func originalOffset(of index: Int) -> Int { Int(origin[index]) }

    /// The folded range as a string (for diagnostics and tests).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

extension FoldedText {
    // One pass, one scalar at a time, writing through pointers. Every mapping keeps the byte length
    // or shortens it, so `out` never outgrows the source. Returns the folded length.
    static func fold(_ s: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>,
                     origin map: UnsafeMutablePointer<Int32>) -> Int {
        let n = s.count
        var i = 0
        var o = 0
        var pendingSpace: UInt8 = 0  // 0, space or newline, waiting for the next visible byte
        var pendingAt = 0

        @inline(__always) func emit(_ b: UInt8, _ at: Int) {
            if pendingSpace != 0 {
                if o > 0 {
                    out[o] = pendingSpace
                    map[o] = Int32(pendingAt)
                    o += 1
                }
                pendingSpace = 0
            }
            out[o] = b
            map[o] = Int32(at)
            o += 1
        }
        @inline(__always) func space(_ isNewline: Bool, _ at: Int) {
            if pendingSpace == 0 { pendingAt = at; pendingSpace = isNewline ? 0x0A : 0x20 }
            else if isNewline { pendingSpace = 0x0A }
        }

        while i < n {
            let b = s[i]
            if b < 0x80 {
                switch b {
                case 0x41...0x5A: emit(b | 0x20, i)
                case 0x0A, 0x0D: space(true, i)
                case 0x09, 0x0B, 0x0C, 0x20: space(false, i)
                case 0x60: emit(0x27, i)
                case 0x00: break
                default: emit(b, i)
                }
                i += 1
                continue
            }
            if b >= 0xC2 && b <= 0xDF && i + 1 < n {
                let c = s[i + 1]
                switch (b, c) {
                case (0xC2, 0xA0): space(false, i)
                case (0xC2, 0xAD): break
                case (0xC2, 0xB4): emit(0x27, i)
                case (0xC3, 0x80...0x9E) where c != 0x97: emit(0xC3, i); emit(c + 0x20, i)
                case (0xD0, 0x81), (0xD1, 0x91): emit(0xD0, i); emit(0xB5, i)  // Ё ё → е
                case (0xD0, 0x80...0x8F): emit(0xD1, i); emit(c + 0x10, i)
                case (0xD0, 0x90...0x9F): emit(0xD0, i); emit(c + 0x20, i)
                case (0xD0, 0xA0...0xAF): emit(0xD1, i); emit(c - 0x20, i)
                case (0xD2, 0x90): emit(0xD2, i); emit(0x91, i)
                case (0xCA, 0xB9), (0xCA, 0xBC): emit(0x27, i)
                default: emit(b, i); emit(c, i)
                }
                i += 2
                continue
            }
            if b == 0xE2 && i + 2 < n && s[i + 1] == 0x80 {
                let c = s[i + 2]
                switch c {
                case 0x98, 0x99, 0xB2: emit(0x27, i)
                case 0x8B, 0x8C, 0x8D: break
                case 0x90, 0x91: emit(0x2D, i)
                case 0x80...0x8A, 0xAF: space(false, i)
                case 0xA8, 0xA9: space(true, i)
                default: emit(0xE2, i); emit(0x80, i); emit(c, i)
                }
                i += 3
                continue
            }
            if b == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF {
                i += 3
                continue
            }
            emit(b, i)
            i += 1
        }
        return o
    }
}
