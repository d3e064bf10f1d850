import Foundation
import SalvoModel

/// Reads `{"id", "url", "published", "language"?, "title"?, "text"}` records, one per line.
/// A bad line is reported as `file:line` and skipped.
struct JSONLinesReader {
    var maxRecordBytes: Int

    func read(_ bytes: [UInt8], name: String, onError: (InputError) -> Void, _ body: (Document) throws -> Void) rethrows {
        var lineNo = 0
        try read(bytes, name: name, lineNo: &lineNo, onError: onError, body)
    }

    /// Reads a stream chunk by chunk, so memory holds one chunk and one record, not the whole input.
    /// A record longer than `maxRecordBytes` is reported and skipped without being kept.
    func read(_ stream: ByteStream, name: String, onError: (InputError) -> Void, _ body: (Document) throws -> Void) rethrows {
        var lineNo = 0
        var pending: [UInt8] = []   // the start of a line whose end has not come yet
        var skipping = false        // inside a line already reported as too large
        while let chunk = stream.next() {
            var from = chunk.startIndex
            if skipping {
                guard let lineEnd = chunk.firstIndex(of: 0x0A) else { continue }
                skipping = false
                from = lineEnd + 1
            }
            guard let lastBreak = chunk[from...].lastIndex(of: 0x0A) else {
                pending.append(contentsOf: chunk[from...])
                if pending.count > maxRecordBytes {
                    lineNo += 1
                    onError(InputError(input: "\(name):\(lineNo)", message: "record too large (more than \(maxRecordBytes) bytes)"))
                    pending = []
                    skipping = true
                }
                continue
            }
            pending.append(contentsOf: chunk[from...lastBreak])
            try read(pending, name: name, lineNo: &lineNo, onError: onError, body)
            pending = Array(chunk[(lastBreak + 1)...])
        }
        if !pending.isEmpty && !skipping { try read(pending, name: name, lineNo: &lineNo, onError: onError, body) }
    }

    private func read(_ bytes: [UInt8], name: String, lineNo: inout Int, onError: (InputError) -> Void,
                      _ body: (Document) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { all in
            var parser = JSONRecordParser()
            var decoder: JSONDecoder?
            var start = 0
            let n = all.count
            while start < n {
                let end = Bytes.lineEnd(all, from: start)
                lineNo += 1
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                guard line.count <= maxRecordBytes else {
                    onError(InputError(input: "\(name):\(lineNo)", message: "record too large (\(line.count) bytes)"))
                    continue
                }
                if let fast = parser.document(line) {
                    try body(fast)
                    continue
                }
                let full = decoder ?? JSONDecoder()
                decoder = full
                let doc: Document
                do {
                    doc = try full.decode(Document.self, from: Data(buffer: line))
                } catch let error as DecodingError {
                    onError(InputError(input: "\(name):\(lineNo)", message: "not a document record: \(Self.describe(error))"))
                    continue
                } catch {
                    onError(InputError(input: "\(name):\(lineNo)", message: "not valid JSON"))
                    continue
                }
                try body(doc)
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
