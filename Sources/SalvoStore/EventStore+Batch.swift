import SalvoModel

extension EventStore {
    public func ingest(batch: [(Document, ExtractedDocument)]) async -> [Result<IngestOutcome, any Error>] {
        var results: [Result<IngestOutcome, any Error>] = []
        results.reserveCapacity(batch.count)
        for (document, extracted) in batch {
            do {
                results.append(.success(try await ingest(document, extracted: extracted)))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }
}
