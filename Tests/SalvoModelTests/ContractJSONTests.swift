import Foundation
import Testing
@testable import SalvoModel

@Suite struct ContractJSONTests {
    @Test func writesEveryFieldWithNullsAndEscapes() throws {
        let figure = Figure(quantity: .killed, value: 2, qualifier: .atLeast, place: "Mykolaiv", date: Day("2024-11-17"),
                            claimant: .ukraine, claimantName: "governor \"Kim\"", sentence: "Two\tkilled\n", start: 3, end: 15)
        let event = Event(date: Day("2024-11-17"), attacker: .russia,
                          places: [Place(name: "Mykolaiv", geonameid: 700569, admin1: "Mykolaiv Oblast", country: "UA", lat: 46.975, lon: 31.995)],
                          targets: ["energy"], figures: [figure])
        let doc = ExtractedDocument(id: "021", url: nil, title: "Ü/é", language: "en", published: Day("2024-11-17"), events: [event])
        let bytes = doc.jsonBytes
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["url"] is NSNull)
        #expect(object["title"] as? String == "Ü/é")
        let events = try #require(object["events"] as? [[String: Any]])
        let f = try #require((events.first?["figures"] as? [[String: Any]])?.first)
        #expect(f["weapon"] is NSNull)
        #expect(f["qualifier"] as? String == "at_least")
        #expect(f["claimant_name"] as? String == "governor \"Kim\"")
        #expect(f["sentence"] as? String == "Two\tkilled\n")
        #expect((events.first?["places"] as? [[String: Any]])?.first?["lat"] as? Double == 46.975)
        // The writer and Codable agree on the contract.
        let decoded = try JSONDecoder().decode(ExtractedDocumentProbe.self, from: Data(bytes))
        #expect(decoded.events.first?.figures == [figure])
    }
}

private struct ExtractedDocumentProbe: Decodable {
    var events: [Event]
}

@Suite struct JSONWriterTests {
    func written(_ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        body(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func escapesOnlyWhatJSONNeedsAroundLongRuns() {
        let run = String(repeating: "Київ drones ", count: 4)
        let s = run + "\"q\" \\ \n\r\t\u{01}\u{1F}/é😀" + run
        #expect(written { $0.string(s) } == "\"" + run + #"\"q\" \\ \n\r\t\u0001\u001f/é😀"# + run + "\"")
        #expect(written { $0.string("") } == #""""#)
        #expect(written { $0.string("12345678\"") } == #""12345678\"""#)
    }

    @Test func integersAndDaysWithoutIntermediateStrings() {
        #expect(written { $0.array { w in for v in [0, 7, -7, 1234567890, Int.max, Int.min] { w.int(v) } } }
            == "[0,7,-7,1234567890,\(Int.max),\(Int.min)]")
        for text in ["2024-11-17", "0987-01-02", "2000-02-29"] {
            #expect(written { $0.day(Day(text)!) } == "\"\(text)\"")
        }
        var far = Day("2024-01-01")!
        far.year = 12345
        #expect(written { $0.day(far) } == "\"\(far.description)\"")
        far.year = -5
        #expect(written { $0.day(far) } == "\"\(far.description)\"")
    }

    @Test func aReusedWriterStartsAfresh() {
        var w = JSONWriter()
        w.object { $0.field("a") { $0.int(1) } }
        w.removeAll()
        w.object { $0.field("b") { $0.null() } }
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"b":null}"#)
    }
}
