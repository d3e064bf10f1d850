import Dispatch
import Foundation
import SalvoExtract
import SalvoModel

/// Extracts a batch of documents on all cores; the results keep the documents' order.
enum ParallelExtraction {
    static func run(_ documents: [Document], with extractor: Extractor) -> [ExtractedDocument] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, documents.count, 8))
        if workers == 1 { return documents.map(extractor.extract) }
        let results = Results(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < documents.count {
                results.set(i, extractor.extract(documents[i]))
                i += workers
            }
        }
        return results.values.map { $0! }
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [ExtractedDocument?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ value: ExtractedDocument) {
            lock.lock()
            values[i] = value
            lock.unlock()
        }
    }
}
