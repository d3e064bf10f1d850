import SalvoModel

/// Turns a posted document into its extraction, for `POST /api/documents`.
///
/// The CLI injects the real extractor so this module stays free of SalvoExtract:
///
/// ```swift
/// let ingester = ClosureIngester { Extractor().extract($0) }
/// ```
public protocol DocumentIngesting: Sendable {
    func extract(_ document: Document) throws -> ExtractedDocument
}

/// A `DocumentIngesting` made from a closure.
public struct ClosureIngester: DocumentIngesting {
    let body: @Sendable (Document) throws -> ExtractedDocument

    public init(_ body: @escaping @Sendable (Document) throws -> ExtractedDocument) {
        self.body = body
    }

    public func extract(_ document: Document) throws -> ExtractedDocument {
        try body(document)
    }
}
