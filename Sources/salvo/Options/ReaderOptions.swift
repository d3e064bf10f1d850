import ArgumentParser
import SalvoHTTP
import SalvoIngest

/// How inputs are read; shared by `extract`, `ingest` and `watch`.
struct ReaderOptions: ParsableArguments {
    @Flag(help: "For feeds, fetch each item's page and extract its main text instead of the feed's summary.")
    var followLinks = false

    @Option(help: ArgumentHelp("Folder that remembers ETag / Last-Modified of fetched URLs, for conditional GET.",
                               valueName: "dir"))
    var cache: String?

    @Option(help: "Most items read from one feed.")
    var maxFeedItems = 10_000

    @Option(help: ArgumentHelp("Seconds to connect to a server, and of silence while reading from it.", valueName: "seconds"))
    var fetchTimeout: Double = 20

    func validate() throws {
        guard fetchTimeout > 0, fetchTimeout <= 3600 else { throw ValidationError("--fetch-timeout: seconds in (0, 3600]") }
    }

    /// Runs `body` with a reader whose HTTP client is shut down afterwards, also when `body` throws.
    func withReader<T: Sendable>(defaultCache: String? = nil, _ body: (DocumentReader) async throws -> T) async throws -> T {
        let settings = HTTPFetcher.Settings(timeout: fetchTimeout, cacheDirectory: cache ?? defaultCache)
        return try await HTTPFetcher.withFetcher(settings) { fetcher in
            try await body(DocumentReader(followLinks: followLinks, maxFeedItems: maxFeedItems, fetcher: fetcher))
        }
    }
}
