import ArgumentParser
import Foundation
import SalvoStore

/// `--db PATH`, shared by every command that reads or writes the event database.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file.", valueName: "path"))
    var db: String = "salvo.sqlite"

    /// Opens the database; commands that only read refuse to create an empty one, and so does
    /// one that changes an existing database (`writing`), which must not open it read-only.
    func open(create: Bool, writing: Bool = false) throws -> SQLiteEventStore {
        if !create, !FileManager.default.fileExists(atPath: db) {
            Log.error("\(db): no such database (create it with `salvo ingest`)")
            throw ExitCode(1)
        }
        do {
            return try SQLiteEventStore(path: db, readOnly: !create && !writing)
        } catch {
            Log.error("\(db): cannot open database: \(error)")
            throw ExitCode(1)
        }
    }
}
