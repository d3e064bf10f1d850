import Foundation
import SalvoTestSupport
import Testing
@testable import SalvoStore

/// The PostgreSQL server the store tests run on: `SALVO_TEST_POSTGRES_URL` (set by
/// `scripts/pg-throwaway run`, which `scripts/test` uses), else a throwaway cluster this
/// process starts with that script when PostgreSQL's binaries are installed, else none.
enum TestPostgres {
    static let binaryExists: Bool = {
        let fm = FileManager.default
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        if path.contains(where: { fm.isExecutableFile(atPath: $0 + "/pg_ctl") }) { return true }
        let versions = (try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.contains { fm.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/pg_ctl") }
    }()

    static let url: String? = {
        if let url = ProcessInfo.processInfo.environment["SALVO_TEST_POSTGRES_URL"], !url.isEmpty { return url }
        guard binaryExists else {
            FileHandle.standardError.write(Data("""
                ******** NO POSTGRESQL BINARY (pg_ctl): the PostgreSQL runs of the store conformance suite are SKIPPED. \
                Install the Debian package postgresql, or set SALVO_TEST_POSTGRES_URL. ********

                """.utf8))
            return nil
        }
        return startCluster()
    }()

    /// The cluster this process started, stopped when it exits.
    nonisolated(unsafe) private static var ownCluster: String?

    private static func startCluster() -> String? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/pg-throwaway").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("salvo-test-pg-\(UUID().uuidString)").path
        // The URL comes back in a file, not a pipe: a pipe's end inherited by the server it starts
        // would keep it open for as long as the cluster runs, and reading it to its end would hang.
        let urlFile = dir + ".url"
        guard FileManager.default.createFile(atPath: urlFile, contents: nil), let out = FileHandle(forWritingAtPath: urlFile) else {
            return fail("cannot write \(urlFile)", dir: dir)
        }
        defer { try? FileManager.default.removeItem(atPath: urlFile) }
        let start: ChildProcess
        do {
            start = try ChildProcess(URL(fileURLWithPath: "/bin/bash"), [script, "start", dir],
                                     environment: ProcessInfo.processInfo.environment.merging(["PG_THROWAWAY_FAST": "1"]) { $1 },
                                     stdout: .file(out), stderr: .inherit)
        } catch { return fail("cannot run \(script): \(error)", dir: dir) }
        // pg_ctl waits at most 60 s for the server; initdb and createdb take seconds. A static
        // initializer cannot await: this blocks its thread, once per test process.
        guard let started = start.termination(blockingFor: 180) else {
            start.send(SIGTERM)
            return fail("scripts/pg-throwaway start took more than 180 s and was stopped", dir: dir)
        }
        try? out.close()
        guard started.succeeded else { return fail("scripts/pg-throwaway start exited \(started.status)", dir: dir) }
        let data = FileManager.default.contents(atPath: urlFile) ?? Data()
        ownCluster = dir
        atexit {
            guard let dir = TestPostgres.ownCluster else { return }
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("scripts/pg-throwaway").path
            guard let stop = try? ChildProcess(URL(fileURLWithPath: "/bin/bash"), [script, "stop", dir],
                                               stdout: .inherit, stderr: .inherit) else { return }
            // Bounded: a process exiting must not hang on its cleanup.
            _ = stop.termination(blockingFor: 60)
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Says loudly why there is no cluster, and gives a URL that fails every PostgreSQL test
    /// (rather than skipping them: PostgreSQL is installed, so they are meant to run).
    private static func fail(_ reason: String, dir: String) -> String {
        FileHandle.standardError.write(Data("******** TestPostgres: \(reason); every PostgreSQL run of the store tests will FAIL ********\n".utf8))
        return "postgres://unavailable@/salvo?host=\(dir)"
    }

    /// The URL with a schema of its own, so every test starts from an empty store.
    static func freshLocation() throws -> String {
        let base = try #require(url, "no PostgreSQL server for the tests")
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    static func freshStore() async throws -> PostgresEventStore {
        try await PostgresEventStore(location: PostgresLocation(freshLocation()))
    }
}

@Suite("PostgreSQL for the conformance suite")
struct PostgresAvailabilityTests {
    @Test("PostgreSQL is there for the conformance suite",
          .enabled(if: TestPostgres.binaryExists || ProcessInfo.processInfo.environment["SALVO_TEST_POSTGRES_URL"] != nil,
                   "NO POSTGRESQL BINARY: every PostgreSQL run of the store tests is SKIPPED"))
    func reachable() async throws {
        let store = try await TestPostgres.freshStore()
        #expect(try await store.events(matching: EventQuery()).isEmpty)
        await store.close()
    }

    @Test("postgres:// URLs: TCP, a socket directory, a schema; a bad schema name is refused")
    func locations() throws {
        let tcp = try PostgresLocation("postgres://salvo:secret@db.example:6543/news")
        #expect(tcp.host == "db.example" && tcp.port == 6543 && tcp.database == "news" && tcp.password == "secret")
        #expect(!tcp.description.contains("secret"))
        let local = try PostgresLocation("postgresql://salvo@/news?host=/run/pg&schema=shard_2")
        #expect(local.socketPath == "/run/pg/.s.PGSQL.5432" && local.schema == "shard_2" && local.host == nil)
        #expect(throws: PostgresLocation.Invalid.self) { try PostgresLocation("postgres://u@h/d?schema=x;drop") }
        #expect(EventStores.location(nil, environment: ["SALVO_DATABASE_URL": "postgres://a@b/c"]) == "postgres://a@b/c")
        #expect(EventStores.location("x.sqlite", environment: ["SALVO_DATABASE_URL": "postgres://a@b/c"]) == "x.sqlite")
        #expect(EventStores.location(nil, environment: [:]) == "salvo.sqlite")
    }
}
