import ArgumentParser
import Foundation
import SalvoStore

/// `salvo remove DOCUMENT…`: deletes documents and re-resolves the events they were part of.
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove documents; events they alone tied together split again.",
        discussion: """
        Documents are named by their keys as `salvo events` lists them: a record id scoped by \
        the file it came from (`dev-c.jsonl#064`), a URL, or a file's path.

        Example:
          salvo remove dev-c.jsonl#064 dev-c.jsonl#065
        """
    )

    @Argument(help: "Keys of the documents to remove (as `salvo events` lists them).") var documents: [String]
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let db = try await store.open(create: false, writing: true)
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
