import Testing
@testable import SalvoIngest
import SalvoModel

@Suite struct WARCTests {
    static func page(_ title: String, _ sentence: String) -> String {
        "<html lang=\"en\"><head><title>\(title)</title></head><body><nav><a href=/>Home</a></nav><article><p>\(sentence) "
            + "It was reported by several local officials, who asked residents to stay in shelters.</p></article></body></html>"
    }

    static func record(type: String, uri: String, date: String, contentType: String, block: String) -> [UInt8] {
        let body = Array(block.utf8)
        let head = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: \(date)\r\n"
            + "WARC-Record-ID: <urn:uuid:\(uri.hashValue & 0xffff)>\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body + Array("\r\n\r\n".utf8)
    }

    static func response(_ uri: String, _ date: String, html: String, status: String = "200 OK", type: String = "text/html; charset=utf-8") -> [UInt8] {
        let http = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nServer: test\r\n\r\n" + html
        return record(type: "response", uri: uri, date: date, contentType: "application/http; msgtype=response", block: http)
    }

    static var records: [[UInt8]] {
        [
            record(type: "warcinfo", uri: "", date: "2024-11-17T00:00:00Z", contentType: "application/warc-fields", block: "software: test\r\n"),
            record(type: "request", uri: "https://a.example/one", date: "2024-11-17T01:00:00Z", contentType: "application/http; msgtype=request",
                   block: "GET /one HTTP/1.1\r\nHost: a.example\r\n\r\n"),
            response("https://a.example/one", "2024-11-17T01:00:00Z", html: page("One", "The first strike hit a depot.")),
            response("https://a.example/logo.png", "2024-11-17T01:00:01Z", html: "PNG", type: "image/png"),
            response("https://a.example/missing", "2024-11-17T01:00:02Z", html: page("Gone", "Not found."), status: "404 Not Found"),
            response("https://b.example/two", "2024-11-18T02:00:00Z", html: page("Two", "The second strike hit a bridge.")),
        ]
    }

    @Test func plainWARC() async {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("crawl.warc", Self.records.flatMap { $0 })
        let r = await DocumentReader().collect(path)
        #expect(r.errors.isEmpty)
        #expect(r.documents.map(\.url) == ["https://a.example/one", "https://b.example/two"])
        #expect(r.documents.map(\.published) == [Day("2024-11-17"), Day("2024-11-18")])
        #expect(r.documents[0].text.hasPrefix("The first strike hit a depot."))
        #expect(!r.documents[0].text.contains("Home"))
    }

    @Test func gzipPerRecord() async {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("crawl.warc.gz", Self.records.flatMap { Gzip.compress($0) })
        let r = await DocumentReader().collect(path)
        #expect(r.errors.isEmpty)
        #expect(r.documents.count == 2)
        #expect(r.documents[1].title == "Two")
    }

    @Test func truncatedGzipKeepsRecordsBeforeTheDamage() async {
        let members = Self.records.map { Gzip.compress($0) }
        var bytes = members.dropLast().flatMap { $0 }
        let last = members.last!
        bytes += last.prefix(last.count / 2)
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("cut.warc.gz", bytes))
        #expect(r.documents.map(\.url) == ["https://a.example/one"])
        #expect(r.errors.contains { $0.message.contains("truncated gzip") })
    }

    @Test func truncatedPlainWARC() async {
        let all = Self.records.flatMap { $0 }
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("cut.warc", Array(all.prefix(all.count - 60))))
        #expect(r.documents.count == 1)
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.message.hasPrefix("truncated WARC record") == true)
        #expect(r.errors.first?.input.hasSuffix("cut.warc#6") == true)
    }

    @Test func garbageAfterRecordsIsReported() async {
        let dir = TempDir()
        defer { dir.remove() }
        let bytes = Self.records[2] + Array("this is not a record\r\n".utf8)
        let r = await DocumentReader().collect(dir.write("bad.warc", bytes))
        #expect(r.documents.count == 1)
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.message == "damaged WARC record at byte \(Self.records[2].count) (no WARC header here); skipped to the next record")
    }

    @Test func oversizedRecordsAreSkipped() async {
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader(maxDocumentBytes: 200).collect(dir.write("big.warc", Self.records.flatMap { $0 }))
        #expect(r.documents.isEmpty)
        // Both pages and the 404 response: their size is known before their status.
        #expect(r.errors.count == 3)
        #expect(r.errors.allSatisfy { $0.message.hasPrefix("record too large") })
    }

    @Test func chunkedTransferEncoding() async {
        let body = "4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"
        #expect(HTTPMessage.dechunk(Array(body.utf8)[...]) == Array("Wikipedia".utf8))
    }
}
