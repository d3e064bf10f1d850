import ArgumentParser
import Foundation

/// `salvo`: strikes reported in the news, as a sourced database.
struct Salvo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salvo",
        abstract: "Turn war reporting into a sourced, deduplicated database of strikes.",
        discussion: """
        Data goes to stdout, logs and progress to stderr.
        Exit codes: 0 success, 1 some inputs failed, 2 usage error.
        """,
        subcommands: [ExtractCommand.self, IngestCommand.self, EventsCommand.self, ShowCommand.self, RemoveCommand.self, WatchCommand.self,
                      ServeCommand.self, ExplainCommand.self, ExtractWorkerCommand.self]
    )
}

@main
enum Main {
    static func main() async {
        do {
            var command = try Salvo.parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            // Usage errors exit 2 (not ArgumentParser's 64); help and version exit 0.
            let code = Salvo.exitCode(for: error)
            if code == .success {
                Salvo.exit(withError: error)
            }
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Salvo.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            Salvo.exit(withError: error)
        }
    }
}
