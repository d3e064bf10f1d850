import Testing
@testable import SalvoIngest
import SalvoModel

@Suite struct FeedLimitTests {
    static func rss(items: Int, extra: String = "") -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>"#
        for i in 1...items {
            s += "<item><title>Report \(i)</title><link>https://w.example/\(i)</link>"
                + "<description><![CDATA[<p>Drones hit a depot </item> in Sumy, report \(i).</p>]]></description>\(extra)</item>\n"
        }
        return s + "</channel></rss>"
    }

    @Test func cutEndsAfterTheLimitAndClosesTheFeed() async throws {
        let bytes = Array(Self.rss(items: 5).utf8)
        let (head, truncated) = FeedCut.head(of: bytes, maxItems: 2)
        #expect(truncated)
        #expect(String(decoding: head, as: UTF8.self).hasSuffix("report 2.</p>]]></description></item></channel></rss>"))
        let feed = try Feed(bytes: head, maxItems: 2)
        #expect(feed.problem == nil)
        #expect(feed.items.map(\.link) == ["https://w.example/1", "https://w.example/2"])
        // A feed within the limit is left as it is.
        #expect(FeedCut.head(of: bytes, maxItems: 5) == (bytes, false))
    }

    @Test func cutSeesThroughCommentsQuotesAndAtomEntries() async {
        let atom = #"<feed xmlns="http://www.w3.org/2005/Atom"><!-- <entry></entry> --><title a=">">T</title>"#
            + #"<entry><title>A</title><link href="https://a.example/1"/></entry><entry><title>B</title></entry><entry/></feed>"#
        let (head, truncated) = FeedCut.head(of: Array(atom.utf8), maxItems: 1)
        #expect(truncated)
        #expect(String(decoding: head, as: UTF8.self).hasSuffix(#"<link href="https://a.example/1"/></entry></feed>"#))
    }

    @Test func streamedFeedStopsAtTheItemLimit() async {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("wire.xml", Self.rss(items: 3000))
        var reader = DocumentReader()
        reader.maxFeedItems = 25
        let r = await reader.collect(path)
        #expect(r.documents.count == 25)
        #expect(r.documents.last?.url == "https://w.example/25")
        #expect(r.errors.map(\.message) == ["feed has more than 25 items; only the first 25 were read"])
    }

    @Test func gzippedFeedIsStreamedToo() async {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("wire.xml.gz", Gzip.compress(Array(Self.rss(items: 40).utf8)))
        var reader = DocumentReader()
        reader.maxFeedItems = 10
        let r = await reader.collect(path)
        #expect(r.documents.count == 10)
        #expect(r.errors.count == 1)
    }

    @Test func itemsThatAreOnlyATitleKeepItAsText() async {
        let xml = #"<?xml version="1.0"?><rss version="2.0"><channel><title>Alerts</title>"#
            + "<item><title>Explosions reported in Kharkiv</title><description>Explosions reported in Kharkiv</description><link>https://x.example/1</link></item>"
            + "<item><title>Air raid alert in Kyiv region</title><link>https://x.example/2</link></item>"
            + "<item><title>Missile strike on Dnipro</title><description> </description><link>https://x.example/3</link></item>"
            + "</channel></rss>"
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("alerts.xml", xml))
        #expect(r.errors.isEmpty)
        #expect(r.documents.map(\.text) == ["Explosions reported in Kharkiv", "Air raid alert in Kyiv region", "Missile strike on Dnipro"])
    }
}
