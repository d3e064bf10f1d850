import Foundation
import SalvoModel

/// Reads `{"id", "url", "published", "language"?, "title"?, "text"}` records, one per line.
/// A bad line is reported as `file:line` and skipped.
struct JSONLinesReader {
    var maxRecordBytes: Int

    func read(_ bytes: [UInt8], name: String, onError: (InputError) -> Void, _ body: (Document) throws -> Void) rethrows {
        let decoder = JSONDecoder()
        var lineNo = 0
        var start = 0
        let n = bytes.count
        while start < n {
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            lineNo += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let label = "\(name):\(lineNo)"
            guard line.count <= maxRecordBytes else {
                onError(InputError(input: label, message: "record too large (\(line.count) bytes)"))
                continue
            }
            if let fast = line.withUnsafeBufferPointer({ JSONRecordParser.document($0) }) {
                try body(fast)
                continue
            }
            let doc: Document
            do {
                doc = try decoder.decode(Document.self, from: Data(line))
            } catch let error as DecodingError {
                onError(InputError(input: label, message: "not a document record: \(Self.describe(error))"))
                continue
            } catch {
                onError(InputError(input: label, message: "not valid JSON"))
                continue
            }
            try body(doc)
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
