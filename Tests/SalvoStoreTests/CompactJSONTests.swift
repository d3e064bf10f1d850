import Foundation
import SalvoModel
import Testing
@testable import SalvoStore

/// The columns written by hand decode as the Codable types; the report columns read back as
/// written whatever the names hold, and columns in any other JSON shape (written by Foundation's
/// encoder, say) still read.
@Suite("Event and report columns written by hand")
struct CompactJSONTests {
    @Test("places and summaries written by hand decode as the Codable types")
    func roundTrip() throws {
        let places = [Place(name: "Kyiv \"centre\"\n", geonameid: 703448, admin1: "Kyiv City", country: "UA", lat: 50.45, lon: 30.52),
                      Place(name: "Ukraine", country: "UA", kind: .country)]
        let decoder = JSONDecoder()
        #expect(try decoder.decode([Place].self, from: Data(CompactJSON.places(places).utf8)) == places)
        let summary = [FigureSummary(quantity: .launched, weapon: .drone, minimum: 1, maximum: 9, headline: 7, headlineClaimant: .ukraine, conflict: true),
                       FigureSummary(quantity: .killed, weapon: nil, minimum: 2, maximum: 2, headline: 2, headlineClaimant: .media, conflict: false)]
        #expect(try decoder.decode([FigureSummary].self, from: Data(CompactJSON.summary(summary).utf8)) == summary)
        #expect(try decoder.decode([String].self, from: Data(CompactJSON.strings(["energy", "tab\there"]).utf8)) == ["energy", "tab\there"])
    }

    let places = [
        Places.ukraine, Places.odesa,
        Place(name: "Bila \"Tserkva\"\\\n\t\u{1}", geonameid: nil, admin1: nil, country: nil, lat: nil, lon: nil, kind: .region),
        Place(name: "Запоріжжя", geonameid: 687700, admin1: "Запорізька область", country: "UA", lat: 47.8229, lon: -1e-7, kind: .city),
    ]

    @Test func placesReadBackAsWritten() throws {
        #expect(try CompactJSON.decodePlaces(CompactJSON.places(places)) == places)
        #expect(try CompactJSON.decodePlaces(CompactJSON.places([])) == [])
    }

    @Test func stringsReadBackAsWritten() throws {
        let strings = ["energy", "", "quote \" and \\ back\nslash", "Житловий будинок", "\u{7}bell"]
        #expect(try CompactJSON.decodeStrings(CompactJSON.strings(strings)) == strings)
        #expect(try CompactJSON.decodeStrings("[]") == [])
    }

    @Test func otherShapesGoToTheDecoder() throws {
        let encoded = String(decoding: try JSONEncoder().encode(places), as: UTF8.self)
        #expect(try CompactJSON.decodePlaces(encoded) == places)
        #expect(try CompactJSON.decodeStrings(#"[ "a\u00e9", "b" ]"#) == ["aé", "b"])
        #expect(throws: (any Error).self) { try CompactJSON.decodePlaces("[{\"name\":") }
        #expect(throws: (any Error).self) { try CompactJSON.decodeStrings("not json") }
    }
}
