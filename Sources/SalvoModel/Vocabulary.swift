// The closed vocabularies of eval/GUIDELINES.md; raw values are the contract's spellings.

/// What a figure counts.
public enum Quantity: String, Codable, CaseIterable, Sendable {
    case launched, intercepted, lost, hit, killed, injured, missing

    /// Casualty counts are about people, so they carry no weapon.
    public var isCasualty: Bool { self == .killed || self == .injured || self == .missing }
}

/// The class of weapon a launch, interception, loss or hit figure counts.
public enum WeaponClass: String, Codable, CaseIterable, Sendable {
    case drone, decoy, missile
    case cruiseMissile = "cruise_missile"
    case ballisticMissile = "ballistic_missile"
    case guidedBomb = "guided_bomb"
    case artillery
    case any

    public var isMissile: Bool { self == .missile || self == .cruiseMissile || self == .ballisticMissile }
}

/// How exactly the text states a value.
public enum Qualifier: String, Codable, CaseIterable, Sendable {
    case exact
    case atLeast = "at_least"
    case moreThan = "more_than"
    case about, almost
    case upTo = "up_to"
}

/// Whose statement a figure is: a side's officials (`UA`, `RU`, `US`), the outlet itself (`media`)
/// or anyone else (`other`: the UN, the IAEA, another government).
public enum Claimant: String, Codable, CaseIterable, Sendable {
    case ukraine = "UA"
    case russia = "RU"
    case unitedStates = "US"
    case media
    case other

    /// The warring side this claimant speaks for, if it is one.
    public var belligerent: Belligerent? {
        switch self {
        case .ukraine: .ukraine
        case .russia: .russia
        default: nil
        }
    }
}

/// A side that attacks in this war: the attacker of an event is one of these, never a claimant
/// like `media` or `US`.
public enum Belligerent: String, Codable, CaseIterable, Sendable {
    case russia = "RU"
    case ukraine = "UA"

    /// The other side of the front.
    public var opponent: Belligerent { self == .russia ? .ukraine : .russia }

    /// The claimant that speaks for this side's officials.
    public var claimant: Claimant { self == .russia ? .russia : .ukraine }

    /// The ISO country code of the side's territory.
    public var country: String { rawValue }

    public init?(country: String?) {
        switch country {
        case "RU": self = .russia
        case "UA": self = .ukraine
        default: return nil
        }
    }
}
