/// A quick guess among Salvo's four languages for pages that do not declare one:
/// Cyrillic text is Ukrainian when it uses і ї є ґ more than ы э ъ ё, else Russian;
/// Latin text is German or English by their commonest short words.
///
/// ```swift
/// LanguageGuess.guess("Росія атакувала Київ дронами")  // "uk"
/// ```
public enum LanguageGuess {
    public static func guess(_ text: String) -> String? {
        var cyrillic = 0, latin = 0, uk = 0, ru = 0, umlauts = 0
        var scanned = 0
        for s in text.unicodeScalars {
            scanned += 1
            if scanned > 20_000 { break }
            switch s.value {
            case 0x0456, 0x0457, 0x0454, 0x0491, 0x0406, 0x0407, 0x0404, 0x0490: uk += 1; cyrillic += 1
            case 0x044B, 0x044D, 0x044A, 0x0451, 0x042B, 0x042D, 0x042A, 0x0401: ru += 1; cyrillic += 1
            case 0x0400...0x04FF: cyrillic += 1
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            case 0xE4, 0xF6, 0xFC, 0xDF, 0xC4, 0xD6, 0xDC: umlauts += 1; latin += 1
            default: break
            }
        }
        guard cyrillic + latin >= 20 else { return nil }
        if cyrillic > latin {
            // Ukrainian text nearly always has і, ї or є; short Russian text may lack ы, э, ъ and ё.
            return uk > 0 && uk >= ru ? "uk" : "ru"
        }
        var en = 0, de = 0
        // Words packed into an integer (ASCII letters only, up to 8), compared with the packed function words.
        var word: UInt64 = 0
        var length = 0
        var seen = 0
        func finish() {
            if length > 0 && length <= 8 {
                if Self.englishWords.contains(word) { en += 1 } else if Self.germanWords.contains(word) { de += 1 }
            }
            word = 0
            length = 0
        }
        for b in text.utf8 {
            seen += 1
            if seen > 40_000 { break }
            let l = Bytes.lower(b)
            if l >= 0x61 && l <= 0x7A {
                word = (word << 8) | UInt64(l)
                length += 1
            } else if b >= 0x80 {
                length = 99  // not a plain ASCII word
            } else {
                finish()
            }
        }
        finish()
        if en == 0 && de == 0 { return nil }
        return de + umlauts / 4 > en ? "de" : "en"
    }

    static func pack(_ s: String) -> UInt64 { s.utf8.reduce(0) { ($0 << 8) | UInt64($1) } }
    static let englishWords: Set<UInt64> = Set(["the", "and", "of", "to", "is", "was", "in", "that", "with", "for"].map(pack))
    static let germanWords: Set<UInt64> = Set(["der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "auf", "sich", "wurde"].map(pack))
}
