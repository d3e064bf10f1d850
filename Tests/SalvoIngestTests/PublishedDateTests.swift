import Testing
@testable import SalvoIngest
import SalvoModel

@Suite struct PublishedDateTests {
    @Test("every date form of feeds, archives and page metadata gives the day", arguments: [
        ("Sun, 17 Nov 2024 08:30:00 +0200", "2024-11-17"),       // RFC 822 (RSS pubDate)
        ("Sun, 17 Nov 24 23:59:59 GMT", "2024-11-17"),           // RFC 822, two-digit year
        ("Sunday, 17-Nov-24 08:30:00 GMT", "2024-11-17"),        // RFC 850
        ("Sun Nov 17 08:30:00 2024", "2024-11-17"),              // asctime
        ("2024-11-17T08:30:00+02:00", "2024-11-17"),             // RFC 3339 (Atom, article:published_time)
        ("2024-11-17T23:30:00-05:00", "2024-11-17"),             // the day as written, in the publisher's zone
        ("2024-11-17T06:30:00.000Z", "2024-11-17"),
        ("2024-11-17 08:30", "2024-11-17"),
        ("2024/11/17", "2024-11-17"),
        ("2024-1-7", "2024-01-07"),
        ("20241117", "2024-11-17"),
        ("20241117083000", "2024-11-17"),                        // web-archive timestamp
        ("1731825000", "2024-11-17"),                            // epoch seconds
        ("1731825000123", "2024-11-17"),                         // epoch milliseconds
        ("1731825000.5", "2024-11-17"),
        ("17.11.2024", "2024-11-17"),
        ("17.11.2024, 08:30", "2024-11-17"),
        ("11/17/2024", "2024-11-17"),
        ("17/11/2024", "2024-11-17"),
        ("November 17, 2024", "2024-11-17"),
        ("17 November 2024", "2024-11-17"),
        ("17. Dezember 2024", "2024-12-17"),
        ("Di., 3. Dez. 2024 10:00", "2024-12-03"),
        ("17 листопада 2024, 08:30", "2024-11-17"),
        ("17 ноября 2024 г.", "2024-11-17"),
        ("  \"2024-11-17\"  ", "2024-11-17"),
    ])
    func reads(_ text: String, _ day: String) {
        #expect(PublishedDate.day(text) == day)
    }

    @Test("texts that are no date, or an ambiguous one, give nothing", arguments: [
        "", "yesterday", "05/06/2024", "2024-13-45", "99999999999999999999", "Nov 2024", "1e308", "0", "-1731825000",
    ])
    func refuses(_ text: String) {
        #expect(PublishedDate.day(text) == nil)
    }

    @Test func epochNumbers() async {
        #expect(PublishedDate.day(epoch: 1_731_825_000) == "2024-11-17")
        #expect(PublishedDate.day(epoch: 1_731_825_000_000) == "2024-11-17")
        for bad in [Double.nan, .infinity, -1, 1e300, 0] { #expect(PublishedDate.day(epoch: bad) == nil) }
    }

    @Test func jsonLinesDatesAsTextNumbersAndUnknown() async {
        let dir = TempDir()
        defer { dir.remove() }
        let lines = [
            #"{"id": "a", "published": "Sun, 17 Nov 2024 08:30:00 +0200", "text": "t"}"#,
            #"{"id": "b", "published": 1731825000, "text": "t"}"#,
            #"{"id": "c", "published": 1731825000123.0, "text": "t"}"#,
            #"{"id": "d", "published": "1731825000", "text": "t"}"#,
            #"{"id": "e", "published": "last Tuesday", "text": "t"}"#,
        ]
        let path = dir.write("d.jsonl", lines.joined(separator: "\n"))
        let r = await DocumentReader(cleanUp: false).collect(path)
        #expect(r.documents.map(\.published) == [Day("2024-11-17"), Day("2024-11-17"), Day("2024-11-17"), Day("2024-11-17"), nil])
        #expect(r.errors.map(\.description) == ["\(path):5: warning: published date 'last Tuesday' is in no format Salvo reads; left null"])
    }

    @Test func pageMetadataAndJSONLDDates() async {
        func page(_ head: String) -> [UInt8] {
            Array("<html><head>\(head)</head><body><article><p>Shelling damaged a school in Kherson, the regional governor said on Sunday.</p></article></body></html>".utf8)
        }
        let meta = try? HTMLPage(bytes: page(#"<meta property="article:published_time" content="Sun, 17 Nov 2024 08:30:00 +0200">"#))
        #expect(meta?.published == "2024-11-17")
        let ld = try? HTMLPage(bytes: page(#"<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": 1731825000}</script>"#))
        #expect(ld?.published == "2024-11-17")
        let unknown = try? HTMLPage(bytes: page(#"<meta property="article:published_time" content="a while ago">"#))
        #expect(unknown?.published == nil)
        #expect(unknown?.unreadDate == "a while ago")
    }

    @Test func feedDates() async throws {
        let rss = """
        <?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
        <item><title>One</title><description>Drones hit Odesa.</description><pubDate>Sun, 17 Nov 2024 08:30:00 +0200</pubDate></item>
        <item><title>Two</title><description>Missiles hit Lviv.</description><dc:date>2024-11-18T01:00:00Z</dc:date></item>
        <item><title>Three</title><description>Shelling in Kherson.</description><pubDate>the other day</pubDate></item>
        </channel></rss>
        """
        let feed = try Feed(bytes: Array(rss.utf8))
        #expect(feed.items.map(\.published) == ["2024-11-17", "2024-11-18", nil])
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("f.xml", rss)
        let r = await DocumentReader().collect(path)
        #expect(r.documents.count == 3)
        #expect(r.errors.map(\.description) == ["\(path)#3: warning: published date 'the other day' is in no format Salvo reads; left null"])
    }
}
