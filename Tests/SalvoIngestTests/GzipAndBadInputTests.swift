import Testing
@testable import SalvoIngest

@Suite struct GzipTests {
    @Test func roundTripAndConcatenatedMembers() async throws {
        let a = Array("first member, ".utf8), b = Array("second member".utf8)
        #expect(try Gzip.inflate(Gzip.compress(a) + Gzip.compress(b)) == a + b)
    }

    @Test func truncatedGzipGivesWhatCameBefore() async {
        let text = Array(String(repeating: "Line of text number something.\n", count: 2000).utf8)
        let z = Gzip.compress(text, level: 1)
        let (out, error) = Gzip.inflatePartial(Array(z.prefix(z.count / 2)))
        #expect(error == .truncated)
        #expect(!out.isEmpty && out.count < text.count)
        #expect(Array(text.prefix(out.count)) == out)
    }

    @Test func corruptGzip() async {
        var z = Gzip.compress(Array("hello hello hello hello".utf8))
        z[12] ^= 0xFF
        z[13] ^= 0xFF
        let (_, error) = Gzip.inflatePartial(z)
        #expect(error != nil)
    }

    @Test func gzippedFilesAreReadTransparently() async {
        let dir = TempDir()
        defer { dir.remove() }
        let text = dir.write("note.txt.gz", Gzip.compress(Array("Air raid alert in the region lasted two hours.".utf8)))
        let records = "{\"id\": \"x1\", \"text\": \"One.\"}\n{\"id\": \"x2\", \"text\": \"Two.\"}\n"
        _ = dir.write("docs.jsonl.gz", Gzip.compress(Array(records.utf8)))
        let html = dir.write("page.html.gz", Gzip.compress(Array(HTMLPageTests.article.utf8)))
        let r = await DocumentReader().collect(dir.url.path)
        #expect(r.errors.isEmpty)
        #expect(Set(r.documents.map(\.id)) == [text, "x1", "x2", html])
        #expect(r.documents.first { $0.id == html }?.title == "Drones strike river port overnight")
    }

    @Test func truncatedGzippedJSONLinesKeepsEarlierRecords() async {
        var lines = ""
        for i in 1...400 { lines += "{\"id\": \"r\(i)\", \"text\": \"Record number \(i) with a little text to compress.\"}\n" }
        let z = Gzip.compress(Array(lines.utf8))
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("cut.jsonl.gz", Array(z.prefix(z.count * 2 / 3))))
        #expect(r.documents.count > 10)
        #expect(r.documents.count < 400)
        #expect(r.errors.contains { $0.message.contains("truncated gzip") })
    }
}

@Suite struct BadInputTests {
    @Test func binaryHTMLNamedFile() async {
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("image.html", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A]))
        #expect(r.documents.isEmpty)
        #expect(r.errors.map(\.message) == ["binary data, not text"])
    }

    @Test func pageWithoutText() async {
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("empty.html", "<html><head><title>t</title></head><body><nav><a href=/>x</a></nav></body></html>"))
        #expect(r.documents.isEmpty)
        #expect(r.errors.map(\.message) == ["no article text found in the page"])
    }

    @Test func garbageGzip() async {
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("x.gz", [0x1F, 0x8B, 0x08, 0x00, 0x41, 0x42]))
        #expect(r.documents.isEmpty)
        #expect(r.errors.count == 1)
    }

    @Test func tooLargeDocument() async {
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader(maxDocumentBytes: 100).collect(dir.write("big.txt", String(repeating: "word ", count: 100)))
        #expect(r.documents.isEmpty)
        #expect(r.errors.first?.message.hasPrefix("too large") == true)
    }
}
