import ArgumentParser
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

    func reader(defaultCache: String? = nil) -> DocumentReader {
        DocumentReader(followLinks: followLinks, maxFeedItems: maxFeedItems,
                       fetcher: HTTPFetcher(cacheDirectory: cache ?? defaultCache))
    }
}
