/// A hash of a document's text that ignores case and whitespace, so a re-crawled copy of the same
/// article with different line breaks is recognised as the same document.
///
/// ```swift
/// TextFingerprint.of("Kyiv,\n  three killed") == TextFingerprint.of("kyiv, three KILLED")   // true
/// ```
public enum TextFingerprint {
    /// 64-bit FNV-1a over the text with ASCII letters lowered and whitespace runs collapsed, as 16 hex digits.
    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var pendingSpace = false
        var started = false
        var copy = text
        copy.withUTF8 { bytes in
            for var b in bytes {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B {
                    pendingSpace = started
                    continue
                }
                if pendingSpace {
                    hash = (hash ^ 0x20) &* 0x100_0000_01b3
                    pendingSpace = false
                }
                started = true
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
