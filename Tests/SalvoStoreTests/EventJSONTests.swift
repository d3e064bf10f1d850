import Foundation
import GRDB
import SalvoModel
import Testing
@testable import SalvoStore

@Suite("Events kept as JSON")
struct EventJSONTests {
    func ingestSamples(_ store: any EventStore) async throws {
        try await store.ingest(report("a", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine],
                                [figure(.launched, 90, .drone), figure(.intercepted, 76, .drone)]))
        try await store.ingest(report("b", published: "2025-03-02", date: "2025-03-02", places: [Places.odesa],
                                [figure(.intercepted, 76, .drone), figure(.killed, 2, place: "Odesa")]))
        try await store.ingest(report("c", published: "2025-03-05", date: "2025-03-05", places: [Places.kharkiv],
                                [figure(.injured, 7, place: "Kharkiv", sentence: "Seven were hurt in \"Kharkiv\".")]))
        try await store.completeEventJSON()
    }

    func decoded(_ list: [String]) throws -> [StoredEvent] {
        try list.map { try JSONDecoder().decode(StoredEvent.self, from: Data($0.utf8)) }
    }

    @Test("the JSON the SQLite store keeps reads back as the events it returns", arguments: StoreKind.allCases)
    func keptJSONMatchesEvents(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await ingestSamples(store)
        for query in [EventQuery(sort: .dateAscending), EventQuery(place: "Odesa"), EventQuery(since: Day("2025-03-04"))] {
            #expect(try await decoded(store.eventsJSON(matching: query)) == store.events(matching: query))
        }
    }

    @Test("events changed by an ingest are served correctly before and after their JSON is written")
    func changedEventsBeforeCompletion() async throws {
        let store = try SQLiteEventStore(path: TemporaryFile.path("pending.sqlite"))
        try await ingestSamples(store)
        try await store.ingest(report("d", published: "2025-03-05", date: "2025-03-05", places: [Places.kharkiv],
                                [figure(.injured, 7, place: "Kharkiv"), figure(.killed, 1, place: "Kharkiv")]))
        let query = EventQuery(sort: .dateAscending)
        #expect(try await decoded(store.eventsJSON(matching: query)) == store.events(matching: query))
        try await store.completeEventJSON()
        #expect(try await decoded(store.eventsJSON(matching: query)) == store.events(matching: query))
    }

    @Test("events written before their JSON was kept are rebuilt when read")
    func rowsWithoutJSONAreRebuilt() async throws {
        let path = TemporaryFile.path("old.sqlite")
        let store = try SQLiteEventStore(path: path)
        try await ingestSamples(store)
        let queue = try DatabaseQueue(path: path)
        try await queue.write { try $0.execute(sql: "UPDATE event SET json = NULL") }
        let reopened = try SQLiteEventStore(path: path)
        let query = EventQuery(sort: .dateAscending)
        #expect(try await decoded(reopened.eventsJSON(matching: query)) == reopened.events(matching: query))
        #expect(try await reopened.eventsJSON(matching: query).count == 2)
    }
}
