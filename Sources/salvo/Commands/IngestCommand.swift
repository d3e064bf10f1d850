import ArgumentParser
import Foundation

/// `salvo ingest`: documents in, events stored.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract documents and store them, their figures and the merged events.",
        discussion: """
        Inputs are what `salvo extract` reads. Each document is stored in one transaction; \
        the same document (same URL, id or text) stored again changes nothing, and a changed \
        article replaces its old figures. A one-line summary goes to stderr.

        Examples:
          salvo ingest articles/ feed.jsonl
          salvo ingest --db strikes.sqlite corpus.jsonl
          salvo ingest --db postgres://salvo@db.example/news --extracted shard-17.jsonl
          salvo extract corpus.jsonl --include-text > out.jsonl && salvo ingest --extracted out.jsonl
        """
    )

    @Argument(help: "Files, directories, URLs, or - for standard input.")
    var sources: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var input: ReaderOptions

    @Flag(help: "Sources are `salvo extract` output (JSON Lines) to store as they are.")
    var extracted = false

    @Option(help: ArgumentHelp("Log the ingest rate every this many documents (benchmarks).", valueName: "n"))
    var rateEvery: Int?

    func validate() throws {
        if sources.isEmpty { throw ValidationError("give at least one source (a file, directory, URL or -)") }
        if let n = rateEvery, n < 1 { throw ValidationError("--rate-every must be at least 1") }
    }

    func run() async throws {
        let eventStore = try await store.open(create: true)
        let tally = try await input.withReader { reader in
            var ingester = Ingester(store: eventStore, reader: reader)
            ingester.rateEvery = rateEvery
            for source in sources {
                if extracted { await ingester.ingest(extracted: source) } else { await ingester.ingest(source: source) }
            }
            await ingester.finish()
            ingester.progress.finish()
            return ingester.tally
        }
        Log.info(tally.summary)
        if tally.failed > 0 { throw ExitCode(1) }
    }
}
