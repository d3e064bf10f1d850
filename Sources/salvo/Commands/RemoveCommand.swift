import ArgumentParser
import Foundation
import SalvoStore

/// `salvo remove DOCUMENT…`: deletes documents and re-resolves the events they were part of.
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove documents; events they alone tied together split again.",
        discussion: "Example:\n  salvo remove 064 065"
    )

    @Argument(help: "Input ids of the documents to remove.") var documents: [String]
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let db = try await store.open(create: false)
        var missing = 0
        for id in documents {
            if try await db.remove(documentID: id) {
                print("removed \(id)")
            } else {
                Log.error("\(id): no such document in \(store.displayName)")
                missing += 1
            }
        }
        try await db.completeEventJSON()
        if missing > 0 { throw ExitCode(1) }
    }
}
