/// A number in a text, as digits ("1,900", "1 900", "1.900") or words ("fünf", "п'яти").
public struct NumberMention: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A count of something: the only kind that can become a figure.
        case count
        case decimal, time, date, year, percent, ordinal
    }

    public var value: Int
    public var kind: Kind
    /// Token index range, multipliers included ("2 тис.").
    public var tokens: Range<Int>
    public var isWord: Bool
}
