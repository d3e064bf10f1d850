import Foundation

/// A named piece of evidence that a candidate (a place, a claimant, a date, a side) is the right
/// one for a figure. Each resolver lists its candidates with the features they show; the weights
/// of all features live in one table, `Resources/weights.tsv`, which `scripts/fit-weights` fits on
/// the dev data.
enum Feature: String, CaseIterable, Sendable {
    // the document frame: which place the article's attack is on
    case frameHeadline = "frame.headline"
    case frameLead = "frame.lead"
    case frameMentions = "frame.mentions"
    case frameLocative = "frame.locative"
    case frameCity = "frame.city"
    case frameRegion = "frame.region"
    case frameCountry = "frame.country"
    // place
    case placeSameClause = "place.same_clause"
    case placeSameSentence = "place.same_sentence"
    case placeDistance = "place.distance"
    case placeAfterNumber = "place.after_number"
    case placeLocative = "place.locative"
    case placeOrigin = "place.origin"
    case placeActor = "place.actor"
    case placeAttackerTerritory = "place.attacker_territory"
    case placeOtherNumberOwns = "place.other_number_owns"
    case placeCity = "place.city"
    case placeRegion = "place.region"
    case placeCountry = "place.country"
    case placeInFrame = "place.in_frame"
    case placeCarried = "place.carried"
    case placeCarriedWeapons = "place.carried_weapons"
    case placeSentencesBack = "place.sentences_back"
    case placeFrame = "place.frame"
    case placeFrameCasualty = "place.frame_casualty"
    case placeFrameAnaphora = "place.frame_anaphora"
    case placeNationwide = "place.nationwide"
    case placeNationwideWeapons = "place.nationwide_weapons"
    case placeNationalClaimant = "place.national_claimant"
    case placeLocalClaimant = "place.local_claimant"
    case placeFrameSeveral = "place.frame_several"
    case placeClauseSeveral = "place.clause_several"
    // claimant
    case claimantSpeaking = "claimant.speaking"
    case claimantSameClause = "claimant.same_clause"
    case claimantInSentence = "claimant.in_sentence"
    case claimantDistance = "claimant.distance"
    case claimantActor = "claimant.actor"
    case claimantSideSpeaking = "claimant.side_speaking"
    case claimantEarlier = "claimant.earlier"
    case claimantSentencesBack = "claimant.sentences_back"
    case claimantNext = "claimant.next"
    case claimantNextCounts = "claimant.next_counts"
    case claimantLocalSourceWeapons = "claimant.local_source_weapons"
    case claimantColon = "claimant.colon"
    case claimantQuote = "claimant.quote"
    case claimantDocumentSource = "claimant.document_source"
    case claimantDocumentSourceCasualty = "claimant.document_source_casualty"
    case claimantMedia = "claimant.media"
    // date
    case dateSameClause = "date.same_clause"
    case dateSameSentence = "date.same_sentence"
    case dateDistance = "date.distance"
    case dateCarried = "date.carried"
    case dateSentencesBack = "date.sentences_back"
    case dateFrame = "date.frame"
    case datePublished = "date.published"
    case dateRelative = "date.relative"
    // attacker
    case attackerAgentClause = "attacker.agent_clause"
    case attackerAgentSentence = "attacker.agent_sentence"
    case attackerClaimantCountsOwnDefence = "attacker.claimant_counts_defence"
    case attackerTargetTerritory = "attacker.target_territory"
    case attackerWeaponOrigin = "attacker.weapon_origin"
    case attackerFrame = "attacker.frame"
    case attackerClaimantCasualty = "attacker.claimant_casualty"
}

/// The weight of every feature, read once from `Resources/weights.tsv`
/// (`feature<TAB>weight`). `SALVO_WEIGHTS=FILE` reads another table, so a fitting script can try
/// weights without rebuilding.
struct FeatureWeights: Sendable {
    private var values: [Double]

    static let shared: FeatureWeights = {
        let override = ProcessInfo.processInfo.environment["SALVO_WEIGHTS"].flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        let bundled = Bundle.module.url(forResource: "weights", withExtension: "tsv", subdirectory: "Resources")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        return FeatureWeights(tsv: override ?? bundled ?? "")
    }()

    init(tsv: String) {
        values = Array(repeating: 0, count: Feature.allCases.count)
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t")
            guard cols.count >= 2, let f = Feature(rawValue: String(cols[0])), let w = Double(cols[1]) else { continue }
            values[Feature.index(f)] = w
        }
    }

    subscript(_ f: Feature) -> Double { values[Feature.index(f)] }
}

extension Feature {
    private static let order: [Feature: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
    static func index(_ f: Feature) -> Int { order[f]! }
}

/// One answer a resolver weighs, with the evidence for it.
struct Candidate<Value> {
    var value: Value
    var evidence: [(Feature, Double)] = []

    init(_ value: Value, _ evidence: [(Feature, Double)] = []) {
        self.value = value
        self.evidence = evidence
    }

    mutating func add(_ f: Feature, _ x: Double = 1) { evidence.append((f, x)) }
    mutating func add(_ f: Feature, if condition: Bool) { if condition { evidence.append((f, 1)) } }

    func score(_ w: FeatureWeights) -> Double { evidence.reduce(0) { $0 + w[$1.0] * $1.1 } }
}

extension Array {
    /// The candidate with the highest score; the earlier one on a tie, so listing order breaks ties.
    func best<V>(_ w: FeatureWeights) -> Candidate<V>? where Element == Candidate<V> {
        var top: Candidate<V>?
        var topScore = -Double.infinity
        for c in self {
            let s = c.score(w)
            if s > topScore { top = c; topScore = s }
        }
        return top
    }
}

/// `SALVO_TRACE=1` prints every resolver's candidates with their evidence and scores to stderr:
/// what `salvo extract` weighed for each figure.
enum EvidenceTrace {
    static let enabled = ProcessInfo.processInfo.environment["SALVO_TRACE"] == "1"

    static func print<V>(_ field: String, _ figure: String, _ candidates: [Candidate<V>], _ w: FeatureWeights) {
        guard enabled else { return }
        var out = "\(field) for \(figure):\n"
        for c in candidates.sorted(by: { $0.score(w) > $1.score(w) }) {
            let ev = c.evidence.map { "\($0.0.rawValue)=\($0.1)" }.joined(separator: " ")
            out += "  \(String(format: "%6.2f", c.score(w)))  \(c.value)  \(ev)\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
    }
}
