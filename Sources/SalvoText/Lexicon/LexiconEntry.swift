/// What a lexicon term means; the categories of `Resources/lexicon/README.md`.
public enum LexiconCategory: String, Sendable, CaseIterable {
    case weapon, quantity, qualifier, number, multiplier, month, weekday, relday
    case claimant, attribution, attacker, people, negative, target, unit, abbrev
    /// Words that introduce a subset of people already counted ("among them", "серед них").
    case subset
    /// Words that mark a figure as background from an earlier attack ("recall", "нагадаємо").
    case background
    /// Prepositions that name where a figure happened ("in", "over", "над"), or where weapons came from (`from`).
    case preposition
    /// "and", "und", "та", "и": a noun phrase ends before it.
    case conjunction
}

/// One line of a lexicon file: `term<TAB>category<TAB>value[<TAB>extra]`.
public struct LexiconEntry: Sendable, Hashable {
    public var category: LexiconCategory
    public var value: String
    public var extra: String?
    /// `nil` for entries of `common.tsv`, which hold in every language.
    public var language: String?
    /// `value` as an integer, for numbers, multipliers, months and weekdays.
    public var intValue: Int?

    public init(category: LexiconCategory, value: String, extra: String? = nil, language: String? = nil) {
        self.category = category
        self.value = value
        self.extra = extra
        self.language = language
        self.intValue = Int(value)
    }

    public func holds(in language: String?) -> Bool {
        self.language == nil || language == nil || self.language == language
    }
}

/// A lexicon term found in a text: its folded range and every entry of that term.
public struct LexiconHit: Sendable {
    public var start: Int
    public var end: Int
    public var entries: [LexiconEntry]

    public func first(_ category: LexiconCategory) -> LexiconEntry? {
        entries.first { $0.category == category }
    }

    public func has(_ category: LexiconCategory) -> Bool {
        entries.contains { $0.category == category }
    }
}
