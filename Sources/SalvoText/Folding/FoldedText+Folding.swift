extension FoldedText {
    /// What one ASCII byte folds to: itself, its lower case, `'` for a backtick, or a marker for the
    /// bytes that need more than a copy (white space, NUL).
    /// A pointer, not an array: the fold loop reads it without retains or exclusivity checks.
    private nonisolated(unsafe) static let asciiFold: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
        for b in 0..<128 {
            switch b {
            case 0x41...0x5A: table[b] = UInt8(b) | 0x20
            case 0x60: table[b] = 0x27
            case 0x00, 0x09...0x0D, 0x20: table[b] = 0xFF
            default: table[b] = UInt8(b)
            }
        }
        return UnsafePointer(table)
    }()

    /// Whether a run of byte-for-byte folding can start at `i`: an ASCII byte other than white
    /// space and NUL, or a Cyrillic letter other than Ё/ё and the Ѐ–Џ capitals. (A single space
    /// joins a run only inside it, where the byte before is not white space.)
    @inline(__always)
    private static func keepsLength(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ table: UnsafePointer<UInt8>) -> Bool {
        let b = s[i]
        if b < 0x80 { return table[Int(b)] != 0xFF }
        guard i + 1 < s.count else { return false }
        let c = s[i + 1]
        if b == 0xD0 { return c >= 0x90 && c <= 0xBF }
        return b == 0xD1 && c >= 0x80 && c <= 0xBF && c != 0x91
    }

    /// The eight bytes at `i` folded, when they are ASCII that folds byte for byte: no control
    /// bytes, no backtick, no two spaces in a row and no space last (its successor decides it).
    /// Each test is exact per byte, since no byte of ASCII can carry into the next.
    @inline(__always)
    private static func plainASCII(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64? {
        let w = UnsafeRawPointer(s.baseAddress! + i).loadUnaligned(as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        func bytes(_ b: UInt8) -> UInt64 { UInt64(b) &* 0x0101_0101_0101_0101 }
        func zeros(_ x: UInt64) -> UInt64 { ~(((x & low) &+ low) | x) & high }
        guard w & high == 0 else { return nil }
        // A byte below 0x20 does not reach bit 7 when 0x60 is added.
        guard (w &+ bytes(0x60)) & high == high else { return nil }
        guard zeros(w ^ bytes(0x60)) == 0 else { return nil }
        let spaces = zeros(w ^ bytes(0x20))
        guard spaces & (spaces << 8) == 0, spaces >> 56 == 0 else { return nil }
        // Upper case: at least 0x41 and below 0x5B; set bit 5 to lower it.
        let upper = ((w &+ bytes(0x3F)) & ~(w &+ bytes(0x25))) & high
        return w | (upper >> 2)
    }

    // One pass, one scalar at a time, writing through pointers. Every mapping keeps the byte length
    // or shortens it, so `out` never outgrows the source. Returns the folded length.
    static func fold(_ s: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, shifts: inout [Shift]) -> Int {
        let n = s.count
        var i = 0
        var o = 0
        var delta = 0          // original - folded offset at the current scalar
        var inSpace = false    // the last byte written is a collapsed run of white space

        // Called at each scalar that writes something: records where the offsets drift apart.
        @inline(__always) func mark(_ at: Int) {
            if at - o != delta {
                delta = at - o
                shifts.append(Shift(folded: Int32(o), delta: Int32(delta)))
            }
            inSpace = false
        }
        @inline(__always) func space(_ isNewline: Bool, _ at: Int) {
            if inSpace {
                if isNewline { out[o - 1] = 0x0A }
            } else if o > 0 {
                mark(at)
                out[o] = isNewline ? 0x0A : 0x20
                o += 1
                inSpace = true
            }
        }
        @inline(__always) func emit2(_ at: Int, _ a: UInt8, _ b: UInt8) {
            mark(at)
            out[o] = a
            out[o + 1] = b
            o += 2
        }
        @inline(__always) func emit1(_ at: Int, _ a: UInt8) {
            mark(at)
            out[o] = a
            o += 1
        }

        let table = Self.asciiFold
        while i < n {
            let b = s[i]
            if Self.keepsLength(s, i, table) {
                mark(i)
                // Most text is runs of letters, digits, punctuation and single spaces that fold
                // byte for byte, so offsets stay in step and the loop only copies.
                run: while i < n {
                    if i + 8 <= n, let w = Self.plainASCII(s, at: i) {
                        UnsafeMutableRawPointer(out + o).storeBytes(of: w, as: UInt64.self)
                        o += 8
                        i += 8
                        continue
                    }
                    let c = s[i]
                    if c < 0x80 {
                        var f = table[Int(c)]
                        if f == 0xFF {
                            guard c == 0x20, i + 1 < n else { break run }
                            let next = s[i + 1]
                            guard next < 0x80 ? table[Int(next)] != 0xFF : next >= 0xC3 && next <= 0xDF else { break run }
                            f = 0x20
                        }
                        out[o] = f
                        o += 1
                        i += 1
                        continue
                    }
                    guard i + 1 < n else { break run }
                    let d = s[i + 1]
                    if c == 0xD0 && d >= 0x90 && d <= 0xBF {
                        if d < 0xA0 { out[o] = 0xD0; out[o + 1] = d + 0x20 } else if d < 0xB0 { out[o] = 0xD1; out[o + 1] = d - 0x20 } else { out[o] = 0xD0; out[o + 1] = d }
                    } else if c == 0xD1 && d >= 0x80 && d <= 0xBF && d != 0x91 {
                        out[o] = 0xD1
                        out[o + 1] = d
                    } else {
                        break run
                    }
                    o += 2
                    i += 2
                }
                continue
            }
            if b < 0x80 {
                if b == 0x0A || b == 0x0D {
                    space(true, i)
                } else if b != 0x00 {
                    space(false, i)
                }
                i += 1
                continue
            }
            if b >= 0xC2 && b <= 0xDF && i + 1 < n {
                let c = s[i + 1]
                switch (b, c) {
                case (0xD0, 0x90...0x9F): emit2(i, 0xD0, c + 0x20)
                case (0xD0, 0xA0...0xAF): emit2(i, 0xD1, c - 0x20)
                case (0xD0, 0x81), (0xD1, 0x91): emit2(i, 0xD0, 0xB5)  // Ё ё → е
                case (0xD0, 0x80...0x8F): emit2(i, 0xD1, c + 0x10)
                case (0xC2, 0xA0): space(false, i)
                case (0xC2, 0xAD): break
                case (0xC2, 0xB4): emit1(i, 0x27)
                case (0xC3, 0x80...0x9E) where c != 0x97: emit2(i, 0xC3, c + 0x20)
                case (0xD2, 0x90): emit2(i, 0xD2, 0x91)
                case (0xCA, 0xB9), (0xCA, 0xBC): emit1(i, 0x27)
                default: emit2(i, b, c)
                }
                i += 2
                continue
            }
            if b == 0xE2 && i + 2 < n && s[i + 1] == 0x80 {
                let c = s[i + 2]
                switch c {
                case 0x98, 0x99, 0xB2: emit1(i, 0x27)
                case 0x8B, 0x8C, 0x8D: break
                case 0x90, 0x91: emit1(i, 0x2D)
                case 0x80...0x8A, 0xAF: space(false, i)
                case 0xA8, 0xA9: space(true, i)
                default:
                    emit2(i, 0xE2, 0x80)
                    out[o] = c
                    o += 1
                }
                i += 3
                continue
            }
            if b == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF {
                i += 3
                continue
            }
            emit1(i, b)
            i += 1
        }
        // White space at the very end is dropped, like at the start.
        if inSpace {
            o -= 1
            while let last = shifts.last, Int(last.folded) >= o { shifts.removeLast() }
        }
        return o
    }
}
