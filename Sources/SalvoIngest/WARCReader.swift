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

    static let recordMarker = Array("WARC/1.".utf8)

    /// Reads every record; a damaged one (broken header, wrong length, damaged gzip member) is
    /// reported with its offset and reading resumes at the next `WARC/1.` header, so it costs only itself.
    func read(_ stream: ByteStream, name: String, onError: (InputError) -> Void,
              _ body: (Document) throws -> Void) rethrows {
        var records = Records(self, stream: stream, name: name)
        while let doc = records.next(onError: onError) { try body(doc) }
    }

    /// The documents of a WARC input one at a time, for a reader that awaits between them.
    struct Records {
        let reader: WARCReader
        let name: String
        private var buffer: StreamBuffer
        private var index = 0
        private var damagesSeen = 0  // gzip damages already put down to a record
        private var ended = false

        init(_ reader: WARCReader, stream: ByteStream, name: String) {
            self.reader = reader
            self.name = name
            buffer = StreamBuffer(stream)
        }

        private var stream: ByteStream { buffer.stream }

        /// The gzip damage that fell inside bytes `from..<to` of the output, if any; it is then accounted for.
        private mutating func damage(in range: Range<Int>) -> GzipDamage? {
            let all = stream.damages
            guard damagesSeen < all.count else { return nil }
            guard let k = all[damagesSeen...].firstIndex(where: { range.contains($0.outputOffset) }) else { return nil }
            damagesSeen = all[damagesSeen...].lastIndex(where: { $0.outputOffset < range.upperBound }).map { $0 + 1 } ?? k + 1
            return all[k]
        }

        private func damaged(_ label: String, at offset: Int, _ why: String, _ onError: (InputError) -> Void) {
            onError(InputError(input: label, message: "damaged WARC record at byte \(offset) (\(why)); skipped to the next record"))
        }

        /// At the end: the damages and the stream error no record accounted for.
        private mutating func end(_ onError: (InputError) -> Void) -> Document? {
            guard !ended else { return nil }
            ended = true
            for damage in stream.damages.dropFirst(damagesSeen) {
                onError(InputError(input: name, message: "\(damage.message) in the gzip member at byte \(damage.compressedOffset); skipped to the next member"))
            }
            if let error = stream.error {
                let message = (error as? GzipError)?.message ?? "\(error)"
                onError(InputError(input: name, message: message + " after \(index) WARC records"))
            }
            return nil
        }

        /// The next document; nil at the end of the input.
        mutating func next(onError: (InputError) -> Void) -> Document? {
            guard !ended else { return nil }
            while true {
                // Skip blank lines between records.
                let recordStart = buffer.offset
                var headerStart = buffer.offset
                var line = buffer.readLine()
                while let l = line, l.allSatisfy({ $0 == 0x0D }) {
                    headerStart = buffer.offset
                    line = buffer.readLine()
                }
                guard let versionLine = line else { return end(onError) }
                guard versionLine.starts(with: Array("WARC/".utf8)) else {
                    if stream.error == nil || !stream.damages.isEmpty {
                        let why = damage(in: recordStart..<(buffer.offset + 1)).map { $0.message } ?? "no WARC header here"
                        damaged("\(name)#\(index + 1)", at: max(recordStart, headerStart), why, onError)
                    }
                    guard buffer.seek(toLineStarting: WARCReader.recordMarker) else { return end(onError) }
                    continue
                }
                index += 1
                let label = "\(name)#\(index)"
                guard let record = reader.readHeaders(&buffer), record.contentLength >= 0, !record.type.isEmpty else {
                    let why = damage(in: headerStart..<(buffer.offset + 1)).map { $0.message } ?? "header without WARC-Type or Content-Length"
                    damaged(label, at: headerStart, why, onError)
                    guard buffer.seek(toLineStarting: WARCReader.recordMarker) else { return end(onError) }
                    continue
                }
                let wanted = reader.wantsBlock(record)
                if record.contentLength > reader.maxRecordBytes {
                    let skipped = buffer.skip(record.contentLength)
                    if skipped < record.contentLength {
                        onError(InputError(input: label, message: "truncated WARC record at byte \(headerStart) (\(skipped) of \(record.contentLength) bytes)"))
                        return end(onError)
                    }
                    if wanted {
                        onError(InputError(input: label, message: "record too large (\(record.contentLength) bytes); skipped"))
                    }
                    continue
                }
                // Every record is read (not skipped) so that one found damaged can be stepped back into.
                let block = buffer.read(record.contentLength)
                let blockEnd = buffer.offset
                if let d = damage(in: (headerStart + 1)..<(blockEnd + 4)) {  // damage right at the start left nothing of its record
                    damaged(label, at: headerStart, d.message, onError)
                    // The next member's output begins where the damage is: the next record may start there.
                    buffer.unread(max(0, blockEnd - d.outputOffset))
                    guard buffer.seek(toLineStarting: WARCReader.recordMarker) else { return end(onError) }
                    continue
                }
                if block.count < record.contentLength, let at = WARCReader.lineStart(of: WARCReader.recordMarker, in: block) {
                    damaged(label, at: headerStart, "Content-Length \(record.contentLength) runs past the next record", onError)
                    buffer.unread(block.count - at)
                    continue
                }
                if block.count < record.contentLength {
                    onError(InputError(input: label, message: "truncated WARC record at byte \(headerStart) (\(block.count) of \(record.contentLength) bytes)"))
                    return end(onError)
                }
                if !reader.followedByRecord(&buffer), let at = WARCReader.lineStart(of: WARCReader.recordMarker, in: block) {
                    // A Content-Length too long: the next record is inside the block. (Anything else that
                    // follows a block is for the next round to report and skip.)
                    damaged(label, at: headerStart, "Content-Length \(record.contentLength) runs past the next record", onError)
                    buffer.unread(block.count - at)
                    continue
                }
                guard wanted else { continue }
                if let doc = reader.document(record, block: block, label: label, onError: onError) { return doc }
            }
        }
    }

    /// After a block: line ends, then the next record's header or the end of input.
    func followedByRecord(_ buffer: inout StreamBuffer) -> Bool {
        let ahead = buffer.peek(16)
        let rest = ahead.drop { $0 == 0x0D || $0 == 0x0A }
        return rest.isEmpty || rest.starts(with: Array("WARC/".utf8))
    }

    /// Where `marker` starts a line in `block` (not at its very start), if anywhere.
    static func lineStart(of marker: [UInt8], in block: [UInt8]) -> Int? {
        guard block.count > marker.count else { return nil }
        for at in 1...(block.count - marker.count) where block[at - 1] == 0x0A && block[at] == marker[0] {
            if block[at..<(at + marker.count)].elementsEqual(marker) { return at }
        }
        return nil
    }

    func readHeaders(_ buffer: inout StreamBuffer) -> Record? {
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

    func wantsBlock(_ r: Record) -> Bool {
        switch r.type {
        case "response": return r.contentType.hasPrefix("application/http")
        case "resource": return r.contentType.contains("html")
        default: return false
        }
    }

    func document(_ r: Record, block: [UInt8], label: String, onError: (InputError) -> Void) -> Document? {
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
