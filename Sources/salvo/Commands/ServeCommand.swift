import ArgumentParser
import Foundation
import Logging
import SalvoExtract
import SalvoServer
import SalvoStore
import ServiceLifecycle

/// `salvo serve`: the JSON API and the web page over the event database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API and the web page (table, timeline, map, claims) over the database.",
        discussion: """
        Read-only unless --token is given, which enables POST /api/documents with \
        `Authorization: Bearer TOKEN`. The API is described at /openapi.yaml. SIGTERM or Ctrl-C stops it \
        gracefully: no new connections, requests in flight are answered (for up to 30 s), then exit 0.

        Examples:
          salvo serve --db salvo.sqlite
          salvo serve --port 9000 --cors https://newsroom.example
          salvo serve --host 0.0.0.0 --token "$(head -c 24 /dev/urandom | base64)"
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Port to listen on (0: any free port).") var port: Int = 8080
    @Option(help: "Address to listen on; 127.0.0.1 keeps it to this machine.") var host: String = "127.0.0.1"
    @Option(help: "Bearer token that enables POST /api/documents (at least 16 characters).") var token: String?
    @Option(help: ArgumentHelp("The one origin allowed cross-origin requests (CORS is off otherwise).", valueName: "origin"))
    var cors: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) is not in 0...65535") }
        guard !host.isEmpty else { throw ValidationError("--host: empty") }
        if let token, token.count < 16 || token.contains(where: { $0.isWhitespace }) {
            throw ValidationError("--token: use at least 16 characters without spaces")
        }
        if let cors {
            // An origin is scheme://host[:port], nothing after: anything else would never match a browser's Origin.
            let parts = cors.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "http:" || parts[0] == "https:", parts[1].isEmpty, !parts[2].isEmpty else {
                throw ValidationError("--cors: '\(cors)' is not an origin like https://example.org")
            }
        }
    }

    func run() async throws {
        // With a token the server writes, so it may create the database; read-only it must exist.
        let eventStore = try await store.open(create: token != nil)
        let configuration = ServerConfiguration(host: host, port: port, token: token, corsOrigin: cors)
        // Extraction runs in a child process: a document that made it trap would otherwise end the server.
        let ingester: (any DocumentIngesting)? = token == nil ? nil : ExtractionWorker()
        let server: SalvoServer
        do {
            server = try SalvoServer(store: eventStore, configuration: configuration, ingester: ingester,
                                     placeName: { EventsCommand.englishPlaceName($0) })
        } catch {
            Log.error("cannot start the server: \(error)")
            throw ExitCode(1)
        }
        let (host, db, token) = (self.host, store.displayName, self.token)
        let application = server.application(onServerRunning: { port in
            Log.info("salvo: serving \(db) on http://\(host):\(port)/ (API: /api/events, /openapi.yaml)\(token == nil ? ", read-only" : ", ingest enabled")")
        })
        do {
            try await ServiceGroup.runUntilSignal([application], logger: Logger(label: "salvo.serve"))
        } catch {
            Log.error("server stopped: \(error)")
            throw ExitCode(1)
        }
        Log.info("salvo: stopped serving \(db)")
    }
}
