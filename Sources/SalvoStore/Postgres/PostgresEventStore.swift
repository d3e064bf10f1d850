import Foundation
import PostgresNIO
import SalvoModel
import Synchronization

/// The `EventStore` for shared deployments: one PostgreSQL database, many ingest workers and
/// servers, through postgres-nio.
///
/// Queries, filters, exports and event JSON are the SQLite store's; full-text search is
/// PostgreSQL's, each document indexed with the text search configuration of its language.
///
/// Writers agree: a batch is one transaction that first takes transaction-level advisory locks
/// on every blocking day it will read (ascending, so two writers never deadlock each other),
/// and on each document's id, address and fingerprint. The shared `EventResolver` then runs,
/// synchronously, over what was loaded for those days; if it asks for a day or a value not
/// loaded, the transaction is rolled back and retried with the larger set. N workers therefore
/// resolve each block one after the other, as one worker would.
///
/// ```swift
/// let store = try await PostgresEventStore(location: PostgresLocation("postgres://salvo@localhost/news"))
/// _ = try await store.ingest(document, extracted: extracted)
/// let events = try await store.events(matching: EventQuery(place: "Kyiv"))
/// ```
public final class PostgresEventStore: EventStore {
    public let location: PostgresLocation
    public let resolver: EventResolver
    let client: PostgresClient
    private let running: Task<Void, Never>
    /// Reports of the days this writer has seen, with how fresh each day is; checked out by a batch.
    let cache = Mutex<WriterCache?>(WriterCache())
    let logger: Logger
    /// Keeps the locks of stores in different schemas of one database apart.
    let lockSpace: UInt32

    /// Connects, and creates or migrates the schema (`readOnly`: only checks that it is current).
    public init(location: PostgresLocation, readOnly: Bool = false, resolver: EventResolver = EventResolver(),
                maximumConnections: Int = 4) async throws {
        self.location = location
        self.resolver = resolver
        var logger = Logger(label: "salvo.postgres")
        logger.logLevel = .critical
        self.logger = logger
        lockSpace = LockKey.hash(location.schema ?? "public") & 0xFFFF
        var config: PostgresClient.Configuration
        if let socket = location.socketPath {
            config = .init(unixSocketPath: socket, username: location.user, password: location.password, database: location.database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            switch location.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(.makeClientConfiguration())
            case .require: tls = .require(.makeClientConfiguration())
            }
            config = .init(host: location.host ?? "localhost", port: location.port, username: location.user,
                           password: location.password, database: location.database, tls: tls)
        }
        config.options.maximumConnections = max(1, maximumConnections)
        config.options.connectionIdleTimeout = .seconds(30)
        // No keep-alive: an idle connection is closed after 30 s anyway. In postgres-nio 1.33 the
        // pool's keep-alive paths interact with its idle timer (a keep-alive can still be running
        // when the idle timer closes its connection; an idle timer made while a keep-alive is
        // pending is filed as a keep-alive one), and test runs hung with a writer waiting for a
        // connection while none was open. Without keep-alive the idle timer is the only one.
        config.options.keepAliveBehavior = nil
        config.options.connectTimeout = .seconds(10)
        // No JIT: every statement Salvo sends touches a few thousand rows at most, and the planner,
        // misled by batch-sized `= ANY(…)` lists, compiled some for 0.2 s to save a millisecond.
        var settings = "-c jit=off"
        if let schema = location.schema { settings += " -c search_path=\(schema)" }
        config.options.additionalStartupParameters = [("options", settings)]
        let client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
        do {
            try await Self.migrate(client, schema: location.schema, readOnly: readOnly, logger: logger)
        } catch {
            running.cancel()
            throw Unreachable(location: location, underlying: error)
        }
    }

    deinit { running.cancel() }

    /// Closes the connections.
    public func close() async {
        running.cancel()
        await running.value
    }

    /// The database could not be opened: the URL (without its password) and the reason.
    public struct Unreachable: Error, CustomStringConvertible {
        public var location: PostgresLocation
        public var underlying: any Error
        public var description: String { "\(location): \(PostgresEventStore.describe(underlying))" }
    }

    /// A server's message instead of postgres-nio's generic one.
    static func describe(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let message = e.serverInfo?[.message] { return message + (e.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "") }
            return "\(e.code)" + (e.underlying.map { ": \($0)" } ?? "")
        }
        return "\(error)"
    }

    /// Deadlocks, serialization failures and unique violations between writers: run it again.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let state = (error as? PSQLError)?.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001" || state == "23505"
    }

    /// One transaction on one connection; rolled back when `body` throws.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { c in
            try await c.query("BEGIN", logger: logger)
            do {
                let value = try await body(c)
                try await c.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await c.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}

/// Advisory lock keys: a kind in the top byte (the undated reports first, then days, then
/// document identities), the store's lock space, then the value. Taken in ascending order.
enum LockKey {
    static let migration: Int64 = 0x5341_4C56_4F00_0001

    static func undated(space: UInt32) -> Int64 { make(1, space, 0) }
    static func day(_ d: Int, space: UInt32) -> Int64 { make(2, space, UInt32(truncatingIfNeeded: d)) }
    static func identity(_ s: String, space: UInt32) -> Int64 { make(3, space, hash(s)) }

    private static func make(_ kind: Int64, _ space: UInt32, _ value: UInt32) -> Int64 {
        kind << 56 | Int64(space & 0xFFFF) << 32 | Int64(value)
    }

    /// FNV-1a: the same in every process (Swift's `Hasher` is seeded per process).
    static func hash(_ s: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}
