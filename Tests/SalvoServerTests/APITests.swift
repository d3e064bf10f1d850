import Foundation
import SalvoModel
import SalvoServer
import Testing

@Suite("JSON API on a running server")
struct APITests {
    @Test("GET /api/events pages, filters and sorts")
    func listEvents() async throws {
        try await withRunningServer { base in
            let all = try await fetch(base, "/api/events")
            #expect(all.status == 200)
            #expect(all.header("Content-Type")?.hasPrefix("application/json") == true)
            let events = all.json["events"] as? [[String: Any]] ?? []
            #expect(events.map { $0["id"] as? String } == ["ev-lviv", "ev-kharkiv", "ev-odesa"])
            #expect(all.json["next_offset"] is NSNull)

            let page = try await fetch(base, "/api/events?limit=2&offset=0&sort=date")
            #expect((page.json["events"] as? [[String: Any]])?.map { $0["id"] as? String } == ["ev-odesa", "ev-kharkiv"])
            #expect(page.json["next_offset"] as? Int == 2)
            let second = try await fetch(base, "/api/events?limit=2&offset=2&sort=date")
            #expect((second.json["events"] as? [[String: Any]])?.count == 1)

            let filtered = try await fetch(base, "/api/events?since=2024-11-01&until=2024-11-30&place=Odesa&attacker=RU&weapon=drone&min_killed=1&text=shot%20down")
            #expect(filtered.status == 200)
            #expect((filtered.json["events"] as? [[String: Any]])?.map { $0["id"] as? String } == ["ev-odesa"])

            let killed = try await fetch(base, "/api/events?sort=-killed&limit=1")
            #expect((killed.json["events"] as? [[String: Any]])?.first?["id"] as? String == "ev-odesa")
        }
    }

    @Test("bad filters answer 400 with a JSON message", arguments: [
        "since=2024-13-01", "since=yesterday", "until=2024-11-01&since=2024-12-01", "attacker=XX",
        "weapon=laser", "min_killed=-1", "min_killed=many", "limit=0", "limit=100000", "offset=-5",
        "sort=place", "colour=red", "limit=5&limit=6",
    ])
    func badFilter(_ parameters: String) async throws {
        try await withRunningServer { base in
            let reply = try await fetch(base, "/api/events?" + parameters)
            #expect(reply.status == 400)
            #expect((reply.json["error"] as? String)?.isEmpty == false)
        }
    }

    @Test("GET /api/events/{id} gives claims, sentences and sources; unknown ids are 404")
    func showEvent() async throws {
        try await withRunningServer { base in
            let reply = try await fetch(base, "/api/events/ev-odesa")
            #expect(reply.status == 200)
            let event = reply.json["event"] as? [String: Any] ?? [:]
            let figures = event["figures"] as? [[String: Any]] ?? []
            #expect(figures.count == 5)
            #expect(figures.contains { $0["claimant"] as? String == "RU" && $0["value"] as? Int == 1200 && $0["document"] as? String == "feeds/b.xml#2" })
            #expect(figures.allSatisfy { ($0["sentence"] as? String)?.isEmpty == false && $0["start"] is Int && $0["end"] is Int })
            let sources = reply.json["sources"] as? [[String: Any]] ?? []
            #expect(sources.map { $0["title"] as? String } == ["Night attack on the south", "Claims from Moscow"])

            let missing = try await fetch(base, "/api/events/ev-nowhere")
            #expect(missing.status == 404)
            #expect((missing.json["error"] as? String)?.contains("ev-nowhere") == true)
        }
    }

    @Test("GET /api/documents/{id} takes ids with slashes; unknown ids are 404")
    func showDocument() async throws {
        try await withRunningServer { base in
            let plain = try await fetch(base, "/api/documents/doc-a")
            #expect(plain.status == 200)
            #expect(plain.json["text"] as? String == SampleStore.s1 + " " + SampleStore.s2)
            #expect(plain.json["eventIDs"] as? [String] == ["ev-odesa"])
            let slashed = try await fetch(base, "/api/documents/feeds/b.xml%232")
            #expect(slashed.status == 200)
            #expect(slashed.json["id"] as? String == "feeds/b.xml#2")
            let missing = try await fetch(base, "/api/documents/nope")
            #expect(missing.status == 404)
            #expect(missing.json["error"] != nil)
        }
    }

    @Test("GET /api/stats/daily gives per-day, per-weapon rows and honours filters")
    func dailyStats() async throws {
        try await withRunningServer { base in
            let reply = try await fetch(base, "/api/stats/daily?since=2024-11-01")
            #expect(reply.status == 200)
            let days = reply.json["days"] as? [[String: Any]] ?? []
            let odesaDrones = days.filter { $0["date"] as? String == "2024-11-17" && $0["weapon"] as? String == "drone" }
            #expect(odesaDrones.reduce(0) { $0 + ($1["launched"] as? Int ?? 0) } == 52)
            #expect(odesaDrones.reduce(0) { $0 + ($1["intercepted"] as? Int ?? 0) } == 41)
            #expect(days.contains { $0["date"] as? String == "2024-12-10" && $0["weapon"] as? String == "cruise_missile" })
            let onlyDecember = try await fetch(base, "/api/stats/daily?since=2024-12-01")
            #expect((onlyDecember.json["days"] as? [[String: Any]] ?? []).allSatisfy { ($0["date"] as? String ?? "") >= "2024-12-01" })
            #expect(try await fetch(base, "/api/stats/daily?limit=3").status == 400)
        }
    }

    @Test("GET /api/search needs q and returns hits")
    func search() async throws {
        try await withRunningServer { base in
            let reply = try await fetch(base, "/api/search?q=Moscow")
            #expect(reply.status == 200)
            #expect((reply.json["hits"] as? [[String: Any]])?.map { $0["id"] as? String } == ["feeds/b.xml#2"])
            #expect(try await fetch(base, "/api/search").status == 400)
            #expect(try await fetch(base, "/api/search?q=%20%20").status == 400)
            #expect(try await fetch(base, "/api/search?q=x&limit=1000").status == 400)
            let long = String(repeating: "a", count: 600)
            #expect(try await fetch(base, "/api/search?q=\(long)").status == 400)
        }
    }

    @Test("GET /openapi.yaml names every endpoint")
    func openAPI() async throws {
        try await withRunningServer { base in
            let reply = try await fetch(base, "/openapi.yaml")
            #expect(reply.status == 200)
            #expect(reply.text.hasPrefix("openapi: 3"))
            for path in ["/api/events:", "/api/events/{id}:", "/api/documents/{id}:", "/api/stats/daily:", "/api/search:", "/api/documents:"] {
                #expect(reply.text.contains("  \(path)"), "missing \(path)")
            }
        }
    }

    @Test("unknown routes and static names are JSON 404s; no way out of the asset table")
    func notFound() async throws {
        try await withRunningServer { base in
            for path in ["/api/nothing", "/static/missing.js", "/static/..%2f..%2fPackage.swift", "/static/%2e%2e%2fapp.js", "/etc/passwd"] {
                let reply = try await fetch(base, path)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.json["error"] != nil, "\(path): \(reply.text)")
            }
        }
    }

    @Test("the page and its assets are served with a strict content security policy")
    func page() async throws {
        try await withRunningServer { base in
            let page = try await fetch(base, "/")
            #expect(page.status == 200)
            #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(page.text.contains("id=\"events-table\""))
            #expect(page.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(try await fetch(base, "/static/app.js").header("Content-Type")?.hasPrefix("text/javascript") == true)
            let map = try await fetch(base, "/static/ukraine-map.json")
            #expect((map.json["outline"] as? String)?.hasPrefix("M") == true)
        }
    }

    @Test("CORS headers only when an origin is configured")
    func cors() async throws {
        try await withRunningServer { base in
            let reply = try await fetch(base, "/api/events", headers: ["Origin": "https://elsewhere.example"])
            #expect(reply.header("Access-Control-Allow-Origin") == nil)
        }
        try await withRunningServer(cors: "https://maps.example") { base in
            let reply = try await fetch(base, "/api/events", headers: ["Origin": "https://maps.example"])
            #expect(reply.header("Access-Control-Allow-Origin") == "https://maps.example")
        }
    }
}

@Suite("Hand-written event JSON")
struct EventJSONTests {
    @Test("the events list writes what StoredEvent's Codable conformance writes")
    func matchesCodable() async throws {
        var tricky = SampleStore.sampleEvents[0]
        // Quotes, backslashes, control characters and non-ASCII must survive the byte writer.
        tricky.targets = ["quote \" backslash \\ tab \t newline \n bell \u{07}", "Київ — Херсоні"]
        tricky.places[0].lat = 46.47712345678
        tricky.places[0].geonameid = nil
        let events = [tricky] + SampleStore.sampleEvents.dropFirst()
        try await withRunningServer(store: SampleStore(events: events)) { base in
            let reply = try await fetch(base, "/api/events?sort=date&limit=50")
            let written = try #require(reply.json["events"] as? [[String: Any]])
            let expected = try JSONSerialization.jsonObject(with: JSONEncoder().encode(events)) as? [[String: Any]]
            #expect(written.count == 3)
            for (a, b) in zip(written, try #require(expected)) {
                #expect(NSDictionary(dictionary: a).isEqual(to: b), "\(a["id"] ?? "?")")
            }
        }
    }
}
