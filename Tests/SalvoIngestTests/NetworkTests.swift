import Foundation
import Testing
@testable import SalvoIngest

/// Only a server on 127.0.0.1 started by the test itself: no outside traffic.
@Suite(.serialized) struct NetworkTests {
    @Test func feedOverHTTPWithConditionalGETAndFollowedLinks() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let feed = """
        <rss version="2.0"><channel><title>Local</title>
        <item><title>Item one</title><link>\(server.base)/article/1</link><description>Summary only.</description></item>
        </channel></rss>
        """
        server.route("/feed.xml") { req in
            if req.headers["if-none-match"] == "\"v1\"" { return .init(status: 304) }
            return .init(headers: ["Content-Type": "application/rss+xml", "ETag": "\"v1\""], body: Array(feed.utf8))
        }
        server.route("/article/1") { _ in
            .init(headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(HTMLPageTests.article.utf8))
        }
        let cache = TempDir()
        defer { cache.remove() }
        var reader = DocumentReader(fetcher: HTTPFetcher(timeout: 5, cacheDirectory: cache.url.path))
        let first = reader.collect(server.base + "/feed.xml")
        #expect(first.errors.isEmpty)
        #expect(first.documents.map(\.text) == ["Summary only."])
        #expect(server.requestCount("/article/1") == 0)

        // The second poll sends the ETag back, gets 304, and yields nothing new.
        let second = reader.collect(server.base + "/feed.xml")
        #expect(second.documents.isEmpty && second.errors.isEmpty)
        #expect(server.lastRequest("/feed.xml")?.headers["if-none-match"] == "\"v1\"")

        // Without the cache, and following links: the item's page gives the full text.
        reader.fetcher.cacheDirectory = nil
        reader.followLinks = true
        let third = reader.collect(server.base + "/feed.xml")
        #expect(third.errors.isEmpty)
        #expect(third.documents.first?.text.hasPrefix("Attack drones struck the river port") == true)
        #expect(third.documents.first?.title == "Item one")
    }

    @Test func redirectsAreLimitedAndErrorsNamed() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("/loop") { _ in .init(status: 302, headers: ["Location": "/loop"]) }
        server.route("/moved") { _ in .init(status: 301, headers: ["Location": "/page"]) }
        server.route("/page") { _ in .init(headers: ["Content-Type": "text/html"], body: Array(HTMLPageTests.article.utf8)) }
        let reader = DocumentReader(fetcher: HTTPFetcher(timeout: 5, maxRedirects: 3))
        let loop = reader.collect(server.base + "/loop")
        #expect(loop.errors.map(\.message) == ["more than 3 redirects"])
        #expect(server.requestCount("/loop") == 4)
        let moved = reader.collect(server.base + "/moved")
        #expect(moved.documents.first?.url == "https://gazette.example/world/drones-strike-river-port")
        let missing = reader.collect(server.base + "/nothing")
        #expect(missing.errors.map(\.description) == ["\(server.base)/nothing: HTTP 404"])
    }

    @Test func slowServersTimeOut() throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("/slow") { _ in
            Thread.sleep(forTimeInterval: 3)
            return .init(headers: ["Content-Type": "text/html"], body: Array(HTMLPageTests.article.utf8))
        }
        let reader = DocumentReader(fetcher: HTTPFetcher(timeout: 1))
        let r = reader.collect(server.base + "/slow")
        #expect(r.documents.isEmpty)
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.message.hasPrefix("fetch failed") == true)
    }
}
