import Foundation
import Testing
@testable import SalvoIngest

@Suite struct JSONRecordParserTests {
    func parse(_ s: String) -> SalvoModelDocument? {
        parse(bytes: Array(s.utf8))
    }

    func parse(bytes: [UInt8]) -> SalvoModelDocument? {
        var parser = JSONRecordParser()
        return bytes.withUnsafeBufferPointer { parser.document($0) }.map {
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
    }

    @Test func unescapesEveryKindOfEscapeAroundLongPlainRuns() {
        let plain = String(repeating: "Drones over the city ", count: 5)
        let d = parse(#"{"id": "e", "text": "\#(plain)\"q\" \\ \/ \b\f\n\r\t \u00e9\u0416\u20AC \uD83D\uDE00\#(plain)"}"#)
        #expect(d?.text == plain + "\"q\" \\ / \u{08}\u{0C}\n\r\t éЖ€ 😀" + plain)
        #expect(parse(#"{"id": "e", "text": "\u0000"}"#)?.text == "\u{0}")
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() {
        #expect(parse(#"{"id": "s", "text": "\uD83D\uDE00"}"#)?.text == "😀")
        #expect(parse(#"{"id": "s", "text": "\ud83d\ude00x"}"#)?.text == "😀x")
        #expect(parse(#"{"id": "s", "text": "\uDE00"}"#)?.text == "\u{FFFD}")
        #expect(parse(#"{"id": "s", "text": "\uD83Dx"}"#)?.text == "\u{FFFD}x")
        #expect(parse(#"{"id": "s", "text": "\uD83D\u0041"}"#)?.text == "\u{FFFD}A")
        #expect(parse(#"{"id": "s", "text": "\uD83D\uDE0"}"#) == nil)
        #expect(parse(#"{"id": "s", "text": "\u12G4"}"#) == nil)
    }

    @Test func invalidUTF8AnywhereIsLeftToTheFullDecoder() {
        func record(_ head: String, _ bad: [UInt8], _ tail: String) -> [UInt8] { Array(head.utf8) + bad + Array(tail.utf8) }
        #expect(parse(bytes: record(#"{"id": "u", "text": "ab"#, [0xFF], #"cd"}"#)) == nil)
        #expect(parse(bytes: record(#"{"id": "u", "text": "ab\n"#, [0xD0], #""}"#)) == nil)
        #expect(parse(bytes: record(#"{"id": "u", "text": "x", "note": ""#, [0xC3, 0x28], #""}"#)) == nil)
        #expect(parse(bytes: record(#"{"id": "u", "text": "x", ""#, [0xED, 0xA0, 0x80], #"": 1}"#)) == nil)
        #expect(parse(bytes: record(#"{"id": "u", "text": "ok "#, [0xEF, 0xBF, 0xBD], #""}"#))?.text == "ok \u{FFFD}")
    }

    @Test func unterminatedAndBrokenRecordsAreRefused() {
        #expect(parse(#"{"id": "t", "text": "no end"#) == nil)
        #expect(parse(#"{"id": "t", "text": "ends in escape \"#) == nil)
        #expect(parse(#"{"id": "t", "text": "x""#) == nil)
        #expect(parse(#"{"id": "t", "text"#) == nil)
        #expect(parse("{\"id\": \"t\", \"text\": \"raw\ttab\"}") == nil)
        #expect(parse(#"{"id": "t", "text": "x", "n": nul}"#) == nil)
        #expect(parse(#"{"id": "t", "text": "x", "b": tru}"#) == nil)
    }

    @Test func keysMayBeEscapedRepeatedOrUnknown() {
        #expect(parse(#"{"id": "k", "t\u0065xt": "escaped key"}"#)?.text == "escaped key")
        #expect(parse(#"{"id": "k", "text": "first", "text": "last"}"#)?.text == "last")
        #expect(parse(#"{"id": "k", "text": "x", "source": "wire", "n": -3, "ok": false, "z": null}"#)?.id == "k")
        #expect(parse(#"{"id": -12, "text": "x"}"#)?.id == "-12")
        #expect(parse(#"{"id": "k", "url": 5, "text": "x"}"#) == nil)
        #expect(parse(#"{"id": null, "text": "x"}"#) == nil)
        #expect(parse(#"{"id": "k", "text": "x", "published": "2024-02-30"}"#).map { $0.published == nil } == true)
        #expect(parse(#"{"id": "k", "text": "x", "published": "2024-02-29T05:00:00Z"}"#)?.published == "2024-02-29")
    }

    @Test func agreesWithTheFullDecoderOnTheSamples() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples/reports.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            var parser = JSONRecordParser()
            let fast = Array(line.utf8).withUnsafeBufferPointer { parser.document($0) }
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
