import Foundation

/// Opens the store a location names: a `postgres://` (or `postgresql://`) URL, or the path of
/// an SQLite file. The one place that knows every driver.
///
/// ```swift
/// let local = try await EventStores.open("salvo.sqlite")
/// let shared = try await EventStores.open("postgres://salvo@db.example/news")
/// ```
public enum EventStores {
    /// The environment variable a command reads when `--db` is not given.
    public static let environmentVariable = "SALVO_DATABASE_URL"
    public static let defaultLocation = "salvo.sqlite"

    /// `--db` if given, else `SALVO_DATABASE_URL`, else `salvo.sqlite`.
    public static func location(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option { return option }
        if let env = environment[environmentVariable], !env.isEmpty { return env }
        return defaultLocation
    }

    /// `readOnly` opens an existing, current database for queries only.
    public static func open(_ location: String, readOnly: Bool = false) async throws -> any EventStore {
        if PostgresLocation.isPostgres(location) {
            return try await PostgresEventStore(location: PostgresLocation(location), readOnly: readOnly)
        }
        return try SQLiteEventStore(path: location, readOnly: readOnly)
    }

    /// The location as logs show it: a URL without its password.
    public static func display(_ location: String) -> String {
        guard PostgresLocation.isPostgres(location), let l = try? PostgresLocation(location) else { return location }
        return l.description
    }
}
