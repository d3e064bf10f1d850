import Foundation
import SalvoModel

/// Turns what users point Salvo at into `Document`s, one at a time: plain text, JSON Lines,
/// HTML pages, RSS/Atom feeds, WARC archives, any of them gzipped, from files, directories,
/// standard input or http(s) URLs. The format is found from the content and the extension.
///
/// ```swift
/// var reader = DocumentReader(fetcher: fetcher)   // an `HTTPFetcher` from SalvoHTTP, for URLs
/// reader.followLinks = true   // feed items: fetch each item's page for its full text
/// try await reader.read("https://example.org/feed.xml", onError: { print($0) }) { doc in
///     print(doc.id)
/// }
/// ```
public struct DocumentReader: Sendable {
    /// Documents larger than this are refused rather than read: no news article is 64 MB.
    public var maxDocumentBytes: Int
    /// For feeds: fetch each item's link and use the page's main text instead of the item's summary.
    public var followLinks: Bool
    /// Feeds with more items than this are cut (with an error line).
    public var maxFeedItems: Int
    /// Remove scraper leftovers (repeated titles, share lines, comment forms, date stamps) from texts.
    public var cleanUp: Bool
    /// How http(s) inputs and followed links are fetched; without one, they are reported as not read.
    public var fetcher: (any HTTPFetching)?

    public init(maxDocumentBytes: Int = 64 << 20, followLinks: Bool = false, maxFeedItems: Int = 10_000,
                cleanUp: Bool = true, fetcher: (any HTTPFetching)? = nil) {
        self.maxDocumentBytes = maxDocumentBytes
        self.followLinks = followLinks
        self.maxFeedItems = maxFeedItems
        self.cleanUp = cleanUp
        self.fetcher = fetcher
    }

    /// Reads `input` (a file, a directory, an http(s) URL, or `-` for standard input) and calls `body`
    /// for each document. Every problem is reported through `onError` with the input named; the rest still runs.
    public func read(_ input: String, onError: (InputError) -> Void, _ body: (Document) async throws -> Void) async rethrows {
        try await readWithFiles(input, onError: onError) { document, _ in try await body(document) }
    }

    /// The same, with the file each document was read from: `input` itself, or for a directory
    /// the path of the file found under it (what scopes the ids of its records).
    public func readWithFiles(_ input: String, onError: (InputError) -> Void,
                              _ body: (Document, _ file: String) async throws -> Void) async rethrows {
        if input.hasPrefix("http://") || input.hasPrefix("https://") {
            try await readURL(input, onError: onError) { try await body($0, input) }
            return
        }
        if input == "-" {
            let stream = ByteStream(handle: FileHandle.standardInput)
            try await readStream(stream, name: "-", isStdin: true, onError: onError) { try await body($0, input) }
            return
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else {
            onError(InputError(input: input, message: "no such file or directory"))
            return
        }
        if isDir.boolValue {
            try await DirectoryWalk.files(under: Array(input.utf8), onError: onError) { path in
                let file = DirectoryWalk.name(path)
                try await readFile(path, onError: onError) { try await body($0, file) }
            }
            return
        }
        try await readFile(input, onError: onError) { try await body($0, input) }
    }

    func readFile(_ path: String, onError: (InputError) -> Void, _ body: (Document) async throws -> Void) async rethrows {
        try await readFile(Array(path.utf8), onError: onError, body)
    }

    /// A file by the bytes of its path, which need not be UTF-8; it is named lossily in ids and messages.
    func readFile(_ path: [UInt8], onError: (InputError) -> Void, _ body: (Document) async throws -> Void) async rethrows {
        let name = DirectoryWalk.name(path)
        let stream: ByteStream
        do {
            stream = try ByteStream(pathBytes: path)
        } catch {
            onError(InputError(input: name, message: error.message))
            return
        }
        try await readStream(stream, name: name, isStdin: false, onError: onError, body)
    }

    /// Looks at the start of the (decompressed) input: WARC archives and JSON Lines are streamed
    /// record by record, everything else is read whole (up to `maxDocumentBytes`) and sorted by content.
    func readStream(_ stream: ByteStream, name: String, isStdin: Bool, onError: (InputError) -> Void,
                    _ body: (Document) async throws -> Void) async rethrows {
        guard let first = stream.next() else {
            let message = stream.error.map { ($0 as? GzipError)?.message ?? "\($0)" } ?? "empty input"
            onError(InputError(input: name, message: message))
            return
        }
        stream.unread(first)
        if first.starts(with: Array("WARC/".utf8)) {
            var records = WARCReader.Records(WARCReader(maxRecordBytes: maxDocumentBytes, cleanUp: cleanUp), stream: stream, name: name)
            while let doc = records.next(onError: onError) { try await body(doc) }
            return
        }
        let plainName = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        let utf16 = first.starts(with: [0xFF, 0xFE]) || first.starts(with: [0xFE, 0xFF])
        if !utf16, Self.isJSONLines(plainName.lowercased()) || (isStdin && Self.startsWithObject(first)) {
            // Record by record: a JSON Lines input may be far larger than memory.
            var records = JSONLinesReader.Records(JSONLinesReader(maxRecordBytes: maxDocumentBytes), stream: stream, name: name)
            while let doc = records.next(onError: onError) { try await body(cleanUp ? Self.cleaned(doc) : doc) }
            stream.damageErrors(name).forEach(onError)
            if let error = stream.error {
                onError(InputError(input: name, message: ((error as? GzipError)?.message ?? "\(error)") + "; the text before the damage was read"))
            }
            return
        }
        if !utf16, Feed.looksLikeFeed(first) {
            try await readFeed(stream, name: name, onError: onError, body)
            return
        }
        let (bytes, error) = stream.readAll(limit: maxDocumentBytes)
        if let problem = error as? InputProblem {
            onError(InputError(input: name, message: problem.message + "; limit \(maxDocumentBytes)"))
            return
        }
        try await readBytes(bytes, name: name, formatName: plainName, isStdin: isStdin, onError: onError, body)
        stream.damageErrors(name).forEach(onError)
        if let error {
            onError(InputError(input: name, message: ((error as? GzipError)?.message ?? "\(error)") + "; the text before the damage was read"))
        }
    }

    /// Standard input that starts with `{` (after a UTF-8 byte-order mark or blank space) is JSON Lines.
    static func startsWithObject(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        return body.first { !Bytes.isSpace($0) } == UInt8(ascii: "{")
    }

    static func isJSONLines(_ name: String) -> Bool { name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") }

    /// Sorts a whole input by content and extension: JSON Lines, feed, HTML, else plain text.
    func readBytes(_ bytes: [UInt8], name: String, formatName: String? = nil, isStdin: Bool, contentType: String? = nil,
                   url: String? = nil, onError: (InputError) -> Void, _ body: (Document) async throws -> Void) async rethrows {
        let formatName = (formatName ?? name).lowercased()
        if bytes.isEmpty || bytes == [0xEF, 0xBB, 0xBF] {
            onError(InputError(input: name, message: "empty input"))
            return
        }
        // UTF-16 text (with its byte-order mark) holds NUL bytes: read it as the text it is, not as binary.
        if let utf8 = UTF8Repair.fromUTF16(bytes) {
            try await readBytes(utf8, name: name, formatName: formatName, isStdin: isStdin, contentType: contentType, url: url,
                          onError: onError, body)
            return
        }
        if Self.isJSONLines(formatName) || (isStdin && Self.startsWithObject(bytes)) {
            // The input is in memory already, and so may its documents be.
            var documents: [Document] = []
            JSONLinesReader(maxRecordBytes: maxDocumentBytes).read(bytes, name: name, onError: onError) { documents.append($0) }
            for doc in documents { try await body(cleanUp ? Self.cleaned(doc) : doc) }
            return
        }
        if bytes.prefix(8192).contains(0) {
            onError(InputError(input: name, message: "binary data, not text"))
            return
        }
        let type = contentType?.lowercased() ?? ""
        if type.contains("rss") || type.contains("atom") || Feed.looksLikeFeed(bytes) {
            try await readFeed(bytes, name: name, onError: onError, body)
            return
        }
        if type.contains("html") || [".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"].contains(where: { formatName.hasSuffix($0) })
            || Self.looksLikeHTML(bytes) {
            switch pageDocument(bytes, name: name, url: url, contentType: contentType, onError: onError) {
            case .success(let doc): try await body(doc)
            case .failure(let problem): onError(InputError(input: name, message: problem.message))
            }
            return
        }
        switch PlainTextReader.decode(bytes) {
        case .success(let decoded):
            if let bad = decoded.firstInvalid {
                onError(.warning(name, decoded.readAs.map { "not UTF-8 (first at byte \(bad)); read as \($0.rawValue)" }
                    ?? UTF8Repair.message(at: bad)))
            }
            let doc = Document(id: name, url: url, text: decoded.text)
            try await body(cleanUp ? Self.cleaned(doc) : doc)
        case .failure(let error):
            onError(InputError(input: name, message: error.message))
        }
    }

    func pageDocument(_ bytes: [UInt8], name: String, url: String?, contentType: String?,
                      onError: (InputError) -> Void) -> Result<Document, InputProblem> {
        do {
            let page = try HTMLPage(bytes: bytes, url: url, contentType: contentType)
            if let bad = page.firstInvalidUTF8 { onError(.warning(name, UTF8Repair.message(at: bad))) }
            if let date = page.unreadDate { onError(.warning(name, PublishedDate.unreadMessage(date))) }
            let doc = page.document(id: name, url: url, cleanUp: cleanUp)
            guard !doc.text.isEmpty else { return .failure(InputProblem("no article text found in the page")) }
            return .success(doc)
        } catch {
            return .failure(error)
        }
    }

    static func cleaned(_ doc: Document) -> Document {
        var doc = doc
        let c = TextCleanup.clean(doc.text, title: doc.title)
        doc.text = c.text
        if doc.published == nil, let d = c.published { doc.published = Day(d) }
        if doc.title == nil { doc.title = c.title }
        return doc
    }

    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(1024))
        for tag in ["<!doctype html", "<html", "<head", "<body", "<meta ", "<article"] where Bytes.find(head, Array(tag.utf8)) != nil {
            return true
        }
        return false
    }
}
