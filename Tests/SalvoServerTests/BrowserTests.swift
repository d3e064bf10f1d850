import Foundation
import SalvoModel
import SalvoStore
import SalvoTestSupport
import Testing

/// Loads the page in real headless Chromium against a running server and checks the rendered DOM.
///
/// Skipped when no Chromium is installed, unless `SALVO_REQUIRE_BROWSER=1` (scripts/test-browser, CI)
/// makes that a failure. Screenshots go to `SALVO_SCREENSHOT_DIR` (default `.build/browser-test`).
@Suite("Web page in headless Chromium")
struct BrowserTests {
    static let chromium: String? = {
        if let path = ProcessInfo.processInfo.environment["CHROMIUM"] { return path }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static let required = ProcessInfo.processInfo.environment["SALVO_REQUIRE_BROWSER"] == "1"

    @Test("table, timeline chart, map and the event view render", .enabled(if: chromium != nil || required))
    func rendersPage() async throws {
        let chromium = try #require(Self.chromium, "no chromium found; install the Debian package `chromium`")
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SALVO_SCREENSHOT_DIR"] ?? ".build/browser-test")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        try await withRunningServer { base in
            let dom = try await Self.run(chromium, ["--dump-dom", base.absoluteString + "/"])
            #expect(dom.contains(#"<table id="events-table">"#))
            #expect(dom.contains(#"<tr data-id="ev-odesa""#), "the table has no row for the sample event")
            #expect(dom.contains(#"<svg id="timeline""#) && dom.contains(#"class="bar launched""#), "the timeline has no bars")
            #expect(dom.contains(#"class="bar intercepted""#) && dom.contains(#"class="bar killed""#))
            #expect(dom.contains(#"<svg id="map""#) && dom.contains(#"class="map-outline""#), "the map has no outline")
            #expect(dom.contains(#"class="map-event""#), "the map shows no event")
            #expect(!dom.contains(#"class="error""#), "the page reported an error")

            let eventURL = base.absoluteString + "/#event=ev-odesa"
            let eventDOM = try await Self.run(chromium, ["--dump-dom", eventURL])
            // Every figure's number is marked inside its source sentence: digits, separators, words.
            for number in [">52<", ">41<", ">three<", ">12<", ">1,200<"] {
                #expect(eventDOM.contains(number), "no highlight \(number)")
            }
            #expect(eventDOM.contains(#"data-side="UA""#) && eventDOM.contains(#"data-side="RU""#), "claims are not side by side")

            for (name, url) in [("page.png", base.absoluteString + "/"), ("event.png", eventURL)] {
                let file = folder.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: file)
                _ = try await Self.run(chromium, ["--screenshot=\(file.path)", "--window-size=1280,1700", url])
                #expect(FileManager.default.fileExists(atPath: file.path), "no screenshot at \(file.path)")
                print("screenshot: \(file.standardizedFileURL.path)")
            }
        }
    }

    /// Three reports of one strike, written for this test, whose death toll rises 3 → 7 → 23.
    static func risingToll() throws -> MemoryEventStore {
        let store = MemoryEventStore()
        let poltava = Place(name: "Poltava", admin1: "Poltava Oblast", country: "UA", lat: 49.589, lon: 34.551)
        for (id, day, killed, injured) in [("early", "2025-05-01", 3, 8), ("noon", "2025-05-01", 7, 19), ("next-day", "2025-05-02", 23, 40)] {
            let s = "The regional governor said \(killed) people were killed and \(injured) injured in Poltava (\(id) report)."
            let figures = [Figure(quantity: .killed, value: killed, place: "Poltava", claimant: .ukraine, claimantName: "governor", sentence: s, start: 0, end: s.utf8.count),
                           Figure(quantity: .injured, value: injured, place: "Poltava", claimant: .ukraine, claimantName: "governor", sentence: s, start: 0, end: s.utf8.count)]
            let event = Event(date: Day("2025-05-01"), attacker: .russia, places: [poltava], targets: ["residential"], figures: figures)
            let doc = Document(id: id, title: "Poltava strike, \(id)", language: "en", published: Day(day), text: s)
            _ = try store.ingest(doc, extracted: ExtractedDocument(id: id, url: nil, title: doc.title, language: "en", published: doc.published, events: [event]))
        }
        return store
    }

    @Test("the event view draws a claims-over-time line for a toll that rose", .enabled(if: chromium != nil || required))
    func claimsOverTime() async throws {
        let chromium = try #require(Self.chromium, "no chromium found; install the Debian package `chromium`")
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SALVO_SCREENSHOT_DIR"] ?? ".build/browser-test")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Self.risingToll()
        let events = try store.events(matching: EventQuery())
        #expect(events.count == 1, "the three reports are one event")
        let id = try #require(events.first?.id)
        try await withRunningServer(store: store) { base in
            let url = base.absoluteString + "/#event=\(id)"
            let dom = try await Self.run(chromium, ["--dump-dom", url])
            #expect(dom.contains("killed: 3 → 7 → 23"), "no claims-over-time line for the death toll")
            #expect(dom.contains("injured: 8 → 19 → 40"))
            #expect(dom.contains(#"class="claims-line""#), "no line drawn through the claims")
            #expect(dom.contains(#"id="headline-rule""#) && dom.contains("latest figure from the side that was attacked"))
            let file = folder.appendingPathComponent("claims-over-time.png")
            try? FileManager.default.removeItem(at: file)
            _ = try await Self.run(chromium, ["--screenshot=\(file.path)", "--window-size=1280,1700", url])
            #expect(FileManager.default.fileExists(atPath: file.path), "no screenshot at \(file.path)")
            print("screenshot: \(file.standardizedFileURL.path)")
        }
    }

    /// Runs Chromium headless without blocking a concurrency thread the server needs.
    static func run(_ chromium: String, _ arguments: [String]) async throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("salvo-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        // Virtual time lets the page's fetches and drawing finish before the DOM is dumped.
        let run = try await ChildProcess.run(URL(fileURLWithPath: chromium),
                                             ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                                              "--user-data-dir=\(profile.path)", "--virtual-time-budget=8000", "--hide-scrollbars"] + arguments,
                                             stderr: .null)
        return run.stdoutText
    }
}
