import ArgumentParser
import Foundation
import Logging
import SalvoIngest
import SalvoStore
import ServiceLifecycle
import Synchronization

/// `salvo watch FEEDS.txt`: poll feeds and ingest new items until stopped.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll feeds and ingest new items until stopped (SIGTERM or Ctrl-C stops between documents).",
        discussion: """
        FEEDS.txt lists one source per line: a path or a URL (RSS, Atom, JSON Lines, a page); \
        empty lines and lines starting with # are skipped. The list is re-read every cycle. \
        Items already stored are recognised and skipped. SIGTERM or Ctrl-C ends the run gracefully: \
        the document being read is finished, what was read is stored, and salvo exits 0 (1 if some \
        input failed). A fetch in flight is bounded by --fetch-timeout; after 30 s the run is cancelled.

        Examples:
          salvo watch feeds.txt
          salvo watch feeds.txt --every 30m --db strikes.sqlite
        """
    )

    @Argument(help: "A file listing one feed (path or URL) per line.") var feeds: String
    @Option(help: ArgumentHelp("Time between cycles: 90s, 10m, 2h.", valueName: "duration")) var every: String = "10m"
    @Flag(help: "Poll once and exit.") var once = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var input: ReaderOptions

    func validate() throws {
        guard Self.seconds(every) != nil else { throw ValidationError("--every: a duration such as 90s, 10m or 2h, not \(every)") }
    }

    /// `90s`, `10m`, `2h`, or plain seconds.
    static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        var number = Substring(text)
        var scale = 1.0
        if let last = text.last, let u = units[last] {
            number = text.dropLast()
            scale = u
        }
        guard let v = Double(number), v > 0 else { return nil }
        return v * scale
    }

    func run() async throws {
        let eventStore = try await store.open(create: true)
        // A fetch cache beside a SQLite file; for PostgreSQL, in the working folder.
        let cache = store.isPostgres ? "salvo-fetch.cache" : store.db + ".cache"
        let failed = try await input.withReader(defaultCache: cache) { reader in
            let poller = FeedPoller(feeds: feeds, interval: Self.seconds(every)!, once: once, store: eventStore, reader: reader)
            try await ServiceGroup.runUntilSignal([poller], logger: Logger(label: "salvo.watch"))
            return poller.failed.isSet
        }
        if failed { throw ExitCode(1) }
    }
}

/// The polling loop of `salvo watch`, as a service: a graceful shutdown ends it between documents,
/// after what was read is stored, and cuts the wait between cycles short.
struct FeedPoller: Service {
    let feeds: String
    let interval: Double
    let once: Bool
    let store: any EventStore
    let reader: DocumentReader
    /// Whether an input failed in any cycle; read once the service has ended.
    let failed = Flag()

    func run() async throws {
        var ingester = Ingester(store: store, reader: reader)
        ingester.shouldStop = { Task.isShuttingDownGracefully }
        var cycle = 0
        while !Task.isShuttingDownGracefully {
            cycle += 1
            guard let list = try? String(contentsOfFile: feeds, encoding: .utf8) else {
                Log.error("\(feeds): cannot be read")
                failed.set()
                return
            }
            ingester.tally = IngestTally()
            for line in list.split(whereSeparator: \.isNewline) {
                let source = line.trimmingCharacters(in: .whitespaces)
                if source.isEmpty || source.hasPrefix("#") { continue }
                if Task.isShuttingDownGracefully { break }
                await ingester.ingest(source: source)
            }
            await ingester.finish()
            ingester.progress.finish()
            Log.info("watch: cycle \(cycle): " + ingester.tally.summary)
            if ingester.tally.failed > 0 { failed.set() }
            if once { break }
            // A graceful shutdown cancels the wait, and the loop ends.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(interval)) }
        }
        if Task.isShuttingDownGracefully { Log.info("watch: stopped") }
    }

    final class Flag: Sendable {
        private let value = Atomic<Bool>(false)
        var isSet: Bool { value.load(ordering: .relaxed) }
        func set() { value.store(true, ordering: .relaxed) }
    }
}
