import Foundation
import SalvoModel

/// Reads `{"id", "url", "published", "language"?, "title"?, "text"}` records, one per line.
/// A bad line is reported as `file:line` and skipped; invalid UTF-8 in a line is replaced by U+FFFD
/// (with a warning naming the byte offset in the input) and the record is read.
struct JSONLinesReader {
    var maxRecordBytes: Int

    func read(_ bytes: [UInt8], name: String, onError: (InputError) -> Void, _ body: (Document) throws -> Void) rethrows {
        var lineNo = 0
        for doc in documents(bytes, at: 0, name: name, lineNo: &lineNo, onError: onError) { try body(doc) }
    }

    /// Reads a stream chunk by chunk, so memory holds one chunk and one record, not the whole input.
    /// A record longer than `maxRecordBytes` is reported and skipped without being kept.
    func read(_ stream: ByteStream, name: String, onError: (InputError) -> Void, _ body: (Document) throws -> Void) rethrows {
        var records = Records(self, stream: stream, name: name)
        while let doc = records.next(onError: onError) { try body(doc) }
    }

    /// The records of a stream one at a time, for a reader that awaits between them; a chunk's
    /// documents are read together (and its bad lines reported) when the first of them is asked for.
    struct Records {
        let reader: JSONLinesReader
        let stream: ByteStream
        let name: String
        private var lineNo = 0
        private var pending: [UInt8] = []   // the start of a line whose end has not come yet
        private var pendingOffset = 0       // where `pending` starts in the input
        private var chunkOffset = 0         // where the current chunk starts in the input
        private var skipping = false        // inside a line already reported as too large
        private var ready: [Document] = []
        private var taken = 0
        private var ended = false

        init(_ reader: JSONLinesReader, stream: ByteStream, name: String) {
            self.reader = reader
            self.stream = stream
            self.name = name
        }

        /// The next document; nil at the end of the input.
        mutating func next(onError: (InputError) -> Void) -> Document? {
            while taken == ready.count {
                guard !ended else { return nil }
                ready.removeAll(keepingCapacity: true)
                taken = 0
                readChunk(onError)
            }
            taken += 1
            return ready[taken - 1]
        }

        private mutating func readChunk(_ onError: (InputError) -> Void) {
            guard let chunk = stream.next() else {
                ended = true
                if !pending.isEmpty && !skipping {
                    ready = reader.documents(pending, at: pendingOffset, name: name, lineNo: &lineNo, onError: onError)
                }
                return
            }
            defer { chunkOffset += chunk.count }
            var from = chunk.startIndex
            if skipping {
                guard let lineEnd = chunk.firstIndex(of: 0x0A) else { return }
                skipping = false
                from = lineEnd + 1
                pendingOffset = chunkOffset + from
            }
            guard let lastBreak = chunk[from...].lastIndex(of: 0x0A) else {
                pending.append(contentsOf: chunk[from...])
                if pending.count > reader.maxRecordBytes {
                    lineNo += 1
                    onError(InputError(input: "\(name):\(lineNo)", message: "record too large (more than \(reader.maxRecordBytes) bytes)"))
                    pending = []
                    skipping = true
                }
                return
            }
            pending.append(contentsOf: chunk[from...lastBreak])
            ready = reader.documents(pending, at: pendingOffset, name: name, lineNo: &lineNo, onError: onError)
            pending = Array(chunk[(lastBreak + 1)...])
            pendingOffset = chunkOffset + lastBreak + 1
        }
    }

    /// Reads the lines of `bytes`, which start at offset `base` of the input.
    private func documents(_ bytes: [UInt8], at base: Int, name: String, lineNo: inout Int,
                           onError: (InputError) -> Void) -> [Document] {
        var documents: [Document] = []
        bytes.withUnsafeBufferPointer { all in
            var parser = JSONRecordParser()
            var decoder: JSONDecoder?
            var start = 0
            let n = all.count
            while start < n {
                let end = Bytes.lineEnd(all, from: start)
                lineNo += 1
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                let lineOffset = base + start
                start = end + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let label = "\(name):\(lineNo)"
                guard line.count <= maxRecordBytes else {
                    onError(InputError(input: label, message: "record too large (\(line.count) bytes)"))
                    continue
                }
                var outcome = record(line, parser: &parser, decoder: &decoder)
                if case .failure = outcome, let repair = Self.repair(line) {
                    // A stray byte spoils one string, not the record: read it with U+FFFD (or, for a raw
                    // control character, a space) in its place; a record still broken is reported as it is.
                    let retried = repair.bytes.withUnsafeBufferPointer { record($0, parser: &parser, decoder: &decoder) }
                    if case .success = retried {
                        onError(.warning(label, repair.invalidUTF8
                            ? UTF8Repair.message(at: lineOffset + repair.at)
                            : "control character at byte \(lineOffset + repair.at) replaced by a space"))
                        outcome = retried
                    }
                }
                switch outcome {
                case .success(let doc):
                    if let date = parser.unreadDate { onError(.warning(label, PublishedDate.unreadMessage(date))) }
                    documents.append(doc)
                case .failure(let problem):
                    onError(InputError(input: label, message: problem.message))
                }
            }
        }
        return documents
    }

    /// The line with invalid UTF-8 replaced by U+FFFD and raw control characters (invalid in JSON
    /// strings) by spaces, and where the first such byte was; nil if it has neither.
    static func repair(_ line: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], at: Int, invalidUTF8: Bool)? {
        let bad = Charset.firstInvalidUTF8(line)
        let control = line.firstIndex { $0 < 0x20 && $0 != 0x09 && $0 != 0x0D }
        guard bad != nil || control != nil else { return nil }
        var bytes = bad == nil ? Array(line) : Array(String(decoding: line, as: UTF8.self).utf8)
        for i in bytes.indices where bytes[i] < 0x20 { bytes[i] = 0x20 }
        let at = min(bad ?? .max, control ?? .max)
        return (bytes, at, bad == at)
    }

    /// One record: the fast parser, else Foundation's decoder (which also says what is wrong).
    private func record(_ line: UnsafeBufferPointer<UInt8>, parser: inout JSONRecordParser,
                        decoder: inout JSONDecoder?) -> Result<Document, InputProblem> {
        if let fast = parser.document(line) { return .success(fast) }
        let full = decoder ?? JSONDecoder()
        decoder = full
        let data = Data(buffer: line)
        var doc: Document
        do {
            doc = try full.decode(Document.self, from: data)
        } catch let error as DecodingError {
            return .failure(InputProblem("not a document record: \(Self.describe(error))"))
        } catch {
            return .failure(InputProblem("not valid JSON"))
        }
        // The model reads only `YYYY-MM-DD` strings; feeds and archives give dates in other forms too.
        if doc.published == nil, let given = (try? full.decode(PublishedField.self, from: data))?.published {
            switch given {
            case .text(let s): doc.published = JSONRecordParser.day(s, unread: &parser.unreadDate)
            case .number(let v): doc.published = JSONRecordParser.day(epoch: v, unread: &parser.unreadDate)
            }
        }
        return .success(doc)
    }

    /// A record's `published`, as text or as an epoch number.
    private struct PublishedField: Decodable {
        enum Value { case text(String), number(Double) }
        var published: Value?

        enum CodingKeys: String, CodingKey { case published }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let s = try? c.decode(String.self, forKey: .published) {
                published = .text(s)
            } else if let v = try? c.decode(Double.self, forKey: .published) {
                published = .number(v)
            }
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return "wrong type at \"\(ctx.codingPath.map(\.stringValue).joined(separator: "."))\""
        case .dataCorrupted: return "not valid JSON"
        @unknown default: return "not valid JSON"
        }
    }
}
