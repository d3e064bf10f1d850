/// A number in a text, as digits ("1,900", "1 900", "1.900") or words ("fünf", "п'яти").
public struct NumberMention: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A count of something: the only kind that can become a figure.
        case count
        case decimal, time, date, year, percent, ordinal
        /// Digits whose value does not fit (overflow) or exceeds `NumberMention.largestCount`:
        /// never a figure, and `value` is 0.
        case tooLarge
    }

    public var value: Int
    public var kind: Kind
    /// Token index range, multipliers included ("2 тис.").
    public var tokens: Range<Int>
    public var isWord: Bool

    /// The largest count Salvo reads: no strike has more of anything, and sums of counts this size
    /// stay far from overflow in every later stage.
    public static let largestCount = 1_000_000_000_000

    public init(value: Int, kind: Kind, tokens: Range<Int>, isWord: Bool) {
        self.value = value
        self.kind = kind
        self.tokens = tokens
        self.isWord = isWord
    }
}

extension NumberMention.Kind: CustomStringConvertible {
    public var description: String {
        switch self {
        case .count: "count"
        case .decimal: "decimal"
        case .time: "time"
        case .date: "date"
        case .year: "year"
        case .percent: "percent"
        case .ordinal: "ordinal"
        case .tooLarge: "number too large"
        }
    }
}
