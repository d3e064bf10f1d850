import ArgumentParser
import Foundation
import SalvoStore

/// `--db LOCATION`, shared by every command that reads or writes the event database.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"),
            help: ArgumentHelp("SQLite database file, or a postgres://user@host/database URL (default: $SALVO_DATABASE_URL, else salvo.sqlite).",
                               valueName: "location"))
    var location: String?

    /// Where the database is: `--db`, else `SALVO_DATABASE_URL`, else `salvo.sqlite`.
    var db: String { EventStores.location(location) }

    /// How logs name it: a URL without its password.
    var displayName: String { EventStores.display(db) }

    var isPostgres: Bool { PostgresLocation.isPostgres(db) }

    /// Opens the database; commands that only read refuse to create an empty one, and so does
    /// one that changes an existing database (`writing`), which must not open it read-only.
    func open(create: Bool, writing: Bool = false) async throws -> any EventStore {
        if !create, !isPostgres, !FileManager.default.fileExists(atPath: db) {
            Log.error("\(db): no such database (create it with `salvo ingest`)")
            throw ExitCode(1)
        }
        do {
            return try await EventStores.open(db, readOnly: !create && !writing)
        } catch {
            Log.error("\(displayName): cannot open database: \(error)")
            throw ExitCode(1)
        }
    }
}
