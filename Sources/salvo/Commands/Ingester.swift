import Foundation
import SalvoExtract
import SalvoIngest
import SalvoModel
import SalvoStore

/// Reads, extracts and stores documents one at a time; shared by `salvo ingest` and `salvo watch`.
struct Ingester {
    let store: any EventStore
    let extractor = Extractor()
    let reader: DocumentReader
    var tally = IngestTally()
    var progress = Progress()
    /// Checked between documents; `true` stops the run cleanly.
    var shouldStop: () -> Bool = { false }

    init(store: any EventStore, reader: DocumentReader = DocumentReader()) {
        self.store = store
        self.reader = reader
    }

    /// Reads a file, directory, URL or `-`, and stores every document in it.
    mutating func ingest(source: String) async {
        do {
            try await reader.readWithFiles(source, onError: { error in
                if !error.isWarning { tally.failed += 1 }
                Log.error(error.description)
            }) { document, file in
                guard !shouldStop() else { throw Stop() }
                var document = document
                document.id = DocumentIdentity.key(id: document.id, source: source, file: file)
                toExtract.append(document)
                if toExtract.count >= batchSize { await extractPending() }
            }
        } catch {
            // Stop: asked to end between documents.
        }
        await extractPending()
        await flush()
    }

    /// Read documents waiting for extraction, which runs on every core.
    private var toExtract: [Document] = []

    private mutating func extractPending() async {
        guard !toExtract.isEmpty else { return }
        let documents = toExtract
        toExtract.removeAll(keepingCapacity: true)
        for (document, extracted) in zip(documents, ParallelExtraction.run(documents, with: extractor)) {
            await save(document, extracted: extracted, label: document.id)
        }
    }

    /// Documents waiting to be stored together; each is still stored atomically.
    private var pending: [(Document, ExtractedDocument)] = []
    private var labels: [String] = []
    var batchSize = 1024
    /// Logs the ingest rate every this many documents (`--rate-every`).
    var rateEvery: Int?
    private var lastRate = (documents: 0, time: Date(), cpu: Self.processCPUSeconds())

    mutating func save(_ document: Document, extracted: ExtractedDocument, label: String) async {
        pending.append((document, extracted))
        labels.append(label)
        if pending.count >= batchSize { await flush() }
    }

    /// Stores what is pending; called when a batch is full, after each source and before stopping.
    /// Ends a run: the store brings what it serves readers up to date.
    mutating func finish() async {
        do {
            try await store.completeEventJSON()
        } catch {
            Log.error("events were stored, but their JSON for readers was not written: \(error)")
        }
    }

    mutating func flush() async {
        guard !pending.isEmpty else { return }
        for (result, label) in zip(await store.ingest(batch: pending), labels) {
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
        if let every = rateEvery, t.documents / every > lastRate.documents / every {
            // For benchmarks: the rate over each stretch of `every` documents, so a slowdown shows;
            // per CPU-second too, which a loaded machine changes less than the wall-clock rate.
            let now = Date()
            let cpu = Self.processCPUSeconds()
            let stretch = Double(t.documents - lastRate.documents)
            let rate = stretch / max(now.timeIntervalSince(lastRate.time), 1e-9)
            let perCPU = stretch / max(cpu - lastRate.cpu, 1e-9)
            Log.info("\(t.documents) documents: \(Int(rate)) documents/s, \(Int(perCPU)) per CPU-second")
            lastRate = (t.documents, now, cpu)
        }
        progress.update("ingest: \(t.documents) documents, \(t.eventsNew) new events", documents: t.documents)
    }

    /// User and system time of this process so far (every thread).
    static func processCPUSeconds() -> Double {
        var t = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) == 0 else { return 0 }
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    struct Stop: Error {}
}
