import Foundation
import SalvoModel
import SalvoStore

extension Ingester {
    /// Stores already-extracted documents: JSON Lines of the extract contract (`salvo extract
    /// --include-text` output). Without `text`, a record's title and sentences stand in for it.
    ///
    /// Decoding runs one batch ahead in a task of its own: JSON decoding is a sixth of the work
    /// and the store is single-writer anyway.
    mutating func ingest(extracted path: String) async {
        let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        guard let handle else {
            tally.failed += 1
            Log.error("\(path): cannot be read")
            return
        }
        // Read batch by batch, so that memory holds two batches, not the whole input.
        var lines = LineBatches(handle: handle, batchSize: batchSize)
        var current = lines.next().map(DecodedChunk.init)
        while let chunk = current, !shouldStop() {
            let records = await chunk.records
            current = lines.next().map(DecodedChunk.init)
            for (line, tooLong) in chunk.oversized {
                tally.failed += 1
                Log.error("\(path):\(line): record too large (more than \(tooLong) bytes); skipped")
            }
            for (line, outcome) in zip(chunk.lines, records) {
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
                let document = Document(id: DocumentIdentity.key(id: record.id, source: path), url: record.url, title: record.title, language: record.language,
                                        published: record.published, text: text)
                await save(document, extracted: record, label: "\(path):\(line.number)")
            }
        }
        if let error = lines.readError {
            tally.failed += 1
            Log.error("\(path): \(error); the records before it were read")
        }
        await flush()
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

/// The non-blank lines of an input, a batch at a time, with their line numbers.
struct LineBatches {
    struct Batch {
        var lines: [(number: Int, bytes: [UInt8])] = []
        /// Lines longer than the limit, skipped unread: their numbers and the limit.
        var oversized: [(Int, Int)] = []
    }

    static let maxLineBytes = 64 << 20
    let handle: FileHandle
    let batchSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes before this are known to hold no newline after `position` (a long line is scanned once).
    private var scanned = 0
    private var number = 0
    private var atEnd = false
    private var skipping = false
    private(set) var readError: String?

    init(handle: FileHandle, batchSize: Int) {
        self.handle = handle
        self.batchSize = batchSize
    }

    /// The next batch, nil at the end.
    mutating func next() -> Batch? {
        var batch = Batch()
        while batch.lines.count < batchSize {
            if let nl = buffer[max(position, scanned)...].firstIndex(of: 0x0A) {
                take(position..<nl, into: &batch)
                position = nl + 1
                continue
            }
            scanned = buffer.count
            if atEnd {
                if position < buffer.count { take(position..<buffer.count, into: &batch) }
                position = buffer.count
                break
            }
            if buffer.count - position > Self.maxLineBytes {
                // Too long to keep: report it once and drop it up to its end.
                if !skipping { number += 1; batch.oversized.append((number, Self.maxLineBytes)) }
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                position = 0
                scanned = 0
            }
            refill()
        }
        return batch.lines.isEmpty && batch.oversized.isEmpty ? nil : batch
    }

    private mutating func take(_ range: Range<Int>, into batch: inout Batch) {
        if skipping { skipping = false; return }
        number += 1
        let line = buffer[range]
        if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { batch.lines.append((number, Array(line))) }
    }

    private mutating func refill() {
        if position > 0 {
            buffer.removeFirst(position)
            scanned -= position
            position = 0
        }
        do {
            guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { atEnd = true; return }
            buffer.append(contentsOf: data)
        } catch {
            readError = "read failed (\(error))"
            atEnd = true
        }
    }
}

/// A batch of JSON lines being decoded in a task of its own while the batch before it is stored.
private struct DecodedChunk {
    let lines: [(number: Int, bytes: [UInt8])]
    let oversized: [(Int, Int)]
    private let decoding: Task<[Result<ExtractedDocument, NotARecord>], Never>

    init(_ batch: LineBatches.Batch) {
        lines = batch.lines
        oversized = batch.oversized
        let raws = batch.lines.map(\.bytes)
        decoding = Task.detached { Self.decode(raws) }
    }

    /// The decoded records, or why a line is not one.
    var records: [Result<ExtractedDocument, NotARecord>] {
        get async { await decoding.value }
    }

    private static func decode(_ raws: [[UInt8]]) -> [Result<ExtractedDocument, NotARecord>] {
        let decoder = JSONDecoder()
        return raws.map { raw in
            do {
                return .success(try decoder.decode(ExtractedDocument.self, from: Data(raw)))
            } catch {
                // A stray invalid byte spoils a character, not the record: read it as U+FFFD.
                let repaired = Array(String(decoding: raw, as: UTF8.self).utf8)
                if repaired != raw, let r = try? decoder.decode(ExtractedDocument.self, from: Data(repaired)) {
                    return .success(r)
                }
                return .failure(NotARecord(error))
            }
        }
    }
}
