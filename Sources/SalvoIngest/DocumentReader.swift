import Foundation
import SalvoModel

/// Turns what users point Salvo at into `Document`s, one at a time, in constant memory.
///
/// ```swift
/// let reader = DocumentReader()
/// reader.read("articles.jsonl", onError: { print($0) }) { doc in
///     print(doc.id)
/// }
/// ```
public struct DocumentReader: Sendable {
    /// Documents larger than this are refused rather than read: no news article is 64 MB.
    public var maxDocumentBytes: Int

    public init(maxDocumentBytes: Int = 64 << 20) {
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// Reads `input` (a file, a directory, or `-` for standard input) and calls `body` for each document.
    /// Every problem is reported through `onError` with the input named; the rest still runs.
    public func read(_ input: String, onError: (InputError) -> Void, _ body: (Document) throws -> Void) rethrows {
        if input == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            try readBytes(Array(data), name: "-", isStdin: true, onError: onError, body)
            return
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else {
            onError(InputError(input: input, message: "no such file or directory"))
            return
        }
        if isDir.boolValue {
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: input)) ?? []
            for sub in files.sorted() where !sub.hasPrefix(".") && !sub.contains("/.") {
                let path = (input as NSString).appendingPathComponent(sub)
                var subDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &subDir), !subDir.boolValue {
                    try readFile(path, onError: onError, body)
                }
            }
            return
        }
        try readFile(input, onError: onError, body)
    }

    func readFile(_ path: String, onError: (InputError) -> Void, _ body: (Document) throws -> Void) rethrows {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxDocumentBytes || path.hasSuffix(".jsonl") else {
            onError(InputError(input: path, message: "too large (\(size) bytes; limit \(maxDocumentBytes))"))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            onError(InputError(input: path, message: "cannot be read"))
            return
        }
        try readBytes(Array(data), name: path, isStdin: false, onError: onError, body)
    }

    func readBytes(_ bytes: [UInt8], name: String, isStdin: Bool, onError: (InputError) -> Void,
                   _ body: (Document) throws -> Void) rethrows {
        if bytes.isEmpty {
            onError(InputError(input: name, message: "empty input"))
            return
        }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") || (isStdin && bytes.first == UInt8(ascii: "{")) {
            try JSONLinesReader(maxRecordBytes: maxDocumentBytes).read(bytes, name: name, onError: onError, body)
            return
        }
        switch PlainTextReader.decode(bytes) {
        case .success(let text):
            try body(Document(id: name, text: text))
        case .failure(let error):
            onError(InputError(input: name, message: error.message))
        }
    }
}
