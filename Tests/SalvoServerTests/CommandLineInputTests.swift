import Foundation
import SalvoTestSupport
import Testing

/// The salvo binary beside the tests (or in .build/debug), for running it as a user does.
enum SalvoCLI {
    static let url: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("salvo"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("salvo"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/salvo"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    static func run(_ args: [String], input: [UInt8]? = nil) async throws -> Run {
        let run = try await ChildProcess.run(try #require(url), args, input: input.map { Data($0) })
        return Run(status: run.status, stdout: run.stdoutText, stderr: run.stderrText)
    }

    static func temporaryFolder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("salvo-cli-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

@Suite("salvo with damaged and hostile input", .enabled(if: SalvoCLI.url != nil, "needs the salvo binary: swift build"))
struct CommandLineInputTests {
    /// One extracted record; `value`, `lat` and `lon` as JSON text so that out-of-range numbers can be written.
    static func record(_ id: String, value: String = "3", lat: String = "46.97", lon: String = "31.99") -> String {
        #"{"id": "\#(id)", "url": null, "title": "Night attack", "language": "en", "published": "2024-11-17", "events": [{"date": "2024-11-17", "attacker": "RU", "places": [{"name": "Mykolaiv", "geonameid": 700569, "admin1": null, "country": "UA", "lat": \#(lat), "lon": \#(lon)}], "targets": [], "figures": [{"quantity": "killed", "weapon": null, "model": null, "value": \#(value), "qualifier": "exact", "place": "Mykolaiv", "date": null, "claimant": "UA", "claimant_name": null, "sentence": "Three people were killed in Mykolaiv.", "start": 0, "end": 37}]}], "text": "Three people were killed in Mykolaiv. Report \#(id)."}"#
    }

    @Test("ingest --extracted refuses negative, huge and out-of-range numbers one line each and stores the rest")
    func extractedValidation() async throws {
        let dir = SalvoCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = [
            Self.record("good-1"),
            Self.record("negative", value: "-4"),
            Self.record("huge", value: "9223372036854775807"),
            Self.record("north", lat: "1e308"),
            Self.record("west", lon: "-181"),
            Self.record("good-2", value: "12"),
            #"{"id": "x", "events": 5}"#,
        ]
        let input = dir + "/extracted.jsonl"
        try lines.joined(separator: "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let run = try await SalvoCLI.run(["ingest", "--extracted", input, "--db", dir + "/t.sqlite"])
        #expect(run.status == 1)
        let errors = run.stderrLines.filter { $0.hasPrefix("salvo: ") }
        #expect(errors.count == 5)
        for (line, words) in [(2, "negative value -4"), (3, "larger than"), (4, "latitude"), (5, "longitude"), (7, "not an extracted-document record")] {
            #expect(errors.contains { $0.hasPrefix("salvo: \(input):\(line): ") && $0.contains(words) }, "line \(line)")
        }
        #expect(run.stderr.contains("documents: 2 new"))
    }

    @Test("JSON Lines on standard input with a byte-order mark and a stray byte are read")
    func standardInput() async throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"id": "s1", "published": "Sun, 17 Nov 2024 08:30:00 +0200", "text": "Drones hit Odesa."}"#.utf8)
            + [0x0A] + Array(#"{"id": "s2", "published": 1731825000, "text": "Missiles "#.utf8) + [0xFF] + Array(#" hit Lviv."}"#.utf8)
        let run = try await SalvoCLI.run(["extract", "-"], input: input)
        #expect(run.status == 0)
        let records = run.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(records.map { $0["id"] as? String } == ["s1", "s2"])
        #expect(records.map { $0["published"] as? String } == ["2024-11-17", "2024-11-17"])
        #expect(run.stderrLines == ["salvo: -:2: warning: invalid UTF-8 at byte 149 replaced by U+FFFD"])
    }

    @Test("extract reads every readable input of a folder, reports each bad one, and exits 1")
    func extractFolder() async throws {
        let dir = SalvoCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Drones hit Odesa overnight, the governor said.".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: dir + "/empty.txt", contents: Data())
        _ = FileManager.default.createFile(atPath: dir + "/binary.txt", contents: Data([0, 1, 2, 3, 0xFF, 0]))
        _ = FileManager.default.createFile(atPath: dir + "/stray.txt", contents: Data(Array("Missiles hit Lviv ".utf8) + [0xC0] + Array(" at dawn.".utf8)))
        _ = FileManager.default.createFile(atPath: dir + "/cut.txt.gz", contents: Data([0x1F, 0x8B, 0x08, 0x00, 0x00]))
        try FileManager.default.createSymbolicLink(atPath: dir + "/gone.txt", withDestinationPath: dir + "/nowhere")
        let run = try await SalvoCLI.run(["extract", dir])
        #expect(run.status == 1)
        let ids = run.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }.compactMap { ($0["id"] as? String).map { ($0 as NSString).lastPathComponent } }
        #expect(ids == ["a.txt", "stray.txt"])
        for name in ["empty.txt", "binary.txt", "cut.txt.gz", "gone.txt"] {
            #expect(run.stderrLines.contains { $0.hasPrefix("salvo: \(dir)/\(name): ") }, "\(name)")
        }
        #expect(run.stderrLines.contains { $0.hasPrefix("salvo: \(dir)/stray.txt: warning: invalid UTF-8 at byte 18") })
    }
}

@Suite("salvo serve extracts in a child process", .enabled(if: SalvoCLI.url != nil, "needs the salvo binary: swift build"))
struct ServeIsolationTests {
    /// Starts `salvo serve` on a free port; returns the process and its base URL once it listens.
    static func serve(db: String, token: String) async throws -> (ChildProcess, URL) {
        let p = try ChildProcess(try #require(SalvoCLI.url), ["serve", "--db", db, "--port", "0", "--token", token],
                                 stdout: .null, stderr: .pipe)
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = await ChildProcess.available(p.stderr)
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: "http://127.0.0.1:"), let end = seen[range.upperBound...].firstIndex(of: "/") {
                return (p, URL(string: "http://127.0.0.1:" + seen[range.upperBound..<end])!)
            }
        }
        p.send(SIGTERM)
        throw CocoaError(.fileReadUnknown)
    }

    /// Child processes, whichever thread started them.
    static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { Int32($0) }
        }
    }

    @Test("a worker that dies costs at most its request; the server goes on")
    func workerDeath() async throws {
        let dir = SalvoCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let token = "isolation-token-0123456789"
        let (server, base) = try await Self.serve(db: dir + "/s.sqlite", token: token)
        // Not awaited when the test fails early: the signal alone ends the server.
        defer { server.send(SIGTERM) }
        func post(_ id: String, _ text: String) async throws -> Int {
            let body = try JSONSerialization.data(withJSONObject: ["id": id, "text": text])
            return try await fetch(base, "/api/documents", method: "POST", headers: ["Authorization": "Bearer \(token)"], body: body).status
        }
        #expect(try await post("first", "Drones hit Odesa overnight; two people were injured.") == 201)
        let workers = Self.children(of: server.pid)
        #expect(workers.count == 1)
        for pid in workers { kill(pid, SIGKILL) }
        // Figures too large for any integer: extraction may refuse them, but the server must answer.
        let odd = try await post("odd", "Russia launched 9999999999999 million drones; 0.30000000000000004 were shot down.")
        #expect(odd == 201 || odd == 500)
        #expect(try await post("second", "Missiles hit Lviv at dawn; one person was injured.") == 201)
        #expect(server.isRunning)
        #expect(try await fetch(base, "/api/events").status == 200)
        server.send(SIGTERM)
        #expect(await server.termination().succeeded)
    }
}
