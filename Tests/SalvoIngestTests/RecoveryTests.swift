import Foundation
import Testing
@testable import SalvoIngest
import SalvoModel

/// Damaged input is read as far as it is readable: bad bytes become U+FFFD, damaged WARC records and
/// gzip members cost only themselves, unreadable folder entries are reported and the rest is read.
@Suite struct RecoveryTests {
    // MARK: invalid UTF-8

    @Test func strayByteInPlainTextIsReplacedWithOneWarning() async throws {
        let dir = TempDir()
        defer { dir.remove() }
        let bytes = Array("Shelling hit Kherson on Monday morning.\nTwo men were hurt ".utf8) + [0xFF, 0xC3]
            + Array(" near the river port.\n".utf8)
        let path = dir.write("note.txt", bytes)
        let r = await DocumentReader().collect(path)
        let doc = try #require(r.documents.first)
        #expect(doc.text.contains("Two men were hurt \u{FFFD}\u{FFFD} near the river port."))
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.isWarning == true)
        #expect(r.errors.first?.description == "\(path): warning: invalid UTF-8 at byte 58 replaced by U+FFFD")
    }

    @Test func strayByteInJSONLinesRecordIsReplacedNotRefused() async throws {
        let dir = TempDir()
        defer { dir.remove() }
        let first = Array(#"{"id": "a", "text": "A drone fell on a farm near Sumy."}"#.utf8) + [0x0A]
        let second = Array(#"{"id": "b", "title": "Sumy "#.utf8) + [0xE2, 0x82] + Array(#"", "text": "Two drones were shot down."}"#.utf8) + [0x0A]
        let path = dir.write("batch.jsonl", first + second)
        let r = await DocumentReader().collect(path)
        #expect(r.documents.map(\.id) == ["a", "b"])
        #expect(r.documents.last?.title == "Sumy \u{FFFD}")
        #expect(r.errors.map(\.description) == ["\(path):2: warning: invalid UTF-8 at byte \(first.count + 27) replaced by U+FFFD"])
    }

    @Test func strayByteInUTF8PageIsRepairedNotReadAsLatin1() async throws {
        var html = Array("<html><head><meta charset=\"utf-8\"><title>Удар</title></head><body><article><p>Уночі дрони атакували Одесу, ".utf8)
        html += [0xFF]
        html += Array("повідомив голова обласної адміністрації. Постраждали двоє людей, пошкоджено будинки.</p></article></body></html>".utf8)
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("page.html", html))
        let doc = try #require(r.documents.first)
        #expect(doc.text.contains("Уночі дрони атакували Одесу, \u{FFFD}повідомив"))
        #expect(r.errors.count == 1 && r.errors[0].isWarning && r.errors[0].message.contains("byte"))
    }

    @Test func latin1TextIsReadAsWindows1252WithAWarning() async throws {
        let dir = TempDir()
        defer { dir.remove() }
        let bytes = Array("Drohnen trafen K".utf8) + [0xF6] + Array("ln und M".utf8) + [0xFC] + Array("nchen fr".utf8) + [0xFC, 0x68, 0x2E]
        let r = await DocumentReader().collect(dir.write("alt.txt", bytes))
        #expect(r.documents.first?.text == "Drohnen trafen Köln und München früh.")
        #expect(r.errors.map(\.description) == ["\(dir.url.path)/alt.txt: warning: not UTF-8 (first at byte 16); read as windows-1252"])
    }

    @Test func rawControlCharactersInAJSONLinesRecordBecomeSpaces() async {
        let dir = TempDir()
        defer { dir.remove() }
        let bytes = Array(#"{"id": "n", "text": "Kyiv\#u{0}at night"}"#.utf8) + [0x0A] + Array(#"{"id": "m", "text": "ok"}"#.utf8)
        let path = dir.write("ctl.jsonl", bytes)
        let r = await DocumentReader().collect(path)
        #expect(r.documents.map(\.text) == ["Kyiv at night", "ok"])
        #expect(r.errors.map(\.description) == ["\(path):1: warning: control character at byte 25 replaced by a space"])
    }

    @Test func aLineThatStaysBrokenAfterRepairIsOneError() async {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("junk.jsonl", [0x80, 0xFE, 0x7B, 0x00, 0x22] + Array("\n{\"id\": \"k\", \"text\": \"ok\"}".utf8))
        let r = await DocumentReader().collect(path)
        #expect(r.documents.map(\.id) == ["k"])
        #expect(r.errors.map(\.description) == ["\(path):1: not a document record: not valid JSON"])
    }

    @Test func strayByteInAnASCIIPageThatSaysUTF8IsRepaired() async throws {
        let html = Array("<html><head><meta charset=utf-8><title>Strike</title></head><body><article><p>Missiles hit a power plant near Lviv ".utf8)
            + [0xFF] + Array(" overnight, the regional governor said; crews were repairing the lines by morning.</p></article></body></html>".utf8)
        let page = try HTMLPage(bytes: html)
        #expect(page.charset == .utf8)
        #expect(page.text.contains("near Lviv \u{FFFD} overnight"))
        #expect(page.firstInvalidUTF8 == 115)
    }

    @Test func utf16TextWithBOMIsRead() async throws {
        let text = "Rockets hit Kharkiv; one person was killed."
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in text.utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("le.txt", bytes))
        #expect(r.errors.isEmpty)
        #expect(r.documents.first?.text == text)
    }

    @Test func emptyAndBOMOnlyFilesAreReportedNotRead() async {
        let dir = TempDir()
        defer { dir.remove() }
        for (name, bytes) in [("empty.txt", [UInt8]()), ("bom.txt", [0xEF, 0xBB, 0xBF])] {
            let r = await DocumentReader().collect(dir.write(name, bytes))
            #expect(r.documents.isEmpty)
            #expect(r.errors.map(\.message) == ["empty input"])
        }
    }

    // MARK: WARC

    static func members() -> [[UInt8]] {
        (1...6).map { i in
            WARCTests.response("https://c.example/\(i)", "2024-11-0\(i)T06:00:00Z",
                               html: WARCTests.page("Report \(i)", "Strike number \(i) hit a warehouse."))
        }
    }

    /// Reads a gzipped archive of six records whose third member has the bytes of `damage` flipped
    /// with `mask`; every other record must still be read.
    private func readDamaged(_ damage: (Int) -> Range<Int>, mask: UInt8) async -> (path: String, members: [[UInt8]], result: ReadResult) {
        var members = Self.members().map { Gzip.compress($0) }
        for k in damage(members[2].count) { members[2][k] ^= mask }
        let dir = TempDir()
        let path = dir.write("crawl.warc.gz", members.flatMap { $0 })
        let r = await DocumentReader().collect(path)
        dir.remove()
        #expect(r.documents.map(\.url) == [1, 2, 4, 5, 6].map { "https://c.example/\($0)" })
        return (path, members, r)
    }

    @Test func damagedGzipMemberCostsOnlyItsRecord() async {
        let (path, members, r) = await readDamaged({ _ in 20..<50 }, mask: 0x5A)
        #expect(r.errors.count == 1)
        // Nothing of record 3 came out before the damage: the error names the damaged member.
        #expect(r.errors.first?.input == path)
        #expect(r.errors.first?.message.contains("gzip member at byte \(members[0].count + members[1].count)") == true)
    }

    @Test func memberDamagedInItsMiddleIsNamedAsTheRecord() async {
        let (path, _, r) = await readDamaged({ n in (n / 2)..<(n / 2 + 12) }, mask: 0xA5)
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.input.hasPrefix(path) == true)
        #expect(r.errors.first?.message.contains("byte") == true)
    }

    @Test func memberDamagedFromItsFirstDeflateByteCostsOnlyItself() async {
        var members = Self.members().map { Gzip.compress($0) }
        for k in 10..<members[1].count - 8 { members[1][k] = 0xFF }
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("crawl.warc.gz", members.flatMap { $0 })
        let r = await DocumentReader().collect(path)
        #expect(r.documents.map(\.url) == [1, 3, 4, 5, 6].map { "https://c.example/\($0)" })
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.message.contains("byte \(members[0].count)") == true)
    }

    @Test func damagedGzipMemberInJSONLinesSkipsToTheNextMember() async {
        let lines = (1...4).map { Array(#"{"id": "\#($0)", "text": "Air raid alert number \#($0) in Kyiv."}"#.utf8) + [0x0A] }
        var members = lines.map { Gzip.compress($0) }
        for k in 12..<members[1].count - 4 { members[1][k] = 0x00 }
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("batch.jsonl.gz", members.flatMap { $0 })
        let r = await DocumentReader().collect(path)
        #expect(r.documents.map(\.id) == ["1", "3", "4"])
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.message.contains("gzip member at byte \(members[0].count)") == true)
    }

    @Test func brokenHeaderAndWrongLengthInPlainWARC() async {
        var records = Self.members()
        // Record 2: its header lines overwritten; record 4: a Content-Length far past its end.
        for k in 10..<60 { records[1][k] = 0x78 }
        let s = String(decoding: records[3], as: UTF8.self)
        records[3] = Array(s.replacingOccurrences(of: "Content-Length: ", with: "Content-Length: 7").utf8)
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("crawl.warc", records.flatMap { $0 })
        let r = await DocumentReader().collect(path)
        #expect(r.documents.map(\.url) == [1, 3, 5, 6].map { "https://c.example/\($0)" })
        #expect(r.errors.map(\.input) == ["\(path)#2", "\(path)#4"])
        #expect(r.errors.allSatisfy { $0.message.contains("at byte ") && !$0.isWarning })
    }

    @Test func garbageBetweenRecordsIsSkipped() async {
        let records = Self.members()
        let garbage = [UInt8](repeating: 0xAB, count: 100_000) + Array("\nnot a header\n".utf8)
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("crawl.warc", records[0] + garbage + records[1...].flatMap { $0 })
        let r = await DocumentReader().collect(path)
        #expect(r.documents.count == 6)
        #expect(r.errors.count == 1)
    }

    // MARK: directories

    @Test func unreadableEntriesAreReportedAndTheRestIsRead() async throws {
        let dir = TempDir()
        defer { dir.remove() }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir.url.appendingPathComponent("sub").path, withIntermediateDirectories: true)
        _ = dir.write("sub/a.txt", "Drones hit Poltava overnight.")
        _ = dir.write("b.txt", "A missile hit Dnipro.")
        // A dangling link and a link to itself cannot be read, whoever runs the test (root reads a chmod 000 folder).
        try fm.createSymbolicLink(atPath: dir.url.appendingPathComponent("gone.txt").path, withDestinationPath: "nowhere.txt")
        try fm.createSymbolicLink(atPath: dir.url.appendingPathComponent("loop").path, withDestinationPath: "loop")
        var locked: String?
        if getuid() != 0 {
            locked = dir.url.appendingPathComponent("locked").path
            try fm.createDirectory(atPath: locked!, withIntermediateDirectories: true)
            chmod(locked!, 0)
        }
        defer { if let locked { chmod(locked, 0o755) } }
        let r = await DocumentReader().collect(dir.url.path)
        #expect(Set(r.documents.map { ($0.id as NSString).lastPathComponent }) == ["a.txt", "b.txt"])
        let reported = Set(r.errors.map { ($0.input as NSString).lastPathComponent })
        #expect(reported == Set(["gone.txt", "loop"] + (locked == nil ? [] : ["locked"])))
        #expect(r.errors.allSatisfy { !$0.isWarning && $0.message.contains("cannot be read") })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem")))
    func aFailedReadIsReportedNotTakenForTheEnd() async {
        // Reading /proc/self/mem from its start fails (EIO): a stand-in for a disk error.
        let r = await DocumentReader().collect("/proc/self/mem")
        #expect(r.documents.isEmpty)
        #expect(r.errors.map(\.message) == ["read failed: Input/output error"])
    }

    @Test func fileNamesThatAreNotUTF8AreRead() async throws {
        let dir = TempDir()
        defer { dir.remove() }
        var path = Array(dir.url.path.utf8) + Array("/report-".utf8) + [0xE9, 0xFF] + Array(".txt".utf8)
        let fd = DirectoryWalk.withCPath(path) { open($0, O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        let text = Array("Kramatorsk was shelled in the morning.".utf8)
        _ = text.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let r = await DocumentReader().collect(dir.url.path)
        #expect(r.errors.isEmpty)
        #expect(r.documents.first?.text == "Kramatorsk was shelled in the morning.")
        path.removeAll()
        #expect(r.documents.first?.id.hasSuffix("/report-\u{FFFD}\u{FFFD}.txt") == true)
    }
}
