import SalvoModel

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
    /// Parts of a whole: `of` ("34 of 58"), `of_them` ("80 of them"), `out` and `article` (the
    /// "out" and "the" of "out of", "of the"), `more` ("5 more", "ще 5": nothing new is named).
    case part
    /// Settings rather than terms, never matched in text: `separator` says how a language writes
    /// numbers (`,` `.` `space` as `group`, `decimal` or `ordinal`: NumberFormat); `function` and
    /// `letter` are its commonest words and its own letters, with a weight (LanguageProfile).
    case separator, function, letter
    /// Words that open a new clause after a comma ("while", "während", "тоді як", "тогда как"): a
    /// date, place or speaker before them belongs to another statement.
    case clause

    /// Whether entries of this category configure the reader instead of being matched.
    public var isSetting: Bool { self == .separator || self == .function || self == .letter }
}

/// Parts of a whole and the small words around counts (`part`): "34 of 58", "80 of them", the
/// "out" and "the" of "out of", "of the", "5 more", the "than" of "more than", an auxiliary.
public enum LexiconPart: String, Sendable {
    case of
    case ofThem = "of_them"
    case out, article, more, link, aux, all
    /// "not", "nicht", "не": the verb after it (or after its auxiliary) did not happen.
    case not
    /// "by" after a participle ("launched by Russia"): the participle describes a noun.
    case agent
    /// "overall", "in total", "загалом": the count after it is a total, not a share.
    case total
    /// "each", "je", "по" by a count: the count holds for every place named with it, not for all together.
    case each
    /// The separable particle that closes a verb after its count ("schoss 50 ab", "fing 20 ab"):
    /// no noun the count could be counting.
    case particle
}

/// Why a sentence or a number is not a strike figure (`negative`).
public enum LexiconNegative: String, Sendable {
    case money
    case warTotal = "war_total"
    case history
    case otherWar = "other_war"
    case exercise, accident, debris
    /// Words for bodies recovered: with "ще"/"more" next to the number ("тіла ще двох", "the bodies
    /// of two more") they count what was found since, not the toll.
    case recovered
    /// What could, may or is planned to happen: "Russia could soon launch 1,000 drones a night".
    case forecast
    /// "several hundred", "mehrere Hundert", "сотні": an amount without a value; only the number
    /// words inside it are ruled out.
    case vague
}

/// Where a preposition puts a place (`preposition`): where something landed, or where weapons came from.
public enum LexiconPreposition: String, Sendable { case location, origin }

/// What a non-figure noun after a number counts (`unit`).
public enum LexiconUnit: String, Sendable {
    case time, distance, percent, building, settlement, vehicle, other, capital
    /// "across the country", "andere Landesteile", "по всій країні": the whole country attacked.
    case country
}

/// Who a people noun names (`people`).
public enum LexiconPeople: String, Sendable { case person, child }

/// One line of a lexicon file: `term<TAB>category<TAB>value[<TAB>extra]`.
///
/// A class: extraction reads entries by the thousand per document, and handing one out then costs
/// one reference count instead of one per string it holds.
public final class LexiconEntry: Sendable {
    public let category: LexiconCategory
    public let value: String
    public let extra: String?
    /// `nil` for entries of `common.tsv`, which hold in every language.
    public let language: String?
    /// `value` as an integer, for numbers, multipliers, months and weekdays.
    public let intValue: Int?
    /// `value` read once as the contract's vocabulary, for the categories that name it.
    public let weaponClass: WeaponClass?
    public let quantity: Quantity?
    public let qualifier: Qualifier?
    /// For a claimant entry, whose officials it names.
    public let side: Claimant?
    /// For an attacker entry, which side it names (`enemy` names none by itself).
    public let belligerent: Belligerent?
    /// `enemy`: the side the text is written against, resolved from the text.
    public let isEnemy: Bool
    /// The typed value of the categories whose values the extractor reasons with.
    public let part: LexiconPart?
    public let negative: LexiconNegative?
    public let preposition: LexiconPreposition?
    public let unit: LexiconUnit?
    public let people: LexiconPeople?
    /// For a relday entry, the day it names against publication and whether it is a night.
    public let relativeDay: RelativeDay?

    public init(category: LexiconCategory, value: String, extra: String? = nil, language: String? = nil) {
        self.category = category
        self.value = value
        self.extra = extra
        self.language = language
        self.intValue = Int(value)
        weaponClass = category == .weapon ? WeaponClass(rawValue: value) : nil
        quantity = category == .quantity ? Quantity(rawValue: value) : nil
        qualifier = category == .qualifier ? Qualifier(rawValue: value) : nil
        side = category == .claimant ? Claimant(rawValue: value) : nil
        belligerent = category == .attacker ? Belligerent(rawValue: value) : nil
        isEnemy = category == .attacker && value == "enemy"
        part = category == .part ? LexiconPart(rawValue: value) : nil
        negative = category == .negative ? LexiconNegative(rawValue: value) : nil
        preposition = category == .preposition ? LexiconPreposition(rawValue: value) : nil
        unit = category == .unit ? LexiconUnit(rawValue: value) : nil
        people = category == .people ? LexiconPeople(rawValue: value) : nil
        relativeDay = category == .relday ? RelativeDay(value: value, extra: extra) : nil
    }

    public func holds(in language: String?) -> Bool {
        self.language == nil || language == nil || self.language == language
    }
}

/// A lexicon term found in a text: its folded range and every entry of that term.
///
/// Hits are made for every matched word of every document, so they hold entry numbers into the
/// shared table and a bitmask of categories rather than copies of the entries.
public struct LexiconHit: Sendable {
    public var start: Int
    public var end: Int
    // Unowned: hits are made by the million and copied around, and a counted reference would cost a
    // retain and a release per copy. The `Lexicon` that made them (held by every `TextAnalysis`)
    // keeps the table alive.
    unowned(unsafe) let table: LexiconTable
    private var slots: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
    private(set) var count = 0
    /// Bit `n` set when an entry of category number `n` is present.
    public private(set) var categories: UInt32 = 0

    init(start: Int, end: Int, table: LexiconTable, entry: Int32) {
        self.start = start
        self.end = end
        self.table = table
        add(entry)
    }

    /// Adds another entry of an equally long term; a term has at most four meanings.
    mutating func add(_ entry: Int32) {
        guard count < 4 else { return }
        switch count {
        case 0: slots.0 = entry
        case 1: slots.1 = entry
        case 2: slots.2 = entry
        default: slots.3 = entry
        }
        count += 1
        categories |= table.categoryBits[Int(entry)]
    }

    fileprivate func slot(_ i: Int) -> Int32 {
        switch i {
        case 0: return slots.0
        case 1: return slots.1
        case 2: return slots.2
        default: return slots.3
        }
    }

    /// The hit's entries, read in place.
    public var entries: Entries { Entries(hit: self) }

    public struct Entries: RandomAccessCollection {
        let hit: LexiconHit
        public var startIndex: Int { 0 }
        public var endIndex: Int { hit.count }
        public subscript(i: Int) -> LexiconEntry { hit.table.entry[Int(hit.slot(i))] }
    }

    /// The first entry of `category`; most hits lack most categories, so that check is inlined.
    @inlinable @inline(__always)
    public func first(_ category: LexiconCategory) -> LexiconEntry? {
        has(category) ? entry(of: category) : nil
    }

    // Inlined: a caller reads one `let` field of the entry, and only when it sees the load can the
    // optimizer borrow the reference instead of retaining and releasing it (a tenth of all reference
    // counting in a profile).
    @usableFromInline @inline(__always)
    func entry(of category: LexiconCategory) -> LexiconEntry? {
        // The category bits sit in a small array of their own; only the entry returned is read.
        let bit = category.bit
        for i in 0..<count where table.categoryBits[Int(slot(i))] == bit { return table.entry[Int(slot(i))] }
        return nil
    }

    @inlinable @inline(__always)
    public func has(_ category: LexiconCategory) -> Bool { categories & category.bit != 0 }
}

/// The entries of a compiled lexicon, shared by every hit.
///
/// The per-entry codes that every hit reads are kept behind plain pointers: reading a class's array
/// property costs a retain and a release, and hits are made for every matched word.
final class LexiconTable: @unchecked Sendable {
    let entries: [LexiconEntry]
    /// The same entries, read by hits without retaining the array.
    let entry: UnsafeMutablePointer<LexiconEntry>
    /// Per entry: 0 for common entries, else the language's number in `Lexicon.languages`.
    let languageCodes: UnsafeMutablePointer<UInt8>
    /// Per entry: its category's bit, read without touching the entry itself.
    let categoryBits: UnsafeMutablePointer<UInt32>

    init(entries: [LexiconEntry]) {
        self.entries = entries
        entry = .allocate(capacity: max(entries.count, 1))
        entry.initialize(from: entries, count: entries.count)
        languageCodes = .allocate(capacity: max(entries.count, 1))
        categoryBits = .allocate(capacity: max(entries.count, 1))
        for (i, e) in entries.enumerated() {
            languageCodes[i] = Lexicon.languageCode(e.language)
            categoryBits[i] = e.category.bit
        }
    }

    deinit {
        entry.deinitialize(count: entries.count)
        entry.deallocate()
        languageCodes.deallocate()
        categoryBits.deallocate()
    }
}

extension LexiconCategory {
    @inlinable
    public var bit: UInt32 {
        switch self {
        case .weapon: 1 << 0
        case .quantity: 1 << 1
        case .qualifier: 1 << 2
        case .number: 1 << 3
        case .multiplier: 1 << 4
        case .month: 1 << 5
        case .weekday: 1 << 6
        case .relday: 1 << 7
        case .claimant: 1 << 8
        case .attribution: 1 << 9
        case .attacker: 1 << 10
        case .people: 1 << 11
        case .negative: 1 << 12
        case .target: 1 << 13
        case .unit: 1 << 14
        case .abbrev: 1 << 15
        case .subset: 1 << 16
        case .background: 1 << 17
        case .preposition: 1 << 18
        case .conjunction: 1 << 19
        case .part: 1 << 20
        case .separator: 1 << 21
        case .function: 1 << 22
        case .letter: 1 << 23
        case .clause: 1 << 24
        }
    }
}
