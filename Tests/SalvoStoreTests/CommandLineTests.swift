import Foundation
import SalvoModel
import SalvoTestSupport
import Testing

/// `salvo ingest`, `events` and `show` as a user runs them.
@Suite("salvo ingest / events / show", .enabled(if: SalvoBinary.url != nil, "needs the salvo binary: swift build"))
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func salvo(_ args: [String]) async throws -> Run {
        let run = try await ChildProcess.run(try #require(SalvoBinary.url), args)
        return Run(status: run.status, stdout: run.stdoutText, stderr: run.stderrText)
    }

    /// Two outlets on one night over Kyiv, one shelling report from Kherson, and a broken line.
    func input() throws -> (jsonl: String, db: String) {
        let path = TemporaryFile.path("extracted.jsonl")
        let encoder = JSONEncoder()
        let s1 = "Russia launched 60 drones overnight; four people were killed in Kyiv, the city administration said."
        let s2 = "Kyiv's mayor said four people died after the drone attack."
        let s3 = "Shelling wounded three residents of Kherson."
        let docs = [
            ExtractedDocument(id: "one", url: "https://a.example/1", title: "Night attack", language: "en", published: Day("2025-02-10"),
                              events: [Event(date: Day("2025-02-10"), attacker: .russia, places: [Places.ukraine, Places.kyiv],
                                             figures: [figure(.launched, 60, .drone, sentence: s1), figure(.killed, 4, place: "Kyiv", sentence: s1)])],
                              text: s1),
            ExtractedDocument(id: "two", url: "https://b.example/2", title: "Kyiv", language: "en", published: Day("2025-02-10"),
                              events: [Event(date: Day("2025-02-10"), attacker: .russia, places: [Places.kyiv],
                                             figures: [figure(.killed, 4, place: "Kyiv", sentence: s2)])],
                              text: s2),
            ExtractedDocument(id: "three", url: "https://c.example/3", title: "Kherson", language: "en", published: Day("2025-02-10"),
                              events: [Event(date: Day("2025-02-10"), attacker: .russia, places: [Places.kherson],
                                             figures: [figure(.injured, 3, place: "Kherson", sentence: s3)])],
                              text: s3),
        ]
        var text = try docs.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
        text += "\n{ not json\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, (path as NSString).deletingLastPathComponent + "/cli.sqlite")
    }

    @Test("ingest reports a bad line, stores the rest, and a re-run changes nothing")
    func ingest() async throws {
        let (jsonl, db) = try input()
        let first = try await salvo(["ingest", "--extracted", jsonl, "--db", db])
        #expect(first.status == 1)
        #expect(first.stdout.isEmpty)
        #expect(first.stderr.contains(":4:"))
        #expect(first.stderr.contains("documents: 3 new, 0 updated, 0 unchanged, 1 failed; events: 2 new, 1 updated, 0 merged"))
        let again = try await salvo(["ingest", "--extracted", jsonl, "--db", db])
        #expect(again.stderr.contains("documents: 0 new, 0 updated, 3 unchanged, 1 failed; events: 0 new, 0 updated, 0 merged"))
    }

    @Test("events as JSON, CSV and GeoJSON; show prints claims and sentences")
    func formats() async throws {
        let (jsonl, db) = try input()
        _ = try await salvo(["ingest", "--extracted", jsonl, "--db", db])

        let json = try await salvo(["events", "--db", db, "--place", "Kyiv", "--format", "json"])
        #expect(json.status == 0)
        let events = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(events.count == 1)
        // Record ids are scoped by the file they came from.
        #expect(Set(events.first?["documents"] as? [String] ?? []) == ["extracted.jsonl#one", "extracted.jsonl#two"])
        let figures = events.first?["figures"] as? [[String: Any]] ?? []
        #expect(figures.allSatisfy { $0["document"] is String && $0["sentence"] is String })

        // Places are stored by English name; other spellings go through the gazetteer.
        let cyrillic = try await salvo(["events", "--db", db, "--place", "Київ", "--format", "jsonl"])
        #expect(cyrillic.stdout.split(separator: "\n").count == 1)

        let csv = try await salvo(["events", "--db", db, "--format", "csv", "--sort", "date"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("event_id_cnty,event_date,event_type,sub_event_type,actor1,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,launched,intercepted,injured") == true)
        #expect(lines.count == 3)

        let geo = try await salvo(["events", "--db", db, "--format", "geojson", "--text", "wounded"])
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(geo.stdout.utf8)) as? [String: Any])
        #expect((collection["features"] as? [Any])?.count == 1)

        let id = try #require(events.first?["id"] as? String)
        let show = try await salvo(["show", id, "--db", db])
        #expect(show.stdout.contains("Kyiv's mayor said four people died"))
        #expect(show.stdout.contains("killed"))
        #expect(try await salvo(["show", "99999", "--db", db]).status == 1)
    }

    @Test("two files that both number their records from 1 hold two documents; remove takes the scoped id")
    func idsScopedByFile() async throws {
        let encoder = JSONEncoder()
        let dir = (TemporaryFile.path("scoped.jsonl") as NSString).deletingLastPathComponent
        let db = dir + "/scoped.sqlite"
        let texts = ["Shelling wounded three residents of Kherson on Monday, the governor wrote.",
                     "A drone hit a warehouse in Odesa; two guards were injured, the police said."]
        for (name, text) in zip(["kherson.jsonl", "odesa.jsonl"], texts) {
            let doc = ExtractedDocument(id: "1", url: nil, title: nil, language: "en", published: Day("2025-02-10"),
                                        events: [Event(date: Day("2025-02-10"), attacker: .russia, places: [Places.kherson],
                                                       figures: [figure(.injured, 3, place: "Kherson", sentence: text)])],
                                        text: text)
            try String(decoding: try encoder.encode(doc), as: UTF8.self).write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        let run = try await salvo(["ingest", "--extracted", dir + "/kherson.jsonl", dir + "/odesa.jsonl", "--db", db])
        #expect(run.stderr.contains("documents: 2 new, 0 updated, 0 unchanged, 0 failed"), "\(run.stderr)")
        // Read from another working directory's path, the same file keeps its keys.
        let again = try await salvo(["ingest", "--extracted", dir + "/../" + (dir as NSString).lastPathComponent + "/odesa.jsonl", "--db", db])
        #expect(again.stderr.contains("documents: 0 new, 0 updated, 1 unchanged"), "\(again.stderr)")
        let removed = try await salvo(["remove", "odesa.jsonl#1", "--db", db])
        #expect(removed.status == 0)
        #expect(removed.stdout == "removed odesa.jsonl#1\n")
        let events = try await salvo(["events", "--db", db, "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(events.stdout.utf8)) as? [[String: Any]])
        #expect(list.flatMap { $0["documents"] as? [String] ?? [] } == ["kherson.jsonl#1"])
    }

    @Test("JSON Lines files found in a directory scope their ids by their path inside it")
    func idsScopedInDirectory() async throws {
        let root = (TemporaryFile.path("inbox") as NSString).deletingLastPathComponent
        let inbox = root + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox + "/2025", withIntermediateDirectories: true)
        // Two exporters that both number their records from 1, one of them in a subfolder.
        let north = #"{"id": "1", "published": "2025-02-11", "text": "A drone struck a depot near Sumy overnight; nobody was hurt, the regional council wrote."}"#
        let south = #"{"id": "1", "published": "2025-02-12", "text": "Two people were injured when shells hit Nikopol on Wednesday, the district chief said."}"#
        try (north + "\n").write(toFile: inbox + "/north.jsonl", atomically: true, encoding: .utf8)
        try (south + "\n").write(toFile: inbox + "/2025/south.jsonl", atomically: true, encoding: .utf8)
        let db = root + "/inbox.sqlite"
        let run = try await salvo(["ingest", inbox, "--db", db])
        #expect(run.stderr.contains("documents: 2 new, 0 updated, 0 unchanged, 0 failed"), "\(run.stderr)")
        // The same folder by another path: the same keys, nothing new.
        let again = try await salvo(["ingest", root + "/../" + (root as NSString).lastPathComponent + "/inbox/", "--db", db])
        #expect(again.stderr.contains("documents: 0 new, 0 updated, 2 unchanged"), "\(again.stderr)")
        #expect(try await salvo(["remove", "inbox/2025/south.jsonl#1", "--db", db]).stdout == "removed inbox/2025/south.jsonl#1\n")
        #expect(try await salvo(["remove", "inbox/north.jsonl#1", "--db", db]).stdout == "removed inbox/north.jsonl#1\n")
        #expect(try await salvo(["remove", "inbox#1", "--db", db]).status != 0)
    }
}
