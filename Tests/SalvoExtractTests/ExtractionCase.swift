import SalvoExtract
import SalvoModel
import Testing

/// One hand-written sentence or short text and the figures it must yield, written compactly as
/// "quantity weapon value qualifier" (weapon `-` for casualties), optionally followed by
/// "@claimant", "#date" or "%place" checks.
struct ExtractionCase: CustomTestStringConvertible, Sendable {
    var text: String
    var language: String
    var published: String = "2024-11-17"
    var expected: [String]

    var testDescription: String { "[\(language)] \(text.prefix(60))" }

    func run(_ extractor: Extractor) {
        let doc = Document(id: "t", published: Day(published), text: text)
        let result = extractor.extract(doc)
        let figures = result.events.flatMap { e in e.figures.map { (e, $0) } }
        let got = figures.map { _, f in "\(f.quantity.rawValue) \(f.weapon?.rawValue ?? "-") \(f.value) \(f.qualifier.rawValue)" }
        let wanted = expected.map { $0.split(separator: " ").prefix(4).joined(separator: " ") }
        #expect(got.sorted() == wanted.sorted(), "\(text)")
        for spec in expected {
            let parts = spec.split(separator: " ")
            let key = parts.prefix(4).joined(separator: " ")
            guard let (event, figure) = figures.first(where: { "\($0.1.quantity.rawValue) \($0.1.weapon?.rawValue ?? "-") \($0.1.value) \($0.1.qualifier.rawValue)" == key }) else { continue }
            for check in parts.dropFirst(4) {
                let value = String(check.dropFirst())
                switch check.first {
                case "@": #expect(figure.claimant.rawValue == value, "claimant of \(key) in: \(text)")
                case "#": #expect((figure.date ?? event.date)?.description == value, "date of \(key) in: \(text)")
                case "%": #expect((figure.place ?? event.places.first?.name) == value.replacingOccurrences(of: "_", with: " "), "place of \(key) in: \(text)")
                case "!": #expect((event.attacker?.rawValue ?? "-") == value, "attacker of \(key) in: \(text)")
                default: Issue.record("bad check \(check)")
                }
            }
        }
    }
}

let sharedExtractor = Extractor()
