import SalvoModel

/// WARC files (ISO 28500), plain or gzipped per record as Common Crawl News ships them: each
/// `response` (or `resource`) record holding an HTML page becomes a document with the record's
/// target URI and date. Records are read one at a time, so memory stays constant.
///
/// ```swift
/// let stream = try ByteStream(path: "CC-NEWS-20241117.warc.gz")
/// try WARCReader(maxRecordBytes: 8 << 20).read(stream, name: path, onError: report) { doc in … }
/// ```
struct WARCReader {
    var maxRecordBytes: Int
    var cleanUp = true

    struct Record {
        var type = ""
        var targetURI: String?
        var date: String?
        var recordID: String?
        var contentType = ""
        var contentLength = -1
    }

    func read(_ stream: ByteStream, name: String, onError: (InputError) -> Void,
              _ body: (Document) throws -> Void) rethrows {
        var buffer = StreamBuffer(stream)
        var index = 0
        defer {
            if let error = stream.error {
                let message = (error as? GzipError)?.message ?? "\(error)"
                onError(InputError(input: name, message: message + " after \(index) WARC records"))
            }
        }
        while true {
            // Skip blank lines between records.
            var line = buffer.readLine()
            while let l = line, l.isEmpty { line = buffer.readLine() }
            guard let versionLine = line else { return }
            guard versionLine.starts(with: Array("WARC/".utf8)) else {
                if stream.error == nil {
                    onError(InputError(input: "\(name)#\(index + 1)", message: "not a WARC record header; stopped reading"))
                }
                return
            }
            index += 1
            let label = "\(name)#\(index)"
            guard let record = readHeaders(&buffer), record.contentLength >= 0 else {
                onError(InputError(input: label, message: "WARC record header without Content-Length; stopped reading"))
                return
            }
            let wanted = wantsBlock(record)
            if !wanted || record.contentLength > maxRecordBytes {
                let skipped = buffer.skip(record.contentLength)
                if skipped < record.contentLength {
                    onError(InputError(input: label, message: "truncated WARC record (\(skipped) of \(record.contentLength) bytes)"))
                    return
                }
                if wanted {
                    onError(InputError(input: label, message: "record too large (\(record.contentLength) bytes); skipped"))
                }
                continue
            }
            let block = buffer.read(record.contentLength)
            if block.count < record.contentLength {
                onError(InputError(input: label, message: "truncated WARC record (\(block.count) of \(record.contentLength) bytes)"))
                return
            }
            if let doc = document(record, block: block, label: label, onError: onError) {
                try body(doc)
            }
        }
    }

    private func readHeaders(_ buffer: inout StreamBuffer) -> Record? {
        var r = Record()
        var count = 0
        while let line = buffer.readLine(), !line.isEmpty {
            count += 1
            if count > 200 { return nil }
            guard let colon = line.firstIndex(of: 0x3A) else { continue }
            let key = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            var v = line[(colon + 1)...]
            while let f = v.first, Bytes.isSpace(f) { v = v.dropFirst() }
            while let l = v.last, Bytes.isSpace(l) { v = v.dropLast() }
            let value = String(decoding: v, as: UTF8.self)
            switch key {
            case "warc-type": r.type = value.lowercased()
            case "warc-target-uri": r.targetURI = value.hasPrefix("<") && value.hasSuffix(">") ? String(value.dropFirst().dropLast()) : value
            case "warc-date": r.date = value
            case "warc-record-id": r.recordID = value
            case "content-type": r.contentType = value.lowercased()
            case "content-length": r.contentLength = Int(value) ?? -1
            default: break
            }
        }
        return r
    }

    private func wantsBlock(_ r: Record) -> Bool {
        switch r.type {
        case "response": return r.contentType.hasPrefix("application/http")
        case "resource": return r.contentType.contains("html")
        default: return false
        }
    }

    private func document(_ r: Record, block: [UInt8], label: String, onError: (InputError) -> Void) -> Document? {
        var payload = block[...]
        var contentType: String? = r.type == "resource" ? r.contentType : nil
        if r.type == "response" {
            guard let http = HTTPMessage(block) else { return nil }
            guard (200..<300).contains(http.status) else { return nil }
            contentType = http.header("content-type")
            guard let ct = contentType?.lowercased(), ct.contains("html") else { return nil }
            payload = http.body
            if http.header("transfer-encoding")?.lowercased().contains("chunked") == true {
                payload = HTTPMessage.dechunk(payload)[...]
            }
            if let enc = http.header("content-encoding")?.lowercased(), enc.contains("gzip") || enc.contains("deflate"),
               let inflated = try? Gzip.inflate(Array(payload), limit: maxRecordBytes) {
                payload = inflated[...]
            }
        }
        let id = r.recordID ?? label
        do {
            let page = try HTMLPage(bytes: Array(payload), url: r.targetURI, contentType: contentType)
            var doc = page.document(id: id, url: r.targetURI, cleanUp: cleanUp)
            if doc.published == nil, let d = r.date.flatMap({ PublishedDate.day($0) }) { doc.published = Day(d) }
            guard !doc.text.isEmpty else { return nil }
            return doc
        } catch {
            onError(InputError(input: r.targetURI ?? label, message: error.message))
            return nil
        }
    }
}
