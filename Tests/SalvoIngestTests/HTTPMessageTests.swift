import Testing
@testable import SalvoIngest

/// Inputs found by `scripts/fuzz warc` (Fuzz/README.md), reduced by hand.
@Suite struct HTTPMessageTests {
    @Test func chunkSizeLineWithoutLineEndEndsTheBody() async {
        // A chunk size as the last bytes: reading stepped one byte past the end and trapped.
        #expect(HTTPMessage.dechunk(Array("1a".utf8)[...]).isEmpty)
        #expect(HTTPMessage.dechunk(Array("4\r\nWiki\r\n5".utf8)[...]) == Array("Wiki".utf8))
        #expect(HTTPMessage.dechunk(Array("4\r\nWiki\r\n5\r".utf8)[...]) == Array("Wiki".utf8))
    }

    @Test func chunkSizeLargerThanTheRestKeepsTheRest() async {
        #expect(HTTPMessage.dechunk(Array("ff\r\nshort".utf8)[...]) == Array("short".utf8))
    }

    @Test func chunkedWARCResponseCutInItsSizeLineIsReadWithoutATrap() async {
        let html = WARCTests.page("Port", "Two drones were shot down over the port.")
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            + String(html.utf8.count, radix: 16) + "\r\n" + html + "\r\n3f"
        let dir = TempDir()
        defer { dir.remove() }
        let bytes = WARCTests.record(type: "response", uri: "https://example.org/a", date: "2024-11-17T06:00:00Z",
                                     contentType: "application/http; msgtype=response", block: http)
        let r = await DocumentReader().collect(dir.write("cut.warc", bytes))
        #expect(r.documents.count == 1)
        #expect(r.documents.first?.text.contains("Two drones were shot down over the port.") == true)
    }
}
