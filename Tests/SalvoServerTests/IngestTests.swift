import Foundation
import SalvoModel
import SalvoServer
import Testing

@Suite("POST /api/documents")
struct IngestTests {
    /// Stands in for the extractor: one event per document, dated by publication.
    static let ingester = ClosureIngester { document in
        ExtractedDocument(id: document.id, url: document.url, title: document.title, language: document.language,
                          published: document.published, events: [Event(date: document.published, attacker: .russia)])
    }

    static func body(id: String = "posted-1", text: String = "Sirens sounded in Sumy at dawn.") -> Data {
        try! JSONSerialization.data(withJSONObject: ["id": id, "published": "2024-12-20", "title": "Posted", "text": text])
    }

    @Test("disabled without --token")
    func disabled() async throws {
        try await withRunningServer(ingester: Self.ingester) { base in
            let reply = try await fetch(base, "/api/documents", method: "POST", headers: ["Content-Type": "application/json"], body: Self.body())
            #expect(reply.status == 403)
            #expect(reply.json["error"] != nil)
        }
    }

    @Test("needs the matching bearer token", arguments: [nil, "Bearer wrong", "Bearer s3cret-but-longer", "Basic s3cret", "s3cret"])
    func unauthorized(_ authorization: String?) async throws {
        try await withRunningServer(token: "s3cret", ingester: Self.ingester) { base in
            var headers = ["Content-Type": "application/json"]
            headers["Authorization"] = authorization
            let reply = try await fetch(base, "/api/documents", method: "POST", headers: headers, body: Self.body())
            #expect(reply.status == 401)
            #expect(reply.header("WWW-Authenticate") == "Bearer")
        }
    }

    @Test("ingests with the token, then the event and document are served")
    func ingest() async throws {
        try await withRunningServer(token: "s3cret", ingester: Self.ingester) { base in
            let headers = ["Content-Type": "application/json", "Authorization": "Bearer s3cret"]
            let reply = try await fetch(base, "/api/documents", method: "POST", headers: headers, body: Self.body())
            #expect(reply.status == 201)
            #expect(reply.json["document"] as? String == "new")
            #expect(reply.json["events_created"] as? Int == 1)
            let again = try await fetch(base, "/api/documents", method: "POST", headers: headers, body: Self.body())
            #expect(again.status == 200)
            #expect(try await fetch(base, "/api/documents/posted-1").json["title"] as? String == "Posted")
            #expect(try await fetch(base, "/api/events?since=2024-12-20").json["events"] as? [[String: Any]] != nil)
        }
    }

    @Test("a posted source scopes the id as a file's name scopes its records'")
    func scopedBySource() async throws {
        try await withRunningServer(token: "s3cret", ingester: Self.ingester) { base in
            let headers = ["Content-Type": "application/json", "Authorization": "Bearer s3cret"]
            func post(_ source: String, _ text: String) throws -> Data {
                try JSONSerialization.data(withJSONObject: ["id": "1", "source": source, "published": "2024-12-21", "text": text])
            }
            // Two feeders that both number from 1: two documents, each under its feeder's name.
            let a = try await fetch(base, "/api/documents", method: "POST", headers: headers,
                                    body: try post("feeder-a", "A shell hit a school in Kupiansk; the building was empty."))
            let b = try await fetch(base, "/api/documents", method: "POST", headers: headers,
                                    body: try post("feeder-b", "Air defence worked over Poltava at night, the mayor posted."))
            #expect(a.status == 201)
            #expect(b.status == 201)
            #expect(a.json["id"] as? String == "feeder-a#1")
            #expect(b.json["id"] as? String == "feeder-b#1")
            #expect(try await fetch(base, "/api/documents/feeder-b%231").json["text"] as? String
                    == "Air defence worked over Poltava at night, the mayor posted.")
            #expect(try await fetch(base, "/api/documents/1").status == 404)
            // A source that is not a string is a bad body, not an unscoped id.
            let bad = try JSONSerialization.data(withJSONObject: ["id": "2", "source": 7, "text": "Sirens in Izium."])
            #expect(try await fetch(base, "/api/documents", method: "POST", headers: headers, body: bad).status == 400)
        }
    }

    @Test("rejects bad and oversized bodies")
    func badBodies() async throws {
        try await withRunningServer(token: "s3cret", ingester: Self.ingester) { base in
            let headers = ["Content-Type": "application/json", "Authorization": "Bearer s3cret"]
            #expect(try await fetch(base, "/api/documents", method: "POST", headers: headers, body: Data("{not json".utf8)).status == 400)
            #expect(try await fetch(base, "/api/documents", method: "POST", headers: headers, body: Self.body(text: "")).status == 400)
            #expect(try await fetch(base, "/api/documents", method: "POST", headers: headers, body: Self.body(id: "")).status == 400)
            let huge = Self.body(text: String(repeating: "Drones over the city. ", count: 4000))
            let reply = try await fetch(base, "/api/documents", method: "POST", headers: headers, body: huge)
            #expect(reply.status == 413)
            #expect(reply.json["error"] != nil)
        }
    }
}
