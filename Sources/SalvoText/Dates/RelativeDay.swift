/// What a relday term of the lexicon says: which day it names against the publication date, and
/// whether it is a night (dated by the morning it ends).
///
/// Read from the entry's value and extra: `0 night` (overnight, last night), `-1` (yesterday),
/// `next night` (night of, у ніч на: the date or weekday named next is the morning).
public struct RelativeDay: Sendable, Equatable {
    /// Days from publication (0 today, -1 yesterday); `nil` when the date or weekday that follows decides.
    public var offset: Int?
    public var isNight: Bool
    /// Counts from the date the text named just before, where there is one ("on Monday …; the day
    /// before, …", "am Vortag", "накануне"), rather than from publication.
    public var isAnaphoric = false

    public init(offset: Int?, isNight: Bool, isAnaphoric: Bool = false) {
        self.offset = offset
        self.isNight = isNight
        self.isAnaphoric = isAnaphoric
    }

    /// `nil` for a value that is neither a day count nor `next`; `scripts/lexicon/check.py` reports those.
    public init?(value: String, extra: String?) {
        if value == "next" {
            offset = nil
        } else if let n = Int(value), (-31...0).contains(n) {
            offset = n
        } else {
            return nil
        }
        switch extra {
        case nil: isNight = false
        case "night": isNight = true
        case "previous":
            guard offset != nil else { return nil }
            isNight = false
            isAnaphoric = true
        default: return nil
        }
    }
}
