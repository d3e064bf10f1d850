import SalvoModel
import Testing
@testable import SalvoStore

@Suite("Document identity")
struct DocumentIdentityTests {
    let agency = "Air defence shot down 41 of 50 drones overnight, the agency report written for this test says."

    func wire(_ id: String, url: String?, published: String, text: String? = nil) -> (Document, ExtractedDocument) {
        var pair = report(id, published: published, date: published, places: [Places.ukraine],
                          [figure(.launched, 50, .drone, sentence: agency), figure(.intercepted, 41, .drone, sentence: agency)], url: url)
        pair.0.text = text ?? agency
        return pair
    }

    @Test("an empty id is refused with an error naming it", arguments: StoreKind.allCases)
    func emptyID(kind: StoreKind) async throws {
        let store = try await kind.make()
        await #expect(throws: DocumentIdentity.EmptyID.self) { try await store.ingest(wire("", url: "https://a.example/1", published: "2025-03-01")) }
        await #expect(throws: DocumentIdentity.EmptyID.self) { try await store.ingest(wire("  ", url: nil, published: "2025-03-01")) }
        #expect("\(DocumentIdentity.EmptyID(url: "https://a.example/1"))".contains("empty id"))
        #expect(try await store.allEvents().isEmpty)
    }

    @Test("the same wording at another address on another day is another document", arguments: StoreKind.allCases)
    func sameWordingElsewhere(kind: StoreKind) async throws {
        let store = try await kind.make()
        #expect(try await store.ingest(wire("a", url: "https://a.example/1", published: "2025-03-01")).document == .new)
        #expect(try await store.ingest(wire("b", url: "https://b.example/9", published: "2025-03-08")).document == .new)
        #expect(try await store.document(id: "a") != nil)
        #expect(try await store.document(id: "b") != nil)
        // A re-crawl of the first, at its own address: the same document.
        #expect(try await store.ingest(wire("a-again", url: "https://a.example/1", published: "2025-03-01")).document == .unchanged)
    }

    @Test("a summary of a stored article never replaces its full text", arguments: StoreKind.allCases)
    func shorterVersion(kind: StoreKind) async throws {
        let store = try await kind.make()
        let full = agency + " Debris fell on two districts; officials listed the damage street by street in a long account."
        try await store.ingest(wire("page", url: "https://a.example/1", published: "2025-03-01", text: full))
        let rss = try await store.ingest(wire("rss", url: "https://a.example/1", published: "2025-03-01", text: "Drones shot down."))
        #expect(rss.document == .unchanged)
        #expect(try await store.document(id: "page")?.text == full)
        #expect(try await store.document(id: "rss") == nil)
    }

    @Test("an id is scoped by its source unless it names itself or its source already")
    func keys() {
        #expect(DocumentIdentity.key(id: "1", source: "kherson.jsonl") == "kherson.jsonl#1")
        #expect(DocumentIdentity.key(id: "1", source: "/data/2025/odesa.jsonl") == "odesa.jsonl#1")
        #expect(DocumentIdentity.key(id: "1", source: "data/") == "data#1")
        // A feed's guid is scoped by the feed's address; an item's link is an address of its own.
        #expect(DocumentIdentity.key(id: "item-7", source: "https://news.example/rss") == "https://news.example/rss#item-7")
        #expect(DocumentIdentity.key(id: "https://news.example/a/7", source: "https://news.example/rss") == "https://news.example/a/7")
        #expect(DocumentIdentity.key(id: "urn:uuid:0b1c", source: "crawl.warc.gz") == "urn:uuid:0b1c")
        // Files read from a directory or named on the command line are ids by their path already.
        #expect(DocumentIdentity.key(id: "news/a.html", source: "news") == "news/a.html")
        #expect(DocumentIdentity.key(id: "a.html", source: "a.html") == "a.html")
        #expect(DocumentIdentity.key(id: "news2/a.html", source: "news") == "news#news2/a.html")
        // Records of a file found under a directory: the directory's name and the file's path inside
        // it, whatever path the directory was given by; a file named on its own keeps its name.
        #expect(DocumentIdentity.key(id: "1", source: "inbox", file: "inbox/north.jsonl") == "inbox/north.jsonl#1")
        #expect(DocumentIdentity.key(id: "1", source: "/srv/inbox/", file: "/srv/inbox/2025/north.jsonl") == "inbox/2025/north.jsonl#1")
        #expect(DocumentIdentity.key(id: "1", source: ".", file: "./north.jsonl") == "north.jsonl#1")
        #expect(DocumentIdentity.key(id: "1", source: "north.jsonl", file: "north.jsonl") == "north.jsonl#1")
        // A page under the directory is named by its path already; a guid of a feed found there is scoped by the feed.
        #expect(DocumentIdentity.key(id: "inbox/a.html", source: "inbox", file: "inbox/a.html") == "inbox/a.html")
        #expect(DocumentIdentity.key(id: "guid-3", source: "inbox", file: "inbox/feeds/rss.xml") == "inbox/feeds/rss.xml#guid-3")
        // Standard input has no name to scope by, and a blank id stays blank to be refused.
        #expect(DocumentIdentity.key(id: "1", source: "-") == "1")
        #expect(DocumentIdentity.key(id: " ", source: "a.jsonl") == " ")
    }
}
