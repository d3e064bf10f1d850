import SalvoModel
import SalvoText

/// Finds every attack a document reports and every figure it states about it.
///
/// ```swift
/// let extractor = Extractor()
/// let doc = Document(id: "1", published: Day("2024-11-17"),
///                    text: "Overnight, Russia launched 50 drones; air defence shot down 40, the Air Force said.")
/// let result = extractor.extract(doc)
/// result.events[0].figures.map { "\($0.quantity) \($0.value)" }   // ["launched 50", "intercepted 40"]
/// ```
public struct Extractor: Sendable {
    let lexicon: Lexicon
    let places: (any PlaceFinding)?

    public init(lexicon: Lexicon = .shared, places: (any PlaceFinding)? = Extractor.defaultPlaces) {
        self.lexicon = lexicon
        self.places = places
    }

    /// The bundled gazetteer.
    public static var defaultPlaces: (any PlaceFinding)? { Gazetteer.shared }

    public func extract(_ document: Document) -> ExtractedDocument {
        let analysis = TextAnalysis(text: document.text, language: document.language, published: document.published,
                                    lexicon: lexicon, gazetteer: places)
        var result = ExtractedDocument(id: document.id, url: document.url, title: document.title,
                                       language: analysis.language, published: document.published, events: [])
        if Relevance(analysis: analysis).isOffTopic { return result }
        var finder = FigureFinder(analysis: analysis)
        // Most documents state no figure; the frame, clauses and quotations are read only for those that do.
        var attribution: Attribution?
        var drafts: [FigureDraft] = []
        for i in analysis.sentences.indices {
            for var d in finder.figures(in: i) {
                if attribution == nil { attribution = Attribution(analysis: analysis, published: document.published) }
                attribution!.settle(&d, earlier: drafts)
                drafts.append(d)
            }
        }
        drafts = Background.currentAttack(drafts, attackDay: attribution?.frame.date)
        result.events = EventGrouping(analysis: analysis).events(from: Deduplication.merge(drafts))
        return result
    }
}
