import SalvoModel

/// A date expression in a text, resolved against the publication date where it is relative.
public struct DateMention: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// "17 листопада", "November 17, 2024", "17.11.2024".
        case absolute
        /// "on Sunday", "am Sonntag".
        case weekday
        /// "overnight", "вночі", "today", "heute Morgen".
        case today
        case yesterday
    }

    public var kind: Kind
    /// Resolved day; `nil` when a year or the publication date is missing.
    public var day: Day?
    public var tokens: Range<Int>
    /// An overnight attack ("у ніч на 17 листопада", "in der Nacht zu Sonntag"), dated by the morning it ends.
    public var isNight: Bool
}
