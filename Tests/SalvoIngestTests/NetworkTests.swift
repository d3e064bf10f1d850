import Foundation
import SalvoHTTP
import Testing
@testable import SalvoIngest

/// Only a server on 127.0.0.1 started by the test itself: no outside traffic.
@Suite(.serialized) struct NetworkTests {
    /// A reader whose fetcher uses `settings`; the fetcher's client is shut down afterwards.
    func withReader(_ settings: HTTPFetcher.Settings, followLinks: Bool = false,
                    _ body: (DocumentReader) async throws -> Void) async throws {
        try await HTTPFetcher.withFetcher(settings) { fetcher in
            try await body(DocumentReader(followLinks: followLinks, fetcher: fetcher))
        }
    }

    @Test func feedOverHTTPWithConditionalGETAndFollowedLinks() async throws {
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
        // Timeouts here are generous: a loaded test machine must not make a local fetch fail.
        try await withReader(.init(timeout: 30, cacheDirectory: cache.url.path)) { reader in
            let first = await reader.collect(server.base + "/feed.xml")
            #expect(first.errors.isEmpty)
            #expect(first.documents.map(\.text) == ["Summary only."])
            #expect(server.requestCount("/article/1") == 0)

            // The second poll sends the ETag back, gets 304, and yields nothing new.
            let second = await reader.collect(server.base + "/feed.xml")
            #expect(second.documents.isEmpty && second.errors.isEmpty)
            #expect(server.lastRequest("/feed.xml")?.headers["if-none-match"] == "\"v1\"")
        }
        // Without the cache, and following links: the item's page gives the full text.
        try await withReader(.init(timeout: 30), followLinks: true) { reader in
            let third = await reader.collect(server.base + "/feed.xml")
            #expect(third.errors.isEmpty)
            #expect(third.documents.first?.text.hasPrefix("Attack drones struck the river port") == true)
            #expect(third.documents.first?.title == "Item one")
            #expect(server.lastRequest("/article/1")?.headers["if-none-match"] == nil)
        }
    }

    @Test func redirectsAreLimitedAndErrorsNamed() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("/loop") { _ in .init(status: 302, headers: ["Location": "/loop"]) }
        server.route("/moved") { _ in .init(status: 301, headers: ["Location": "/page"]) }
        server.route("/gone") { _ in .init(status: 302, headers: ["Location": "/nothing"]) }
        server.route("/page") { _ in .init(headers: ["Content-Type": "text/html"], body: Array(HTMLPageTests.article.utf8)) }
        try await withReader(.init(timeout: 30, maxRedirects: 3)) { reader in
            let loop = await reader.collect(server.base + "/loop")
            #expect(loop.errors.map(\.description) == ["\(server.base)/loop: more than 3 redirects"])
            #expect(server.requestCount("/loop") == 4)
            let moved = await reader.collect(server.base + "/moved")
            #expect(moved.documents.first?.url == "https://gazette.example/world/drones-strike-river-port")
            let missing = await reader.collect(server.base + "/nothing")
            #expect(missing.errors.map(\.description) == ["\(server.base)/nothing: HTTP 404"])
            // After a redirect, the line names the URL asked for and the one that failed.
            let gone = await reader.collect(server.base + "/gone")
            #expect(gone.errors.map(\.description) == ["\(server.base)/gone: HTTP 404 (at \(server.base)/nothing)"])
        }
    }

    @Test func slowServersTimeOut() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.route("/slow") { _ in
            Thread.sleep(forTimeInterval: 3)
            return .init(headers: ["Content-Type": "text/html"], body: Array(HTMLPageTests.article.utf8))
        }
        try await withReader(.init(timeout: 1)) { reader in
            // The read timeout fired (not the end of the server's sleep): the message says which.
            let r = await reader.collect(server.base + "/slow")
            #expect(r.documents.isEmpty)
            #expect(r.errors.map(\.description) == ["\(server.base)/slow: fetch failed: no data for 1 s"])
        }
    }

    @Test func bodiesAreCutAtTheSizeLimitWhileStreaming() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let chunk = Array(repeating: UInt8(ascii: "a"), count: 16 << 10)
        // Announced too large: refused before the body is read.
        server.route("/announced") { _ in .init(headers: ["Content-Type": "text/plain"], body: Array(repeating: 0x61, count: 300_000)) }
        // No length given and no end: reading must stop at the limit, not at the end of the body.
        server.route("/endless") { _ in .init(headers: ["Content-Type": "text/plain"], endless: chunk) }
        try await withReader(.init(timeout: 30, maxBytes: 100_000)) { reader in
            let announced = await reader.collect(server.base + "/announced")
            #expect(announced.errors.map(\.description) == ["\(server.base)/announced: response too large (more than 100000 bytes)"])
            let endless = await reader.collect(server.base + "/endless")
            #expect(endless.documents.isEmpty)
            #expect(endless.errors.map(\.description) == ["\(server.base)/endless: response too large (more than 100000 bytes)"])
        }
        // What went out before the client hung up is the limit plus what the sockets buffer, not 256 MB.
        #expect(server.bytesSent("/endless") < 32 << 20)
    }

    @Test func gzipContentEncodingIsUndoneWithinTheLimit() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let page = Gzip.compress(Array(HTMLPageTests.article.utf8))
        server.route("/page") { req in
            .init(headers: ["Content-Type": "text/html", "Content-Encoding": "gzip", "X-Asked": req.headers["accept-encoding"] ?? ""], body: page)
        }
        // Ten megabytes of spaces, compressed to a few kilobytes: within the limit on the wire, not once inflated.
        let bomb = Gzip.compress(Array(repeating: 0x20, count: 10 << 20))
        server.route("/bomb") { _ in .init(headers: ["Content-Type": "text/html", "Content-Encoding": "gzip"], body: bomb) }
        try await withReader(.init(timeout: 30, maxBytes: 1 << 20)) { reader in
            let r = await reader.collect(server.base + "/page")
            #expect(r.errors.isEmpty)
            #expect(r.documents.first?.title == "Drones strike river port overnight")
            #expect(server.lastRequest("/page")?.headers["accept-encoding"]?.contains("gzip") == true)
            let b = await reader.collect(server.base + "/bomb")
            #expect(b.documents.isEmpty)
            #expect(b.errors.count == 1)
            #expect(b.errors.first?.description.hasPrefix("\(server.base)/bomb: fetch failed: response too large once decompressed") == true,
                    "\(b.errors)")
        }
    }

    @Test func refusedConnectionsAndAShutDownClientAreOneLineErrors() async throws {
        // A port nothing listens on: bound, then closed.
        let server = try LocalHTTPServer()
        let closed = server.base
        server.stop()
        let fetcher = HTTPFetcher(.init(timeout: 2))
        let reader = DocumentReader(fetcher: fetcher)
        let refused = await reader.collect(closed + "/x")
        #expect(refused.errors.map(\.description) == ["\(closed)/x: fetch failed: cannot connect (Connection refused)"])
        try await fetcher.shutdown()
        // After shutdown a fetch fails cleanly instead of hanging or trapping.
        let after = await reader.collect(closed + "/x")
        #expect(after.errors.count == 1)
        #expect(after.errors.first?.description.hasPrefix("\(closed)/x: fetch failed: ") == true)
        let notHTTP = await reader.collect("http:///nohost")
        #expect(notHTTP.errors.count == 1)
    }
}
