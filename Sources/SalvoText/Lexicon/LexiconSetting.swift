/// A settings line of a lexicon file (`separator`, `function`, `letter`): configuration for a
/// reader, kept out of the automaton because it is not a term to find in text.
public struct LexiconSetting: Sendable {
    public var category: LexiconCategory
    /// The folded term: a separator (`,`, `.`, `space`), a word or a letter.
    public var term: [UInt8]
    public var value: String
    public var language: String?
}
