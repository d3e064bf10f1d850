/// Tells English, German, Ukrainian and Russian apart from the letters and function words of a text.
///
/// ```swift
/// LanguageIdentifier.identify("Росія атакувала Україну вночі")   // "uk"
/// ```
public enum LanguageIdentifier {
    public static func identify(_ text: FoldedText) -> String? {
        var latin = 0, cyrillic = 0, ukOnly = 0, ruOnly = 0, germanLetters = 0
        let b = text.bytes
        var i = 0
        // A sample is enough; news texts do not switch language halfway.
        let n = min(b.count, 20_000)
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c >= 0x61 && c <= 0x7A { latin += 1 }
                i += 1
                continue
            }
            if i + 1 < n {
                let d = b[i + 1]
                if c == 0xD0 || c == 0xD1 || c == 0xD2 {
                    cyrillic += 1
                    switch (c, d) {
                    case (0xD1, 0x96), (0xD1, 0x97), (0xD1, 0x94), (0xD2, 0x91): ukOnly += 1  // і ї є ґ
                    case (0xD1, 0x8B), (0xD1, 0x8D), (0xD1, 0x8A): ruOnly += 1  // ы э ъ
                    default: break
                    }
                } else if c == 0xC3 && (d == 0xA4 || d == 0xB6 || d == 0xBC || d == 0x9F) {
                    germanLetters += 1
                }
            }
            i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        }
        if cyrillic == 0 && latin == 0 { return nil }
        if cyrillic > latin {
            let uk = ukOnly + 3 * count(words: ukrainianWords, in: b, limit: n)
            let ru = 2 * ruOnly + 3 * count(words: russianWords, in: b, limit: n)
            return uk >= ru ? "uk" : "ru"
        }
        let de = count(words: germanWords, in: b, limit: n) + germanLetters / 2
        let en = count(words: englishWords, in: b, limit: n)
        return de > en ? "de" : "en"
    }

    public static func identify(_ text: String) -> String? { identify(FoldedText(text)) }

    /// Letters tell the script; within a script, the words each language's lexicon knows decide,
    /// which holds up on a single short sentence where letter statistics do not.
    public static func identify(_ text: FoldedText, lexicon: Lexicon) -> String? {
        identify(text, hits: lexicon.hits(in: text, language: nil))
    }

    /// The same, from the text's hits in every language (when they are at hand already).
    public static func identify(_ text: FoldedText, hits: [LexiconHit]) -> String? {
        guard let byLetters = identify(text) else { return nil }
        let rivals = byLetters == "uk" || byLetters == "ru" ? ["uk", "ru"] : ["en", "de"]
        var score = [String: Int]()
        for hit in hits {
            let langs = Set(hit.entries.compactMap { $0.language })
            // A word both languages share says nothing.
            if langs.count == 1, let l = langs.first { score[l, default: 0] += 1 }
        }
        let a = score[rivals[0], default: 0], b = score[rivals[1], default: 0]
        if a == b { return byLetters }
        return a > b ? rivals[0] : rivals[1]
    }

    static let germanWords: [[UInt8]] = ["der", "die", "und", "das", "nicht", "mit", "ist", "von", "den", "wurden", "sich"].map { Array($0.utf8) }
    static let englishWords: [[UInt8]] = ["the", "and", "of", "to", "was", "were", "with", "that", "is", "from", "said"].map { Array($0.utf8) }

    static let ukrainianWords: [[UInt8]] = ["і", "та", "що", "це", "як", "його", "є", "від", "під", "було", "які", "україні"].map { Array($0.utf8) }
    static let russianWords: [[UInt8]] = ["и", "что", "это", "как", "его", "есть", "от", "под", "было", "которые", "украине", "ночью"].map { Array($0.utf8) }

    private static func count(words: [[UInt8]], in b: [UInt8], limit: Int) -> Int {
        var total = 0
        var i = 0
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || c >= 0x80 }
        while i < limit {
            guard isLetter(b[i]), i == 0 || !isLetter(b[i - 1]) else { i += 1; continue }
            var j = i
            while j < limit && isLetter(b[j]) { j += 1 }
            let len = j - i
            if len <= 16 {
                for w in words where w.count == len && b[i..<j].elementsEqual(w) { total += 1; break }
            }
            i = j
        }
        return total
    }
}
