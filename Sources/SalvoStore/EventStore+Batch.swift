import SalvoModel

extension EventStore {
    public func ingest(batch: [(Document, ExtractedDocument)]) -> [Result<IngestOutcome, any Error>] {
        batch.map { pair in Result { try ingest(pair.0, extracted: pair.1) } }
    }
}
