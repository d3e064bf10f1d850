import SalvoModel

/// A date expression in a text, resolved against the publication date where it is relative.
public struct DateMention: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// "17 листопада", "November 17, 2024", "17.11.2024", "Nov. 8" (a missing year comes from publication).
        case absolute
        /// "on Sunday", "am Sonntag".
        case weekday
        /// "overnight", "вночі", "today", "heute Morgen": the day of publication.
        case today
        /// "yesterday", "вчора", "the day before", and any other day counted back from publication.
        case yesterday
    }

    public var kind: Kind
    /// Resolved day; `nil` when a year or the publication date is missing.
    public var day: Day?
    /// Every token of the expression, a night's words included ("у ніч на 17 листопада").
    public var tokens: Range<Int>
    /// An overnight attack ("у ніч на 17 листопада", "in der Nacht zu Sonntag"), dated by the morning it ends.
    public var isNight: Bool
    /// Days counted from publication for a relative mention ("yesterday" -1); `nil` for a named date or weekday.
    public var offset: Int?

    public init(kind: Kind, day: Day?, tokens: Range<Int>, isNight: Bool, offset: Int? = nil) {
        self.kind = kind
        self.day = day
        self.tokens = tokens
        self.isNight = isNight
        self.offset = offset
    }

    /// Whether the day was worked out from the publication date (a weekday, "yesterday", "overnight"),
    /// rather than named in the text.
    public var isRelative: Bool { kind != .absolute }
}
