/// Tells Salvo's languages apart from the letters and function words of a text, both read from the
/// lexicon (`function` and `letter` lines, see `LanguageProfiles`): the script picks the candidates,
/// their weighted words and letters the winner.
///
/// ```swift
/// LanguageIdentifier.identify("Росія атакувала Україну вночі")   // "uk"
/// ```
public enum LanguageIdentifier {
    /// From letters and function words only (see `identify(_:lexicon:)` for the full decision).
    public static func identify(_ text: FoldedText) -> String? {
        identify(text, profiles: Lexicon.shared.languageProfiles)
    }

    /// The full decision on the bundled lexicon: letters, function words and every lexicon term.
    public static func identify(_ text: String) -> String? { identify(FoldedText(text), lexicon: .shared) }

    public static func identify(_ text: FoldedText, profiles: LanguageProfiles) -> String? {
        guard let (isCyrillic, scores) = score(text, profiles) else { return nil }
        var best: Int?
        for (i, p) in profiles.profiles.enumerated() where p.isCyrillic == isCyrillic {
            // Ties go to the language listed first.
            if best == nil || scores[i] > scores[best!] { best = i }
        }
        return best.map { profiles.profiles[$0].language }
    }

    /// Letters tell the script; within a script, the words each language's lexicon knows decide,
    /// which holds up on a single short sentence where letter statistics do not.
    public static func identify(_ text: FoldedText, lexicon: Lexicon) -> String? {
        identify(text, hits: lexicon.hits(in: text, language: nil), profiles: lexicon.languageProfiles)
    }

    /// The same, from the text's hits in every language (when they are at hand already).
    public static func identify(_ text: FoldedText, hits: [LexiconHit]) -> String? {
        identify(text, hits: hits, profiles: Lexicon.shared.languageProfiles)
    }

    public static func identify(_ text: FoldedText, hits: [LexiconHit], profiles: LanguageProfiles) -> String? {
        guard let byLetters = identify(text, profiles: profiles),
              let own = profiles.profiles.first(where: { $0.language == byLetters }) else { return nil }
        let rivals = profiles.profiles.filter { $0.isCyrillic == own.isCyrillic }.map { $0.language }
        var score = [String: Int]()
        for hit in hits {
            var only: String?
            var shared = false
            for e in hit.entries {
                guard let l = e.language else { continue }
                if only == nil { only = l } else if only != l { shared = true }
            }
            // A word two languages share says nothing.
            if !shared, let l = only, rivals.contains(l) { score[l, default: 0] += 1 }
        }
        var best = byLetters
        var top = score[byLetters, default: 0]
        for l in rivals where score[l, default: 0] > top {
            best = l
            top = score[l, default: 0]
        }
        return best
    }

    /// Whether the sample is mostly Cyrillic, and each profile's weighted count; `nil` without letters.
    static func score(_ text: FoldedText, _ profiles: LanguageProfiles) -> (Bool, [Int])? {
        let b = text.bytes
        // A sample is enough; news texts do not switch language halfway.
        let n = min(b.count, 20_000)
        var scores = [Int](repeating: 0, count: profiles.profiles.count)
        var latin = 0, cyrillic = 0
        var i = 0
        var wordStart = -1
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || c >= 0x80 }
        func endWord(_ end: Int) {
            defer { wordStart = -1 }
            if wordStart >= 0 { profiles.count(b[wordStart..<end], into: &scores) }
        }
        while i < n {
            let c = b[i]
            if isLetter(c) {
                if wordStart < 0 { wordStart = i }
            } else {
                endWord(i)
            }
            if c < 0x80 {
                if c >= 0x61 && c <= 0x7A { latin += 1 }
                i += 1
                continue
            }
            if c >= 0xD0 && c <= 0xD3 { cyrillic += 1 }
            if i + 1 < n, c < 0xE0, let hits = profiles.letters[UInt16(c) << 8 | UInt16(b[i + 1])] {
                for (p, w) in hits { scores[p] += w }
            }
            let width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            // The rest of a multi-byte letter continues the word.
            i += min(width, n - i)
        }
        endWord(n)
        if cyrillic == 0 && latin == 0 { return nil }
        return (cyrillic > latin, scores)
    }
}
