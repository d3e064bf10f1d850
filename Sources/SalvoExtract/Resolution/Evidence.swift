import Foundation

/// A named piece of evidence that a candidate (a place, a claimant, a date, a side) is the right
/// one for a figure. Each resolver lists its candidates with the features they show; the weights
/// of all features live in one table, `Resources/weights.tsv`, which `scripts/fit-weights` fits on
/// the dev data.
enum Feature: Int, CaseIterable, Sendable {
    // the document frame: which place the article's attack is on
    case frameHeadline
    case frameLead
    case frameMentions
    case frameLocative
    case frameCity
    case frameRegion
    case frameCountry
    // place
    case placeSameClause
    case placeSameSentence
    case placeDistance
    case placeAfterNumber
    case placeLocative
    case placeOrigin
    case placeActor
    case placeAttackerTerritory
    case placeOtherNumberOwns
    case placeSubset
    case placeCity
    case placeRegion
    case placeCountry
    case placeInFrame
    case placeCarried
    case placeCarriedWeapons
    case placeSentencesBack
    case placeFrame
    case placeCapital
    case placeFrameCasualty
    case placeFrameAnaphora
    case placeNationwide
    case placeNationwideWeapons
    case placeNationalClaimant
    case placeLocalClaimant
    case placeFrameSeveral
    case placeClauseSeveral
    case placeContextSeveral
    case placeNationwideLocalClause
    case placeNationwideNamed
    case placeJurisdiction
    case placeFrameInJurisdiction
    case placeNationwideBreakdown
    case placeCoordinated
    case placeClauseRegions
    // claimant
    case claimantSpeaking
    case claimantSameClause
    case claimantInSentence
    case claimantDistance
    case claimantSideSpeaking
    case claimantSourceSide
    case claimantEarlier
    case claimantSentencesBack
    case claimantNext
    case claimantNextCounts
    case claimantNextParagraph
    case claimantLocalSourceWeapons
    case claimantColon
    case claimantQuote
    case claimantDocumentSource
    case claimantDocumentSourceCasualty
    case claimantMedia
    // date
    case dateSameClause
    case dateSameSentence
    case dateDistance
    case dateCarried
    case dateSentencesBack
    case dateFrame
    case datePublished
    case dateRelative
    // attacker
    case attackerAgentClause
    case attackerAgentSentence
    case attackerClaimantCountsOwnDefence
    case attackerTargetTerritory
    case attackerWeaponOrigin
    case attackerFrame
    case attackerClaimantCasualty
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
        let byName = Dictionary(uniqueKeysWithValues: Feature.allCases.map { ($0.name, $0) })
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t")
            guard cols.count >= 2, let f = byName[String(cols[0])], let w = Double(cols[1]), w.isFinite else { continue }
            values[f.rawValue] = w
        }
    }

    subscript(_ f: Feature) -> Double { values[f.rawValue] }
}

extension Feature {
    /// The feature's name in `weights.tsv`: the case name.
    var name: String { String(describing: self) }
}

/// One answer a resolver weighs, with the evidence for it. Its score is the sum of weight × value
/// over its features, with the weights of `FeatureWeights.shared`, added up as the features are;
/// the features themselves are kept only when `SALVO_TRACE` asks for them.
struct Candidate<Value> {
    var value: Value
    private(set) var score = 0.0
    private(set) var evidence: [(Feature, Double)] = []

    init(_ value: Value, _ evidence: [(Feature, Double)] = []) {
        self.value = value
        for (f, x) in evidence { add(f, x) }
    }

    mutating func add(_ f: Feature, _ x: Double = 1) {
        score += FeatureWeights.shared[f] * x
        if EvidenceTrace.enabled { evidence.append((f, x)) }
    }

    mutating func add(_ f: Feature, if condition: Bool) { if condition { add(f, 1) } }
}

extension Array {
    /// An empty list with room for a figure's usual candidates: listing them one by one from an
    /// empty array regrew it three or four times per figure and resolver.
    static func candidates<V>() -> [Candidate<V>] where Element == Candidate<V> {
        var list: [Candidate<V>] = []
        list.reserveCapacity(16)
        return list
    }

    /// The candidate with the highest score; the earlier one on a tie, so listing order breaks ties.
    /// `nil` only for no candidates.
    func best<V>() -> Candidate<V>? where Element == Candidate<V> {
        // By index: only the winner is copied out, not every candidate that leads for a while.
        guard var top = indices.first else { return nil }
        var topScore = self[top].score
        for i in indices.dropFirst() where self[i].score > topScore || topScore.isNaN {
            top = i
            topScore = self[i].score
        }
        return self[top]
    }
}

/// `SALVO_TRACE=1` prints every resolver's candidates with their evidence and scores to stderr:
/// what `salvo extract` weighed for each figure.
enum EvidenceTrace {
    static let enabled = ProcessInfo.processInfo.environment["SALVO_TRACE"] == "1"

    /// `figure` is an autoclosure: describing a quantity goes through reflection and costs about as
    /// much as all four resolvers' own work, for a label nobody reads unless tracing.
    static func print<V>(_ field: String, _ figure: @autoclosure () -> String, _ candidates: [Candidate<V>]) {
        guard enabled else { return }
        var out = "\(field) for \(figure()):\n"
        for c in candidates.sorted(by: { $0.score > $1.score }) {
            let ev = c.evidence.map { "\($0.0.name)=\($0.1)" }.joined(separator: " ")
            out += "  \(String(format: "%6.2f", c.score))  \(c.value)  \(ev)\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
    }
}
