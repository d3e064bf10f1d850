import Foundation
import Hummingbird
import SalvoModel
import SalvoStore

/// `GET /api/events/{id}`: the event with every claim, and the documents behind it (without their text).
struct EventDetail: Encodable {
    var event: StoredEvent
    var sources: [Source]

    struct Source: Encodable {
        var id: String
        var url: String?
        var title: String?
        var language: String?
        var published: Day?
    }
}

/// The optional `source` of a posted document: who numbered its `id` (a feeder, a crawl).
struct PostedSource: Decodable {
    var source: String?
}

/// `id` is the key the document is stored and served under.
struct IngestReply: Encodable {
    var id: String
    var document: String
    var eventsCreated: Int
    var eventsUpdated: Int

    enum CodingKeys: String, CodingKey { case id, document, eventsCreated = "events_created", eventsUpdated = "events_updated" }
}

extension SalvoServer {
    static let maxIDLength = 1000
    static let maxSearchHits = 100

    /// Every route and its methods (HEAD goes with GET); `addAPIRoutes` and `StaticAssets.addRoutes` register them.
    static let routes = [
        Route("/api/events", .get), Route("/api/events/{id}", .get),
        Route("/api/documents", .post), Route("/api/documents/**", .get),
        Route("/api/stats/daily", .get), Route("/api/search", .get),
        Route("/", .get), Route("/openapi.yaml", .get), Route("/static/{name}", .get),
    ]

    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/events") { request, _ in try await listEvents(request) }
        router.get("/api/events/{id}") { request, context in
            try await showEvent(id: Self.decodedID(context.parameters.get("id").map { Substring($0) } ?? ""))
        }
        // Document ids are often paths (`feeds/a.xml#3`), so take the rest of the path, slashes included.
        router.get("/api/documents/**") { request, _ in
            try await showDocument(id: Self.decodedID(Substring(request.uri.path.dropFirst("/api/documents/".count))))
        }
        router.get("/api/stats/daily") { request, _ in try await dailyStats(request) }
        router.get("/api/search") { request, _ in try await search(request) }
        router.post("/api/documents") { request, context in try await ingest(request, context: context) }
    }

    static func decodedID(_ raw: Substring) throws -> String {
        guard let id = String(raw).removingPercentEncoding, !id.isEmpty, id.utf8.count <= maxIDLength else {
            throw APIError.badRequest("not a valid id")
        }
        return id
    }

    func listEvents(_ request: Request) async throws -> Response {
        var query = try EventQuery(QueryParameters(request, allowed: EventQuery.parameterNames))
        normalizePlace(&query)
        let limit = query.limit ?? EventQuery.defaultLimit
        // One more than asked tells whether a next page exists without counting every match.
        query.limit = limit + 1
        var events = try await store.eventsJSON(matching: query)
        let more = events.count > limit
        if more { events.removeLast(events.count - limit) }
        var w = JSONWriter(capacity: events.reduce(64) { $0 + $1.utf8.count + 1 })
        w.object { w in
            // Each event is kept as JSON by the store; it is copied in, not decoded and written again.
            w.field("events") { w in w.array { w in for e in events { w.json(e) } } }
            w.field("limit") { $0.int(limit) }
            w.field("offset") { $0.int(query.offset) }
            w.field("next_offset") { $0.optional(more ? query.offset + limit : nil) { $0.int($1) } }
        }
        return JSONResponse.make(bytes: w.bytes)
    }

    func showEvent(id: String) async throws -> Response {
        guard let event = try await store.event(id: id) else { throw APIError.notFound("no event with id '\(id.prefix(100))'") }
        var sources: [EventDetail.Source] = []
        for documentID in event.documents {
            if let d = try await store.document(id: documentID) {
                sources.append(.init(id: d.id, url: d.url, title: d.title, language: d.language, published: d.published))
            } else {
                sources.append(.init(id: documentID))
            }
        }
        return JSONResponse.make(EventDetail(event: event, sources: sources))
    }

    func showDocument(id: String) async throws -> Response {
        guard let document = try await store.document(id: id) else { throw APIError.notFound("no document with id '\(id.prefix(100))'") }
        return JSONResponse.make(document)
    }

    /// Places are stored by English name; other spellings go through `placeName`.
    func normalizePlace(_ query: inout EventQuery) {
        if let name = query.place, let english = placeName?(name) { query.place = english }
    }

    func dailyStats(_ request: Request) async throws -> Response {
        let allowed: Set<String> = ["since", "until", "place", "attacker", "weapon", "min_killed", "text"]
        var query = try EventQuery(QueryParameters(request, allowed: allowed))
        normalizePlace(&query)
        query.limit = nil
        return JSONResponse.make(["days": try await store.dailyStats(matching: query)])
    }

    func search(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: ["q", "limit"])
        guard let q = parameters.string("q"), !q.allSatisfy({ $0.isWhitespace }) else {
            throw APIError.badRequest("q: a search text is required")
        }
        let limit = try parameters.int("limit", in: 1...Self.maxSearchHits) ?? 20
        return JSONResponse.make(["hits": try await store.search(text: q, limit: limit)])
    }

    func ingest(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let token = configuration.token, let ingester else {
            throw APIError(.forbidden, "ingest is disabled: start the server with --token")
        }
        guard let authorization = request.headers[.authorization], let presented = Self.bearerToken(authorization),
              Self.constantTimeEqual(Array(presented.utf8), Array(token.utf8)) else {
            throw APIError(.unauthorized, "a valid 'Authorization: Bearer TOKEN' header is required",
                           headers: [.wwwAuthenticate: "Bearer"])
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "body larger than \(configuration.maxBodyBytes) bytes")
        }
        var document: Document
        let source: String?
        do {
            let data = Data(buffer: body)
            document = try JSONDecoder().decode(Document.self, from: data)
            source = try JSONDecoder().decode(PostedSource.self, from: data).source
        } catch {
            throw APIError.badRequest("body is not a document {\"id\", \"source\"?, \"url\"?, \"published\"?, \"language\"?, \"title\"?, \"text\"}")
        }
        guard !document.id.isEmpty, document.id.utf8.count <= Self.maxIDLength else { throw APIError.badRequest("id: 1 to \(Self.maxIDLength) bytes") }
        guard source?.utf8.count ?? 0 <= Self.maxIDLength else { throw APIError.badRequest("source: at most \(Self.maxIDLength) bytes") }
        guard !document.text.isEmpty else { throw APIError.badRequest("text: empty") }
        // The caller's `source` scopes its ids as a file's name scopes its records' (`feeder#17`),
        // so two feeders that both number from 1 post two documents; without one the id is the key.
        document.id = DocumentIdentity.key(id: document.id, source: source)
        let outcome = try await store.ingest(document, extracted: ingester.extract(document))
        try await store.completeEventJSON()
        return JSONResponse.make(IngestReply(id: document.id, document: outcome.document.rawValue,
                                             eventsCreated: outcome.eventsCreated, eventsUpdated: outcome.eventsUpdated),
                                 status: outcome.document == .new ? .created : .ok)
    }

    /// The token of an `Authorization: Bearer TOKEN` header; the scheme name is case-insensitive (RFC 9110 §11.1).
    static func bearerToken(_ header: String) -> Substring? {
        let trimmed = header.drop { $0 == " " || $0 == "\t" }
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }),
              trimmed[..<space].lowercased() == "bearer" else { return nil }
        var token = trimmed[space...].drop { $0 == " " || $0 == "\t" }
        while let last = token.last, last == " " || last == "\t" { token = token.dropLast() }
        return token.isEmpty ? nil : token
    }

    /// Compares without an early exit, so response time says nothing about how much of the token matched.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}

extension EventDetail.Source {
    init(id: String) { self.init(id: id, url: nil, title: nil, language: nil, published: nil) }
}
