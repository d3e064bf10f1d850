import Dispatch
import Foundation
import SalvoModel

extension Ingester {
    /// Stores already-extracted documents: JSON Lines of the extract contract (`salvo extract
    /// --include-text` output). Without `text`, a record's title and sentences stand in for it.
    ///
    /// Decoding runs one batch ahead on another thread: JSON decoding is a sixth of the work
    /// and the store is single-writer anyway.
    mutating func ingest(extracted path: String) {
        let data: Data?
        if path == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: path) }
        guard let data else {
            tally.failed += 1
            Log.error("\(path): cannot be read")
            return
        }
        let bytes = [UInt8](data)
        var lines: [(number: Int, range: Range<Int>)] = []
        var start = 0, number = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            number += 1
            if !bytes[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { lines.append((number, start..<end)) }
            start = end + 1
        }
        let chunks = stride(from: 0, to: lines.count, by: batchSize).map { Array(lines[$0..<min($0 + batchSize, lines.count)]) }
        var next = chunks.first.map { DecodedChunk(bytes: bytes, lines: $0) }
        for i in chunks.indices {
            guard let current = next, !shouldStop() else { break }
            let records = current.wait()
            next = i + 1 < chunks.count ? DecodedChunk(bytes: bytes, lines: chunks[i + 1]) : nil
            for (line, outcome) in zip(chunks[i], records) {
                let record: ExtractedDocument
                switch outcome {
                case .success(let r): record = r
                case .failure(let reason):
                    tally.failed += 1
                    Log.error("\(path):\(line.number): not an extracted-document record: \(reason.text)")
                    continue
                }
                if let problem = record.problem {
                    tally.failed += 1
                    Log.error("\(path):\(line.number): \(problem); record not stored")
                    continue
                }
                let text = record.text ?? ([record.title].compactMap { $0 } + record.events.flatMap { $0.figures.map(\.sentence) })
                    .joined(separator: "\n")
                let document = Document(id: record.id, url: record.url, title: record.title, language: record.language,
                                        published: record.published, text: text)
                save(document, extracted: record, label: "\(path):\(line.number)")
            }
        }
        flush()
    }
}

/// Why a line is not a record.
struct NotARecord: Error {
    var text: String

    init(_ error: any Error) {
        switch error {
        case DecodingError.keyNotFound(let key, _): text = "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            text = "wrong type at \"\(c.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted(let c) where !c.codingPath.isEmpty:
            text = "bad value at \"\(c.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: text = "not valid JSON"
        }
    }
}

/// A batch of JSON lines being decoded on a background thread.
private final class DecodedChunk: @unchecked Sendable {
    private var records: [Result<ExtractedDocument, NotARecord>] = []
    private let done = DispatchSemaphore(value: 0)

    init(bytes: [UInt8], lines: [(number: Int, range: Range<Int>)]) {
        DispatchQueue.global().async {
            let decoder = JSONDecoder()
            self.records = lines.map { line in
                let raw = bytes[line.range]
                do {
                    return .success(try decoder.decode(ExtractedDocument.self, from: Data(raw)))
                } catch {
                    // A stray invalid byte spoils a character, not the record: read it as U+FFFD.
                    let repaired = Array(String(decoding: raw, as: UTF8.self).utf8)
                    if !repaired.elementsEqual(raw), let r = try? decoder.decode(ExtractedDocument.self, from: Data(repaired)) {
                        return .success(r)
                    }
                    return .failure(NotARecord(error))
                }
            }
            self.done.signal()
        }
    }

    /// The decoded records, or why a line is not one; waits for the decoding.
    func wait() -> [Result<ExtractedDocument, NotARecord>] {
        done.wait()
        return records
    }
}
