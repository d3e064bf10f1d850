/// The function words and letters of each language, from the `function` and `letter` lines of the
/// lexicon files, each with a weight: what `LanguageIdentifier` counts in a text.
///
/// ```
/// the     function    2        # en.tsv
/// і       letter      2        # uk.tsv
/// ```
public struct LanguageProfiles: Sendable {
    public struct Profile: Sendable {
        public var language: String
        /// Whether the language is written in Cyrillic, judged from its own function words.
        public var isCyrillic: Bool
    }

    /// In the order of `Lexicon.languages`, which also breaks ties.
    public let profiles: [Profile]
    /// Hash of a folded word → (word, profile index, weight): looked up without copying the word out.
    let words: [UInt64: [(word: [UInt8], profile: Int, weight: Int)]]
    /// A two-byte letter (lead << 8 | continuation) → (profile index, weight).
    let letters: [UInt16: [(Int, Int)]]
    /// Longest function word, in bytes: longer words are not looked up.
    let longestWord: Int

    init(settings: [LexiconSetting], languages: [String]) {
        var profiles: [Profile] = []
        var words: [UInt64: [(word: [UInt8], profile: Int, weight: Int)]] = [:]
        var letters: [UInt16: [(Int, Int)]] = [:]
        var longest = 0
        for language in languages {
            let own = settings.filter { $0.language == language && ($0.category == .function || $0.category == .letter) }
            let functionWords = own.filter { $0.category == .function }
            guard !functionWords.isEmpty else { continue }
            let cyrillic = functionWords.filter { ($0.term.first ?? 0) >= 0xD0 }.count
            let index = profiles.count
            profiles.append(Profile(language: language, isCyrillic: 2 * cyrillic > functionWords.count))
            for s in own {
                let weight = Int(s.value) ?? 1
                if s.category == .function {
                    words[Self.hash(s.term[...]), default: []].append((s.term, index, weight))
                    longest = max(longest, s.term.count)
                } else if s.term.count == 2 {
                    letters[UInt16(s.term[0]) << 8 | UInt16(s.term[1]), default: []].append((index, weight))
                }
            }
        }
        self.profiles = profiles
        self.words = words
        self.letters = letters
        longestWord = longest
    }

    /// FNV-1a over a word's bytes.
    @inline(__always)
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in bytes { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }

    /// Adds the weights of `word`, if it is a function word, to `scores`.
    @inline(__always)
    func count(_ word: ArraySlice<UInt8>, into scores: inout [Int]) {
        guard word.count <= longestWord, let found = words[Self.hash(word)] else { return }
        for f in found where f.word.elementsEqual(word) { scores[f.profile] += f.weight }
    }
}
