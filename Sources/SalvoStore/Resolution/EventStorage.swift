import SalvoModel

/// What the shared resolution routine (`EventResolver.ingest`, `EventResolver.remove`) needs
/// of a store: a few batched reads and writes, each of which an asynchronous driver can
/// serve with one round trip. `MemoryEventStore` holds everything in its `ReportIndex`, so
/// its loads do nothing; `SQLiteEventStore` loads days into the index on demand.
///
/// The routine itself is synchronous and pure over the index between these calls, so a
/// PostgreSQL store can run it inside one transaction just the same.
package protocol EventStorage {
    /// Brings into `index` every report whose blocking day is in `days`, and every report
    /// without a day, each with the event it is in. Cheap when they are there already.
    mutating func loadReports(days: ClosedRange<Int>, into index: inout ReportIndex) throws
    /// Brings into `index` the reports (and the days around them) stating one of `values`:
    /// what a report without a day can be tied to. A store may cap how many per value (the
    /// SQLite store takes the latest 64: "one killed" is stated of thousands of attacks).
    mutating func loadReports(stating values: [ValueKey], into index: inout ReportIndex) throws

    func document(key: String) throws -> KnownDocument?
    func document(url: String) throws -> KnownDocument?
    /// Documents whose text has this `TextFingerprint`.
    func documents(fingerprint: String) throws -> [KnownDocument]
    /// Increases with every document stored.
    mutating func nextSequence() throws -> Int
    /// Stores a document and its reports (in no event yet: `save` assigns them).
    mutating func insert(_ document: Document, published: Day?, fingerprint: String, sequence: Int,
                         reports: [EventReport]) throws
    /// Deletes a document and its reports.
    mutating func deleteDocument(key: String) throws

    mutating func newEventID() throws -> String
    /// Writes what a resolution changed; `index` holds the events as they now are.
    mutating func save(_ changes: ResolutionChanges, index: ReportIndex) throws
}

/// A stored document as identity checks need it.
package struct KnownDocument: Sendable {
    package var key: String
    package var url: String?
    package var published: Day?
    /// In UTF-8 bytes.
    package var textLength: Int
    /// Blocking days of its reports (ordinals); `nil` for a report without one.
    package var reportDays: [Int?]

    package init(key: String, url: String?, published: Day?, textLength: Int, reportDays: [Int?]) {
        self.key = key
        self.url = url
        self.published = published
        self.textLength = textLength
        self.reportDays = reportDays
    }
}

/// What one resolution did to the stored events.
package struct ResolutionChanges: Sendable {
    /// Events whose membership changed (created ones included): rewrite them.
    package var written: Set<String> = []
    package var created: Set<String> = []
    /// Events that no longer exist: merged into another, or left without reports.
    package var removed: Set<String> = []
    /// Of `removed`, those whose reports went on in other events.
    package var merged: Set<String> = []
    /// Reports whose event changed, with the event they are in now.
    package var moved: [ReportKey: String] = [:]

    package init() {}
}
