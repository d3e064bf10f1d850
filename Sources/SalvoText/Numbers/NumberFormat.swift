/// How one language writes numbers, from the `separator` lines of its lexicon file:
///
/// ```
/// ,       separator   group      # en "1,200"
/// .       separator   decimal    # en "1.5"
/// space   separator   group      # uk/ru/de "1 200" (also no-break and thin spaces, folded to one space)
/// .       separator   ordinal    # de "am 17. November"
/// ```
public struct NumberFormat: Sendable, Equatable {
    /// Marks between thousands groups ("1,200", "1.200").
    public var groupMarks: [UInt8]
    /// Whether one space separates thousands groups ("1 200").
    public var groupsBySpace: Bool
    /// Marks before a fraction ("1.5", "1,5").
    public var decimalMarks: [UInt8]
    /// Marks after a day number that make it an ordinal when a word follows ("17. November").
    public var ordinalMarks: [UInt8]

    public init(groupMarks: [UInt8], groupsBySpace: Bool, decimalMarks: [UInt8], ordinalMarks: [UInt8] = []) {
        self.groupMarks = groupMarks
        self.groupsBySpace = groupsBySpace
        self.decimalMarks = decimalMarks
        self.ordinalMarks = ordinalMarks
    }

    /// For a language the lexicon says nothing about: groups by space only, either decimal mark,
    /// which misreads neither "1 200" nor "1.5".
    public static let fallback = NumberFormat(groupMarks: [], groupsBySpace: true, decimalMarks: [0x2C, 0x2E])

    /// The formats of every language with `separator` lines.
    static func formats(from settings: [LexiconSetting]) -> [String: NumberFormat] {
        var out: [String: NumberFormat] = [:]
        for s in settings where s.category == .separator {
            guard let language = s.language else { continue }
            var f = out[language] ?? NumberFormat(groupMarks: [], groupsBySpace: false, decimalMarks: [])
            let isSpace = s.term == Array("space".utf8)
            guard isSpace || s.term.count == 1 else { continue }
            let mark = s.term[0]
            switch s.value {
            case "group": if isSpace { f.groupsBySpace = true } else { f.groupMarks.append(mark) }
            case "decimal": if !isSpace { f.decimalMarks.append(mark) }
            case "ordinal": if !isSpace { f.ordinalMarks.append(mark) }
            default: continue
            }
            out[language] = f
        }
        return out
    }
}
