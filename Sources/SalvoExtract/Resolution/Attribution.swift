import SalvoModel
import SalvoText

/// Settles who claims each figure, which side attacked, where and when.
///
/// One resolver per field. Each lists typed candidates — the claimants, places and dates of the
/// figure's clause, its sentence and the sentences around it, the document frame, the publication
/// date — with the named features each shows (`Feature`), and takes the one the weights of
/// `Resources/weights.tsv` score highest. Claimant first (the attacker may follow from who counts),
/// then attacker (a place in the attacker's own territory is where weapons came from), then place
/// and date.
final class Attribution {
    let analysis: TextAnalysis
    let published: Day?
    let facts: SentenceFacts
    let clauses: ClauseMap
    let quotes: QuoteSpans
    let roleCache: PlaceRoleCache
    let data: ResolutionData
    /// Unchecked: set once in `init`, then only read, so the runtime's exclusivity check on each of
    /// the resolvers' many reads guards nothing.
    @exclusivity(unchecked) var frame: DocumentFrame

    /// How many sentences back a claimant, place or date may carry over from; bounded so that time
    /// stays linear in the length of a document.
    static let lookBack = 3

    init(analysis: TextAnalysis, published: Day?, data: ResolutionData = .shared) {
        self.analysis = analysis
        self.published = published
        self.data = data
        facts = SentenceFacts(analysis: analysis, data: data)
        clauses = ClauseMap(analysis: analysis)
        quotes = QuoteSpans(analysis: analysis)
        roleCache = PlaceRoleCache(tokens: analysis.tokens.count)
        // The role readers the frame needs (origin, actor, place of location) do not depend on it.
        frame = DocumentFrame()
        frame = readFrame()
    }

    /// `earlier`: the document's figures settled before this one, of which it may be a share.
    func settle(_ draft: inout FigureDraft, earlier: [FigureDraft]) {
        settleClaimant(&draft)
        settleAttacker(&draft)
        draft.isBreakdown = draft.share?.isBreakdown(draft, earlier: earlier) ?? false
        settlePlace(&draft)
        settleDate(&draft)
    }

    /// The sentences before `sentence` in its paragraph, nearest first, at most `limit` of them;
    /// at the start of a paragraph, the last sentence of the one before (a statement may run on).
    func earlierSentences(of sentence: Int, upTo limit: Int = Attribution.lookBack) -> [Int] {
        let paragraph = analysis.sentences[sentence].paragraph
        var out: [Int] = []
        var k = sentence - 1
        while k >= 0 && out.count < limit && analysis.sentences[k].paragraph == paragraph {
            out.append(k)
            k -= 1
        }
        if out.isEmpty && k >= 0 { out.append(k) }
        return out
    }

    func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : b.upperBound <= a.lowerBound ? a.lowerBound - b.upperBound : 0
    }
}

extension Place {
    static let ukraine = Place(name: "Ukraine", geonameid: 690791, country: "UA", lat: 49.0, lon: 32.0, kind: .country)
    static let russia = Place(name: "Russia", geonameid: 2017370, country: "RU", lat: 60.0, lon: 100.0, kind: .country)

    /// The country of a side's territory, for nationwide totals.
    static func country(of side: Belligerent) -> Place { side == .ukraine ? .ukraine : .russia }
}
