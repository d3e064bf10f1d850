import Testing
@testable import SalvoIngest
import SalvoMarkup

@Suite struct HTMLPageTests {
    static let article = """
    <!DOCTYPE html>
    <html lang="en-GB">
    <head>
      <meta charset="utf-8">
      <title>Drones strike river port overnight | Example Gazette</title>
      <meta property="og:title" content="Drones strike river port overnight">
      <meta property="article:published_time" content="2024-11-17T06:30:00+02:00">
      <link rel="canonical" href="https://gazette.example/world/drones-strike-river-port">
      <script>var tracking = "Article text must not include this script";</script>
      <style>.x { color: red }</style>
    </head>
    <body>
      <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
      <header class="site-header"><a href="/">Example Gazette</a>
        <nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav>
      </header>
      <div id="page">
        <main>
          <article class="story">
            <h1>Drones strike river port overnight</h1>
            <div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
            <p>Attack drones struck the river port in the early hours of Sunday, the regional governor said, damaging two grain warehouses and a loading crane.</p>
            <p>Air defence units shot down most of the drones over the region, according to the air force, while the rest were lost to electronic warfare.</p>
            <figure><img src="port.jpg"><figcaption>The damaged crane, photographed at dawn.</figcaption></figure>
            <h2>Port operations</h2>
            <p>The port authority said loading would resume within days, once engineers had inspected the berths and the power supply was restored.</p>
            <p>Nobody was hurt, but firefighters worked for several hours to put out a blaze in one of the warehouses, officials added.</p>
            <div class="related-links"><h3>Related</h3><ul>
              <li><a href="/a">Earlier attack on the same port</a></li>
              <li><a href="/b">Grain exports in numbers</a></li>
              <li><a href="/c">What we know about the drones</a></li></ul></div>
          </article>
          <section id="comments" class="comments">
            <h3>12 comments</h3>
            <div class="comment"><p>This is terrible news, hope everyone there stays safe and the port reopens soon, honestly.</p></div>
            <div class="comment"><p>Another comment with plenty of words, commas, and opinions, which should not appear in the article text.</p></div>
          </section>
        </main>
        <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/1">A very popular story</a></li><li><a href="/2">Another one</a></li></ol></aside>
      </div>
      <footer><p>© Example Gazette. All rights reserved. Terms, privacy, contact, advertising, careers.</p></footer>
    </body></html>
    """

    @Test func findsTheArticleBodyWithoutBoilerplate() throws {
        let page = try HTMLPage(bytes: Array(Self.article.utf8))
        #expect(page.text.hasPrefix("Attack drones struck the river port"))
        #expect(page.text.contains("Air defence units shot down most of the drones"))
        #expect(page.text.contains("Port operations"))
        #expect(page.text.contains("firefighters worked for several hours"))
        for boilerplate in ["cookies", "Sport", "Share", "Tweet", "Related", "Earlier attack", "comments", "This is terrible",
                            "Most read", "All rights reserved", "tracking", "color: red", "The damaged crane"] {
            #expect(!page.text.contains(boilerplate), "leaked: \(boilerplate)")
        }
        // Paragraphs stay paragraphs.
        #expect(page.text.components(separatedBy: "\n\n").count == 5)
    }

    @Test func readsMetadata() throws {
        let page = try HTMLPage(bytes: Array(Self.article.utf8))
        #expect(page.title == "Drones strike river port overnight")
        #expect(page.published == "2024-11-17")
        #expect(page.language == "en")
        #expect(page.canonicalURL == "https://gazette.example/world/drones-strike-river-port")
        #expect(page.charset == .utf8)
    }

    @Test(arguments: [
        (#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2023-02-24T08:00:00Z","headline":"H"}]}</script>"#, "2023-02-24"),
        (#"<time datetime="2022-10-10T07:15">10 October</time>"#, "2022-10-10"),
        (#"<span itemprop="datePublished" content="2025-01-05">5 Jan</span>"#, "2025-01-05"),
    ])
    func publicationDateFromStructuredData(_ snippet: String, _ expected: String) throws {
        let html = "<html><head></head><body>\(snippet)<div><p>\(String(repeating: "Some article words, with commas. ", count: 5))</p></div></body></html>"
        let page = try HTMLPage(bytes: Array(html.utf8))
        #expect(page.published == expected)
    }

    @Test(arguments: [
        ("https://news.example/2024/03/09/kharkiv-strike", "2024-03-09"),
        ("https://news.example/world/2023-12-29-massive-attack.html", "2023-12-29"),
        ("https://news.example/news/20220506/story.html", "2022-05-06"),
        ("https://news.example/news/story-12345678", nil),
    ])
    func publicationDateFromTheURL(_ url: String, _ expected: String?) {
        #expect(PageMetadata.dateInURL(url) == expected)
    }

    @Test func brokenMarkupIsRepaired() throws {
        let html = "<html><body><div class=content><p>First paragraph with enough words to count as text, surely.<p>Second <b>bold <i>nested</b> paragraph, unclosed, still readable by the parser.</div></body>"
        let page = try HTMLPage(bytes: Array(html.utf8))
        #expect(page.text.contains("First paragraph"))
        #expect(page.text.contains("Second bold nested paragraph"))
    }

    @Test func noNetworkAndNoEntityExpansionInHTML() throws {
        // An external DTD and an entity the HTML parser must not resolve; the text remains.
        let html = #"<!DOCTYPE html SYSTEM "http://127.0.0.1:1/evil.dtd"><html><body><div><p>Plain words, &amp; an ampersand, &unknown; stays as written, nothing fetched at all.</p></div></body></html>"#
        let page = try HTMLPage(bytes: Array(html.utf8))
        #expect(page.text.contains("Plain words, & an ampersand"))
    }

    @Test func deepNestingIsCutNotCrashing() throws {
        let depth = 5000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>deep text</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let tree = try MarkupTree(html: Array(html.utf8))
        #expect(tree.count > 0)
        _ = try HTMLPage(bytes: Array(html.utf8))
    }

    @Test func scriptsStylesAndCommentsAreSkippedButJSONLDIsKept() {
        let html = #"<head><script>if (a < b) { x = "</p>"; }</script><STYLE>p{}</STYLE><!-- <p>hidden</p> -->"#
            + #"<script type="application/ld+json">{"datePublished": "2024-01-02"}</script></head><p>kept</p>"#
        let out = String(decoding: MarkupTree.withoutScripts(Array(html.utf8)), as: UTF8.self)
        #expect(out == #"<head><script></script><STYLE></STYLE><script type="application/ld+json">{"datePublished": "2024-01-02"}</script></head><p>kept</p>"#)
    }

    @Test func unterminatedScriptOrCommentEndsThePage() {
        #expect(MarkupTree.withoutScripts(Array("<p>a</p><script>never closed".utf8)) == Array("<p>a</p><script>".utf8))
        #expect(MarkupTree.withoutScripts(Array("<p>a</p><!-- never closed".utf8)) == Array("<p>a</p>".utf8))
    }

    @Test func embeddedPostsAndQuotesStay() throws {
        let html = """
        <html><body><article>
        <p>The mayor said the city's water supply had been restored, after a long night of repairs by engineers, crews and volunteers.</p>
        <div class="post-widget"><blockquote class="embedded-post"><p>Water is back in all districts. Thank you to every crew that worked through the night.</p>
        &mdash; City Mayor (<a href="/m">@mayor</a>) <a href="/status/1">November 17, 2024</a></blockquote></div>
        <p>Schools will open as usual on Monday, the education department added, though some buildings still lack heating.</p>
        </article></body></html>
        """
        let page = try HTMLPage(bytes: Array(html.utf8))
        #expect(page.text.contains("Water is back in all districts."))
        #expect(page.text.contains("Schools will open as usual"))
    }

    @Test func structuredDataBodyWhenTheMarkupHasOnlyATeaser() throws {
        let body = "First paragraph of the full report, with details. <p>Second paragraph &amp; more details, which the page loads later.</p>"
        let html = """
        <html><head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "\(body)"}</script></head>
        <body><div class="teaser"><p>Short teaser text only, nothing else here.</p></div></body></html>
        """
        let page = try HTMLPage(bytes: Array(html.utf8))
        #expect(page.text.hasPrefix("First paragraph of the full report"))
        #expect(page.text.contains("Second paragraph & more details"))
        #expect(!page.text.contains("<p>"))
    }
}
