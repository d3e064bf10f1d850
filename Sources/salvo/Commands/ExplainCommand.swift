import ArgumentParser
import SalvoExtract
import SalvoModel
import SalvoText

/// `salvo explain`: what the text layer sees in a text — sentences, lexicon hits, numbers, dates, places.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the sentences, lexicon hits, numbers, dates and places Salvo sees in a text.",
        discussion: """
        For checking why a figure was or was not extracted.

        Example:
          salvo explain "Russia launched 50 drones overnight." --published 2024-11-17
        """,
        shouldDisplay: false
    )

    @Argument(help: "The text to explain.")
    var text: String

    @Option(help: "Language (en, de, uk, ru); detected when omitted.")
    var language: String?

    @Option(help: "Publication date, YYYY-MM-DD.")
    var published: String?

    func run() throws {
        let a = TextAnalysis(text: text, language: language, published: published.flatMap { Day($0) },
                             gazetteer: Extractor.defaultPlaces)
        print("language: \(a.language ?? "?")")
        for (i, s) in a.sentences.enumerated() {
            print("[\(i)] \(String(decoding: a.original[s.original], as: UTF8.self))")
            for h in a.hits where s.tokens.contains(h.tokens.lowerBound) {
                let what = h.hit.entries.map { "\($0.category.rawValue)=\($0.value)\($0.extra.map { "/" + $0 } ?? "")" }.joined(separator: " ")
                print("    hit   \(h.tokens) \"\(a.originalText(h.tokens))\" \(what)")
            }
            for n in a.numbers where s.tokens.contains(n.tokens.lowerBound) {
                print("    num   \(n.tokens) \"\(a.originalText(n.tokens))\" \(n.value) \(n.kind)")
            }
            for d in a.dates where s.tokens.contains(d.tokens.lowerBound) {
                print("    date  \(d.tokens) \"\(a.originalText(d.tokens))\" \(d.day?.description ?? "?") \(d.kind)\(d.isNight ? " night" : "")")
            }
            for p in a.places where s.tokens.contains(p.tokens.lowerBound) {
                print("    place \(p.tokens) \"\(a.originalText(p.tokens))\" \(p.place.name) (\(p.place.kind.rawValue), \(p.place.country ?? "?"))")
            }
        }
        let result = Extractor().extract(Document(id: "-", language: language, published: published.flatMap { Day($0) }, text: text))
        for e in result.events {
            for f in e.figures {
                print("figure \(f.quantity.rawValue) \(f.weapon?.rawValue ?? "-") \(f.model ?? "-") \(f.value) \(f.qualifier.rawValue) place=\(f.place ?? "-") date=\(f.date?.description ?? "-") claimant=\(f.claimant.rawValue)(\(f.claimantName ?? "")) attacker=\(e.attacker?.rawValue ?? "-")")
            }
        }
    }
}
