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
