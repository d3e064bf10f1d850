import Foundation
import SalvoModel
import SalvoTestSupport
import Testing
@testable import SalvoStore

/// The partition into events is a function of the reports, not of the order they arrived in.
@Suite("Resolution whatever the order")
struct ResolutionOrderTests {
    /// Which reports ended up together: each event as its set of `document#ordinal`.
    static func partition(_ store: any EventStore) async throws -> Set<Set<String>> {
        Set(try await store.allEvents().map { e in
            Set(e.figures.map { "\($0.document)#\($0.figure.quantity.rawValue)#\($0.figure.value)#\($0.figure.sentence)" })
        })
    }

    /// A night that several outlets report, its city tolls and the day's shelling: written for this test.
    static var synthetic: [(Document, ExtractedDocument)] {
        var docs: [(Document, ExtractedDocument)] = []
        for night in 0..<4 {
            let day = Day("2025-03-10")!.adding(days: night).description
            let drones = 100 + night * 7
            for outlet in 0..<3 {
                docs.append(report("n\(night)-o\(outlet)", published: day, date: day, places: [Places.ukraine, Places.kyiv],
                                   [figure(.launched, drones, .drone, sentence: "Outlet \(outlet): \(drones) drones overnight."),
                                    figure(.killed, 2 + night, place: "Kyiv", sentence: "Outlet \(outlet): \(2 + night) killed in Kyiv.")]))
            }
            docs.append(report("n\(night)-kyiv", published: day, date: day, places: [Places.kyiv],
                               [figure(.killed, 2 + night, place: "Kyiv"), figure(.injured, 10 + night, place: "Kyiv")]))
            docs.append(report("n\(night)-kherson", published: day, date: day, places: [Places.kherson],
                               [figure(.killed, 1, place: "Kherson", sentence: "Shelling killed one in Kherson.")]))
        }
        return docs
    }

    static func orders<T>(_ items: [T]) -> [[T]] {
        var rng = SeededGenerator(seed: 42)
        return [items, items.reversed()] + (0..<3).map { _ in items.shuffled(using: &rng) }
    }

    @Test("written documents: forwards, backwards and three shuffles give one partition", arguments: StoreKind.allCases)
    func syntheticOrders(kind: StoreKind) async throws {
        var seen: Set<Set<Set<String>>> = []
        for order in Self.orders(Self.synthetic) {
            let store = try await kind.make()
            for d in order { try await store.ingest(d) }
            seen.insert(try await Self.partition(store))
        }
        #expect(seen.count == 1)
        // Four nights, each one event with its Kyiv report, and four days of shelling in Kherson.
        #expect(seen.first?.count == 8)
    }

    @Test("the dev set's gold figures: forwards, backwards and three shuffles give one partition",
          .enabled(if: DevGold.available))
    func devSetOrders() async throws {
        let docs = try await DevGold.documents()
        #expect(docs.count > 80)
        var seen: Set<Set<Set<String>>> = []
        var counts: Set<Int> = []
        for order in Self.orders(docs) {
            let store = MemoryEventStore()
            for d in order { try await store.ingest(d) }
            seen.insert(try await Self.partition(store))
            counts.insert(try await store.allEvents().count)
            // No event spans more than its attack's window: one day, or a night into the next.
            for e in try await store.allEvents() {
                let days = try Self.reportDays(e, docs: docs)
                if let lo = days.min(), let hi = days.max() { #expect(hi - lo <= 1, "event \(e.id) spans \(days)") }
            }
        }
        #expect(seen.count == 1, "event counts per order: \(counts)")
    }

    static func reportDays(_ e: StoredEvent, docs: [(Document, ExtractedDocument)]) throws -> [Int] {
        let byID = Dictionary(docs.map { ($0.0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var days: [Int] = []
        for d in Set(e.documents) {
            guard let (doc, ex) = byID[d] else { continue }
            for ev in ex.events where ev.figures.contains(where: { f in e.figures.contains { $0.document == d && $0.figure == f } }) {
                let r = EventReport(document: d, ordinal: 0, published: doc.published ?? ex.published, sequence: 0, event: ev)
                if let day = r.day { days.append(day.ordinal) }
            }
        }
        return days
    }
}

/// The dev set's gold figures as extract-contract input, through `scripts/dev-gold-to-extracted`
/// (the texts stay in ../shared; they are read at test time, never copied).
enum DevGold {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let corpus = root.appendingPathComponent("../shared/corpus").standardized
    static var available: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("dev-c.jsonl").path) }

    static func documents() async throws -> [(Document, ExtractedDocument)] {
        let run = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                             ["python3", root.appendingPathComponent("scripts/dev-gold-to-extracted").path,
                                              corpus.appendingPathComponent("dev").path]
                                                + ["dev-a", "dev-b", "dev-c"].map { corpus.appendingPathComponent("\($0).jsonl").path },
                                             stderr: .inherit)
        try #require(run.termination.succeeded, "scripts/dev-gold-to-extracted failed")
        return try extractedDocuments(inJSONLines: run.stdout)
    }
}

/// A small deterministic generator, so the shuffled orders are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
