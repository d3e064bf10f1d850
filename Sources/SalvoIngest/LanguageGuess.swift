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
        for word in text.prefix(20_000).lowercased().split(whereSeparator: { !$0.isLetter }) {
            switch word {
            case "the", "and", "of", "to", "is", "was", "in", "that", "with", "for": en += 1
            case "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "auf", "sich", "wurde": de += 1
            default: break
            }
        }
        if en == 0 && de == 0 { return nil }
        return de + umlauts / 4 > en ? "de" : "en"
    }
}
