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

/// Whose statement a figure is; also the attacking side (`UA`, `RU`).
public enum Side: String, Codable, CaseIterable, Sendable {
    case ukraine = "UA"
    case russia = "RU"
    case unitedStates = "US"
    case media
    case other
}
