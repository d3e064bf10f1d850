import Testing
@testable import SalvoIngest

@Suite struct CharsetTests {
    static let russianStart = "Ночью беспилотники атаковали склад"

    @Test(arguments: ["page-cp1251.html", "page-koi8r.html", "page-koi8r-undeclared.html"])
    func cyrillicPagesComeOutAsUTF8(_ name: String) throws {
        let page = try HTMLPage(bytes: try Fixture.bytes(name))
        #expect(page.text.hasPrefix(Self.russianStart))
        #expect(page.title == "Ночная атака на склад")
        #expect(page.language == "ru")
    }

    @Test func declaredCharsetsAreRecognised() async throws {
        #expect(Charset.detect(try Fixture.bytes("page-cp1251.html")) == .windows1251)
        #expect(Charset.detect(try Fixture.bytes("page-koi8r.html")) == .koi8R)
        #expect(Charset.detect(try Fixture.bytes("page-koi8r-undeclared.html")) == .koi8R)
        #expect(Charset.detect(try Fixture.bytes("page-latin9.html")) == .iso885915)
        #expect(Charset.detect(try Fixture.bytes("page-latin1.html")) == .iso88591)
    }

    @Test func httpHeaderWinsOverMeta() async throws {
        let bytes = try Fixture.bytes("page-koi8r.html")
        // A server that says windows-1251 for KOI8-R bytes is believed: the header is the stronger signal.
        #expect(Charset.detect(bytes, contentType: "text/html; charset=windows-1251") == .windows1251)
        #expect(Charset.detect(bytes, contentType: "text/html") == .koi8R)
    }

    @Test func misdeclaredUTF8IsSniffed() async throws {
        // The same windows-1251 bytes, but the meta tag claims UTF-8.
        let claimed = Self.replace(try Fixture.bytes("page-cp1251.html"), "windows-1251", "utf-8")
        #expect(Charset.detect(claimed) == .windows1251)
        let page = try HTMLPage(bytes: claimed)
        #expect(page.text.hasPrefix(Self.russianStart))
    }

    static func replace(_ bytes: [UInt8], _ old: String, _ new: String) -> [UInt8] {
        let o = Array(old.utf8), n = Array(new.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + o.count <= bytes.count && Array(bytes[i..<(i + o.count)]) == o {
                out += n
                i += o.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    @Test func latinPages() async throws {
        let nine = try HTMLPage(bytes: try Fixture.bytes("page-latin9.html"))
        #expect(nine.text.contains("über 5 Millionen €"))
        #expect(nine.text.contains("großen Teilen"))
        let one = try HTMLPage(bytes: try Fixture.bytes("page-latin1.html"))
        #expect(one.text.contains("Bürgermeister"))
        #expect(one.language == "de")
    }

    @Test func undeclaredCyrillicPlainText() async throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("note.txt", try Fixture.bytes("page-cp1251-undeclared.txt"))
        let r = await DocumentReader().collect(path)
        #expect(r.errors.isEmpty)
        #expect(r.documents.first?.text.hasPrefix(Self.russianStart) == true)
    }

    @Test func singleByteTablesRoundTrip() async {
        // Every byte of each single-byte charset decodes to exactly one scalar, ASCII unchanged.
        for cs in Charset.allCases where cs != .utf8 {
            let all = (0...255).map { UInt8($0) }
            let decoded = String(decoding: cs.decodeToUTF8(all), as: UTF8.self)
            #expect(decoded.unicodeScalars.count == 256, "\(cs)")
            #expect(decoded.unicodeScalars.prefix(128).map(\.value) == (0..<128).map { UInt32($0) })
        }
        #expect(Charset.windows1251High[0xC0 - 0x80] == 0x0410)  // А
        #expect(Charset.koi8RHigh[0xC1 - 0x80] == 0x0430)  // а
        #expect(Charset.iso885915High[0xA4 - 0x80] == 0x20AC)  // €
    }

    @Test func labels() async {
        #expect(Charset(label: "CP1251") == .windows1251)
        #expect(Charset(label: "\"koi8-r\"") == .koi8R)
        #expect(Charset(label: "Latin1") == .iso88591)
        #expect(Charset(label: "shift_jis") == nil)
    }
}
