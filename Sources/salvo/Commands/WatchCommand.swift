import ArgumentParser
import Foundation
import Synchronization

/// Set by SIGINT/SIGTERM; `salvo watch` and ingests check it between documents.
nonisolated(unsafe) private var installed = false
let stopRequested = Atomic<Bool>(false)

/// Makes Ctrl-C end the run cleanly between documents; a second Ctrl-C ends it at once.
func installStopHandler() {
    guard !installed else { return }
    installed = true
    for sig in [SIGINT, SIGTERM] {
        signal(sig) { sig in
            stopRequested.store(true, ordering: .relaxed)
            signal(sig, SIG_DFL)
        }
    }
}

/// `salvo watch FEEDS.txt`: poll feeds and ingest new items until stopped.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll feeds and ingest new items until stopped (Ctrl-C stops between documents).",
        discussion: """
        FEEDS.txt lists one source per line: a path or a URL (RSS, Atom, JSON Lines, a page); \
        empty lines and lines starting with # are skipped. The list is re-read every cycle. \
        Items already stored are recognised and skipped.

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
        installStopHandler()
        var ingester = Ingester(store: try await store.open(create: true),
                                reader: input.reader(defaultCache: store.isPostgres ? "salvo-fetch.cache" : store.db + ".cache"))
        ingester.shouldStop = { stopRequested.load(ordering: .relaxed) }
        let interval = Self.seconds(every)!
        var failedAny = false
        var cycle = 0
        while !stopRequested.load(ordering: .relaxed) {
            cycle += 1
            guard let list = try? String(contentsOfFile: feeds, encoding: .utf8) else {
                Log.error("\(feeds): cannot be read")
                throw ExitCode(1)
            }
            ingester.tally = IngestTally()
            for line in list.split(whereSeparator: \.isNewline) {
                let source = line.trimmingCharacters(in: .whitespaces)
                if source.isEmpty || source.hasPrefix("#") { continue }
                if stopRequested.load(ordering: .relaxed) { break }
                await ingester.ingest(source: source)
            }
            await ingester.finish()
            ingester.progress.finish()
            Log.info("watch: cycle \(cycle): " + ingester.tally.summary)
            failedAny = failedAny || ingester.tally.failed > 0
            if once { break }
            let until = Date().addingTimeInterval(interval)
            while Date() < until, !stopRequested.load(ordering: .relaxed) { usleep(200_000) }
        }
        if stopRequested.load(ordering: .relaxed) { Log.info("watch: stopped") }
        if failedAny { throw ExitCode(1) }
    }
}
