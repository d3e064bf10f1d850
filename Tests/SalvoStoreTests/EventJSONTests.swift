import Foundation
import GRDB
import SalvoModel
import Testing
@testable import SalvoStore

@Suite("Events kept as JSON")
struct EventJSONTests {
    func ingestSamples(_ store: any EventStore) throws {
        try store.ingest(report("a", published: "2025-03-02", date: "2025-03-02", places: [Places.ukraine],
                                [figure(.launched, 90, .drone), figure(.intercepted, 76, .drone)]))
        try store.ingest(report("b", published: "2025-03-02", date: "2025-03-02", places: [Places.odesa],
                                [figure(.intercepted, 76, .drone), figure(.killed, 2, place: "Odesa")]))
        try store.ingest(report("c", published: "2025-03-05", date: "2025-03-05", places: [Places.kharkiv],
                                [figure(.injured, 7, place: "Kharkiv", sentence: "Seven were hurt in \"Kharkiv\".")]))
        try store.completeEventJSON()
    }

    func decoded(_ list: [String]) throws -> [StoredEvent] {
        try list.map { try JSONDecoder().decode(StoredEvent.self, from: Data($0.utf8)) }
    }

    @Test("the JSON the SQLite store keeps reads back as the events it returns", arguments: StoreKind.allCases)
    func keptJSONMatchesEvents(kind: StoreKind) throws {
        let store = try kind.make()
        try ingestSamples(store)
        for query in [EventQuery(sort: .dateAscending), EventQuery(place: "Odesa"), EventQuery(since: Day("2025-03-04"))] {
            #expect(try decoded(store.eventsJSON(matching: query)) == store.events(matching: query))
        }
    }

    @Test("events changed by an ingest are served correctly before and after their JSON is written")
    func changedEventsBeforeCompletion() throws {
        let store = try SQLiteEventStore(path: TemporaryFile.path("pending.sqlite"))
        try ingestSamples(store)
        try store.ingest(report("d", published: "2025-03-05", date: "2025-03-05", places: [Places.kharkiv],
                                [figure(.injured, 7, place: "Kharkiv"), figure(.killed, 1, place: "Kharkiv")]))
        let query = EventQuery(sort: .dateAscending)
        #expect(try decoded(store.eventsJSON(matching: query)) == store.events(matching: query))
        try store.completeEventJSON()
        #expect(try decoded(store.eventsJSON(matching: query)) == store.events(matching: query))
    }

    @Test("events written before their JSON was kept are rebuilt when read")
    func rowsWithoutJSONAreRebuilt() throws {
        let path = TemporaryFile.path("old.sqlite")
        let store = try SQLiteEventStore(path: path)
        try ingestSamples(store)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE event SET json = NULL") }
        let reopened = try SQLiteEventStore(path: path)
        let query = EventQuery(sort: .dateAscending)
        #expect(try decoded(reopened.eventsJSON(matching: query)) == reopened.events(matching: query))
        #expect(try reopened.eventsJSON(matching: query).count == 2)
    }
}
