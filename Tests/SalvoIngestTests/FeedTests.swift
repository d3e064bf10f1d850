import Testing
@testable import SalvoIngest
import SalvoModel

@Suite struct FeedTests {
    static let rss = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel>
        <title>Example Wire</title>
        <language>en-us</language>
        <item>
          <title>Missiles hit power plant</title>
          <link>https://wire.example/2024/12/13/power-plant</link>
          <guid isPermaLink="false">wire-1</guid>
          <pubDate>Fri, 13 Dec 2024 09:12:00 +0200</pubDate>
          <description>&lt;p&gt;Short summary &amp;amp; teaser.&lt;/p&gt;</description>
          <content:encoded><![CDATA[<p>Missiles hit a thermal power plant, the operator said.</p><p>Repairs will take weeks.</p>]]></content:encoded>
        </item>
        <item>
          <title>Second item</title>
          <link>https://wire.example/second</link>
          <dc:date>2024-12-14T10:00:00Z</dc:date>
          <description>Only a plain summary here.</description>
        </item>
      </channel>
    </rss>
    """

    static let atom = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
      <title>Beispiel</title>
      <entry>
        <title>Drohnenangriff auf Hafen</title>
        <link rel="self" href="https://beispiel.example/self/1"/>
        <link rel="alternate" href="https://beispiel.example/artikel/1"/>
        <id>urn:uuid:1</id>
        <published>2025-01-02T03:04:05+01:00</published>
        <summary type="html">&lt;b&gt;Kurz:&lt;/b&gt; Der Hafen wurde in der Nacht angegriffen.</summary>
      </entry>
    </feed>
    """

    @Test func rssItemsBecomeDocuments() async throws {
        let feed = try Feed(bytes: Array(Self.rss.utf8))
        #expect(feed.title == "Example Wire")
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.title == "Missiles hit power plant")
        #expect(first.link == "https://wire.example/2024/12/13/power-plant")
        #expect(first.published == "2024-12-13")
        #expect(first.text == "Missiles hit a thermal power plant, the operator said.\n\nRepairs will take weeks.")
        #expect(feed.items[1].published == "2024-12-14")
        #expect(feed.items[1].text == "Only a plain summary here.")
    }

    @Test func atomEntries() async throws {
        let feed = try Feed(bytes: Array(Self.atom.utf8))
        #expect(feed.language == "de")
        let e = try #require(feed.items.first)
        #expect(e.link == "https://beispiel.example/artikel/1")
        #expect(e.published == "2025-01-02")
        #expect(e.text == "Kurz: Der Hafen wurde in der Nacht angegriffen.")
    }

    @Test func feedFilesThroughTheReader() async {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("wire.xml", Self.rss)
        let r = await DocumentReader().collect(path)
        #expect(r.errors.isEmpty)
        #expect(r.documents.map(\.id) == ["https://wire.example/2024/12/13/power-plant", "https://wire.example/second"])
        #expect(r.documents[0].published == Day("2024-12-13"))
        #expect(r.documents[0].language == "en")
        #expect(r.documents[0].title == "Missiles hit power plant")
    }

    @Test func singleByteFeedComesOutAsUTF8() async throws {
        let feed = try Feed(bytes: try Fixture.bytes("feed-cp1251.xml"))
        #expect(feed.title == "Лента новостей")
        #expect(feed.language == "ru")
        #expect(feed.items.first?.title == "Обстрел пригорода")
        #expect(feed.items.first?.text == "Вечером был обстрелян пригород, повреждены два дома.")
        #expect(feed.items.first?.published == "2024-11-16")
    }

    @Test func billionLaughsIsRefused() async {
        let bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><item><title>&lol9;</title><description>x</description></item></channel></rss>
        """
        #expect(throws: InputProblem.self) { try Feed(bytes: Array(bomb.utf8)) }
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("bomb.rss", bomb))
        #expect(r.documents.isEmpty)
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.message.contains("entities") == true)
    }

    @Test func externalEntitiesAreNotFetched() async throws {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss SYSTEM "file:///etc/passwd">
        <rss version="2.0"><channel><item><title>t</title><description>safe text</description></item></channel></rss>
        """
        let feed = try Feed(bytes: Array(xxe.utf8))
        #expect(feed.items.first?.text == "safe text")
    }

    @Test func itemLimitIsReported() async {
        let items = (1...30).map { "<item><title>T\($0)</title><link>https://x.example/\($0)</link><description>Text \($0).</description></item>" }
        let xml = "<rss version=\"2.0\"><channel>" + items.joined() + "</channel></rss>"
        let dir = TempDir()
        defer { dir.remove() }
        var reader = DocumentReader()
        reader.maxFeedItems = 10
        let r = await reader.collect(dir.write("big.rss", xml))
        #expect(r.documents.count == 10)
        #expect(r.errors.map(\.message) == ["feed has more than 10 items; only the first 10 were read"])
    }

    @Test func nestingLimit() async throws {
        let depth = MarkupTree_maxDepthForTests + 50
        let xml = "<rss version=\"2.0\"><channel><item><description>" + String(repeating: "<x>", count: depth)
            + "deep" + String(repeating: "</x>", count: depth) + "</description></item></channel></rss>"
        let feed = try Feed(bytes: Array(xml.utf8))
        #expect(feed.problem?.contains("depth") == true)
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("deep.rss", xml))
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.message.contains("XML is broken") == true)
    }

    @Test func brokenAndNonFeedXML() async {
        // Recovered as far as it goes: at most the one started item, never a crash.
        let partial = try? Feed(bytes: Array("<rss><channel><item><title>unterminated".utf8))
        #expect((partial?.items.count ?? 0) <= 1)
        #expect(throws: InputProblem.self) { try Feed(bytes: Array("<catalog><book/></catalog>".utf8)) }
        #expect(throws: InputProblem.self) { try Feed(bytes: Array("\u{0}\u{1}binary".utf8)) }
    }

    @Test(arguments: [
        ("Mon, 18 Nov 2019 10:00:00 +0000", "2019-11-18"),
        ("Tue, 5 Mar 2024 23:59:59 GMT", "2024-03-05"),
        ("2024-11-17T06:30:00Z", "2024-11-17"),
        ("not a date", nil),
    ])
    func feedDates(_ raw: String, _ expected: String?) {
        #expect(PublishedDate.day(raw) == expected)
    }
}

import SalvoMarkup
let MarkupTree_maxDepthForTests = MarkupTree.maxDepth
