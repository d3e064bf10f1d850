import Foundation
import SalvoExtract
import SalvoIngest
import SalvoModel
import SalvoStore

/// Reads, extracts and stores documents one at a time; shared by `salvo ingest` and `salvo watch`.
struct Ingester {
    let store: any EventStore
    let extractor = Extractor()
    let reader = DocumentReader()
    var tally = IngestTally()
    var progress = Progress()
    /// Checked between documents; `true` stops the run cleanly.
    var shouldStop: () -> Bool = { false }

    init(store: any EventStore) {
        self.store = store
    }

    /// Reads a file, directory, URL or `-`, and stores every document in it.
    mutating func ingest(source: String) {
        do {
            try reader.read(source, onError: { error in
                tally.failed += 1
                Log.error(error.description)
            }) { document in
                guard !shouldStop() else { throw Stop() }
                save(document, extracted: extractor.extract(document), label: document.id)
            }
        } catch {
            // Stop: asked to end between documents.
        }
        flush()
    }

    /// Stores already-extracted documents: JSON Lines of the extract contract (`salvo extract
    /// --include-text` output). Without `text`, a record's title and sentences stand in for it.
    mutating func ingest(extracted path: String) {
        let data: Data?
        if path == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: path) }
        guard let data else {
            tally.failed += 1
            Log.error("\(path): cannot be read")
            return
        }
        let decoder = JSONDecoder()
        var lineNo = 0
        let bytes = [UInt8](data)
        var start = 0
        while start < bytes.count, !shouldStop() {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNo += 1
            defer { start = end + 1 }
            let line = bytes[start..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let record = try? decoder.decode(ExtractedDocument.self, from: Data(line)) else {
                tally.failed += 1
                Log.error("\(path):\(lineNo): not an extracted-document record")
                continue
            }
            let text = record.text ?? ([record.title].compactMap { $0 } + record.events.flatMap { $0.figures.map(\.sentence) })
                .joined(separator: "\n")
            let document = Document(id: record.id, url: record.url, title: record.title, language: record.language,
                                    published: record.published, text: text)
            save(document, extracted: record, label: "\(path):\(lineNo)")
        }
        flush()
    }

    /// Documents waiting to be stored together; each is still stored atomically.
    private var pending: [(Document, ExtractedDocument)] = []
    private var labels: [String] = []
    var batchSize = 256

    private mutating func save(_ document: Document, extracted: ExtractedDocument, label: String) {
        pending.append((document, extracted))
        labels.append(label)
        if pending.count >= batchSize { flush() }
    }

    /// Stores what is pending; called when a batch is full, after each source and before stopping.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        for (result, label) in zip(store.ingest(batch: pending), labels) {
            switch result {
            case .success(let outcome): tally.add(outcome)
            case .failure(let error):
                tally.failed += 1
                Log.error("\(label): not stored: \(error)")
            }
        }
        pending.removeAll(keepingCapacity: true)
        labels.removeAll(keepingCapacity: true)
        let t = tally
        progress.update("ingest: \(t.documents) documents, \(t.eventsNew) new events", documents: t.documents)
    }

    struct Stop: Error {}
}
