import Foundation
import Testing
@testable import SalvoIngest

@Suite struct JSONRecordParserTests {
    func parse(_ s: String) -> SalvoModelDocument? {
        Array(s.utf8).withUnsafeBufferPointer { JSONRecordParser.document($0) }.map {
            SalvoModelDocument(id: $0.id, url: $0.url, published: $0.published?.description, text: $0.text)
        }
    }

    @Test func readsFlatRecordsWithEscapes() {
        let d = parse(#"{"id": "a1", "url": null, "published": "2024-11-17", "text": "Line\none \"quoted\" \u0416 \ud83d\ude00 / \/ tab\t"}"#)
        #expect(d?.id == "a1")
        #expect(d?.url == nil)
        #expect(d?.published == "2024-11-17")
        #expect(d?.text == "Line\none \"quoted\" Ж 😀 / / tab\t")
    }

    @Test func acceptsNumericIdsAndUnknownKeys() {
        #expect(parse(#"{"id": 42, "text": "x", "source": "wire", "flag": true}"#)?.id == "42")
    }

    @Test func leavesUnusualRecordsToTheFullDecoder() {
        #expect(parse(#"{"id": "a", "text": "x", "tags": ["a"]}"#) == nil)
        #expect(parse(#"{"id": "a", "text": "x", "score": 1.5}"#) == nil)
        #expect(parse(#"{"id": "a"}"#) == nil)
        #expect(parse(#"{"id": "a", "text": "bad \x"}"#) == nil)
        #expect(parse(#"{"id": "a", "text": "x"} trailing"#) == nil)
        #expect(parse(#"{"id": "a", "text": "\ud83d"}"#) == nil)
    }

    @Test func agreesWithTheFullDecoderOnTheSamples() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples/reports.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let fast = Array(line.utf8).withUnsafeBufferPointer { JSONRecordParser.document($0) }
            let full = try JSONDecoder().decode(SalvoModel.Document.self, from: Data(line.utf8))
            #expect(fast == full)
        }
    }
}

struct SalvoModelDocument: Equatable {
    var id: String
    var url: String?
    var published: String?
    var text: String
}

import SalvoModel

@Suite struct TextCleanupScanTests {
    @Test func repeatedTitleIsFoundWhateverItsCaseAndPunctuation() {
        let text = "ATTACK ON KYIV: «five» injured\nFive people were injured overnight."
        #expect(TextCleanup.clean(text, title: "Attack on Kyiv — five injured").text == "Five people were injured overnight.")
        #expect(TextCleanup.clean("Атака на Київ\nП'ятеро поранених.", title: "атака на КИЇВ").text == "П'ятеро поранених.")
    }

    @Test func cleanTextIsReturnedAsItIs() {
        let text = "Drones attacked Odesa.\nTwo people were injured, the governor said."
        #expect(TextCleanup.mayNeedCleaning(text, title: "Odesa attacked") == false)
        #expect(TextCleanup.clean(text, title: "Odesa attacked").text == text)
        #expect(TextCleanup.mayNeedCleaning(text + "\nShare | Tweet | Facebook", title: nil))
        #expect(TextCleanup.mayNeedCleaning("Tags: war, drones\n" + text, title: nil))
    }
}
