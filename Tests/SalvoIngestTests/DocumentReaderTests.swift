import Foundation
import Testing
@testable import SalvoIngest
import SalvoModel

@Suite struct DocumentReaderTests {
    func withTemp(_ name: String, _ bytes: [UInt8], _ body: (String) async -> Void) async {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("salvo-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        await body(path)
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func jsonLinesSkipsBadRecordsAndKeepsTheRest() async {
        let lines = """
        {"id": "a", "url": "u", "published": "2024-11-17", "text": "One."}
        {not json
        {"id": 7, "text": "Two."}
        {"id": "c"}
        """
        await withTemp("in.jsonl", Array(lines.utf8)) { path in
            var ids: [String] = []
            var errors: [String] = []
            await DocumentReader().read(path, onError: { errors.append($0.description) }) { ids.append($0.id) }
            #expect(ids == ["a", "7"])
            #expect(errors.count == 2)
            #expect(errors[0].hasPrefix("\(path):2: "))
            #expect(errors[1].contains("missing \"text\""))
        }
    }

    @Test func jsonLinesReportsBadBytesAndBrokenLinesAsBefore() async {
        var bytes = Array("{\"id\": \"a\", \"text\": \"One.\"}\r\n\n   \n{\"id\": \"b\", \"text\": \"bad ".utf8)
        bytes += [0xFF] + Array(" byte\"}\n{\"id\": \"c\", \"text\": \"unterminated\n{\"id\": \"d\", \"text\": \"lone \\uD83D\"}\n".utf8)
        bytes += Array("{\"id\": \"e\", \"text\": \"pair \\uD83D\\uDE00\", \"tags\": [1]}\n{\"id\": \"f\", \"text\": 5}\n{\"id\": \"g\", \"text\": \"no newline\"}".utf8)
        await withTemp("mixed.jsonl", bytes) { path in
            var docs: [Document] = []
            var errors: [String] = []
            await DocumentReader().read(path, onError: { errors.append($0.description) }) { docs.append($0) }
            // A stray byte and a lone surrogate spoil a character, not the record.
            #expect(docs.map(\.id) == ["a", "b", "d", "e", "g"])
            #expect(docs.map(\.text) == ["One.", "bad \u{FFFD} byte", "lone \u{FFFD}", "pair 😀", "no newline"])
            #expect(errors == ["\(path):4: warning: invalid UTF-8 at byte 59 replaced by U+FFFD",
                               "\(path):5: not a document record: not valid JSON",
                               "\(path):8: not a document record: wrong type at \"text\""])
        }
    }

    @Test func refusesBinaryAndRepairsInvalidUTF8() async {
        await withTemp("bin.txt", [0x00, 0x01, 0x02, 0xFF]) { path in
            var errors: [String] = []
            await DocumentReader().read(path, onError: { errors.append($0.message) }) { _ in }
            #expect(errors == ["binary data, not text"])
        }
        await withTemp("bad.txt", [0x41, 0xC3, 0x28, 0x42]) { path in
            var errors: [String] = []
            await DocumentReader().read(path, onError: { errors.append($0.message) }) { _ in }
            #expect(errors == ["invalid UTF-8 at byte 1 replaced by U+FFFD"])
        }
    }

    @Test func missingAndEmptyInputsAreNamed() async {
        var errors: [String] = []
        await DocumentReader().read("/nonexistent/x.txt", onError: { errors.append($0.description) }) { _ in }
        #expect(errors == ["/nonexistent/x.txt: no such file or directory"])
        await withTemp("empty.txt", []) { path in
            var e: [String] = []
            await DocumentReader().read(path, onError: { e.append($0.message) }) { _ in }
            #expect(e == ["empty input"])
        }
    }
}
