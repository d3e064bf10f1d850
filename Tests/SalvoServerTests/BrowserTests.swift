import Foundation
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

    /// Runs Chromium headless without blocking a concurrency thread the server needs.
    static func run(_ chromium: String, _ arguments: [String]) async throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("salvo-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        // Virtual time lets the page's fetches and drawing finish before the DOM is dumped.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)", "--virtual-time-budget=8000", "--hide-scrollbars"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let data: Data = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    try process.run()
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: data)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        return String(decoding: data, as: UTF8.self)
    }
}
