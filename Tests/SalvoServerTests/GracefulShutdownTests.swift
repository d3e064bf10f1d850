import Foundation
import Logging
import SalvoModel
import SalvoServer
import SalvoTestSupport
import ServiceLifecycle
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A graceful shutdown while a request is in flight: the request is answered in full, nothing new
/// is accepted, and the run ends without an error.
@Suite("graceful shutdown")
struct GracefulShutdownTests {
    static func body(id: String) -> Data {
        try! JSONSerialization.data(withJSONObject: ["id": id, "published": "2024-12-20", "title": "Posted",
                                                     "text": "Russian drones hit Odesa overnight; two people were injured, the governor said."])
    }

    @Test("in process: ServiceGroup shutdown waits for the request being answered")
    func inProcess() async throws {
        let store = SampleStore()
        let (entered, enteredContinuation) = AsyncStream.makeStream(of: Void.self)
        // Holds the request in the handler long enough for the shutdown to begin under it.
        let slow = ClosureIngester { document in
            enteredContinuation.yield()
            Thread.sleep(forTimeInterval: 1)
            return ExtractedDocument(id: document.id, url: nil, title: document.title, language: "en",
                                     published: document.published, events: [Event(date: document.published, attacker: .russia)])
        }
        let token = "graceful-token-0123456789"
        let server = try SalvoServer(store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, token: token),
                                     ingester: slow)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "salvo.serve.test")
        logger.logLevel = .critical
        let app = server.application(logger: logger, onServerRunning: { portContinuation.yield($0) })
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let running = Task { try await group.run() }
        var portIterator = ports.makeAsyncIterator()
        let port = try #require(await portIterator.next())
        let base = URL(string: "http://127.0.0.1:\(port)")!

        let request = Task {
            try await fetch(base, "/api/documents", method: "POST", headers: ["Authorization": "Bearer \(token)"],
                            body: Self.body(id: "in-flight"))
        }
        var enteredIterator = entered.makeAsyncIterator()
        await enteredIterator.next()
        await group.triggerGracefulShutdown()
        // The listener is closed: a new client is refused while the old one is still served.
        #expect(await RawHTTP.refused(port: port), "connections were still accepted after the shutdown began")

        let reply = try await request.value
        #expect(reply.status == 201)
        #expect(reply.json["document"] as? String == "new")
        try await running.value
        #expect(try store.document(id: "in-flight") != nil)
    }

    @Test("salvo serve: SIGTERM during a request answers it, stores it, and exits 0",
          .enabled(if: SalvoCLI.url != nil, "needs the salvo binary: swift build"))
    func serveProcess() async throws {
        let dir = SalvoCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let token = "graceful-token-0123456789"
        let db = dir + "/s.sqlite"
        let (server, base) = try await ServeIsolationTests.serve(db: db, token: token)
        defer { server.send(SIGTERM) }
        let port = try #require(base.port)
        let body = [UInt8](Self.body(id: "posted-during-shutdown"))
        // Headers and half the body now, the rest after SIGTERM: the request is in flight when the signal comes.
        let connection = try #require(RawHTTP.connect(port: port))
        defer { close(connection) }
        let head = "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n" +
            "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        #expect(RawHTTP.send(connection, Array(head.utf8) + body.prefix(body.count / 2)))
        try await Task.sleep(for: .milliseconds(300))
        server.send(SIGTERM)
        #expect(await RawHTTP.refused(port: port), "connections were still accepted after SIGTERM")
        #expect(server.isRunning, "the server ended with a request in flight")
        #expect(RawHTTP.send(connection, Array(body.dropFirst(body.count / 2))))
        let reply = RawHTTP.receiveAll(connection)
        #expect(reply.hasPrefix("HTTP/1.1 201"), "\(reply.prefix(200))")
        let deadline = Date().addingTimeInterval(30)
        while server.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.isRunning)
        if !server.isRunning { #expect(await server.termination() == .init(status: 0, reason: .exit)) }
        // What was answered was stored: the event list of the database now has it.
        let events = try await SalvoCLI.run(["events", "--db", db, "--format", "json"])
        #expect(events.status == 0)
        #expect(events.stdout.contains("posted-during-shutdown"))
    }

    @Test("salvo watch: SIGTERM while waiting for the next cycle exits 0 at once",
          .enabled(if: SalvoCLI.url != nil, "needs the salvo binary: swift build"))
    func watchProcess() async throws {
        let dir = SalvoCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Drones hit Odesa overnight; two people were injured, the governor said.".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        try (dir + "/a.txt\n").write(toFile: dir + "/feeds.txt", atomically: true, encoding: .utf8)
        let p = try ChildProcess(try #require(SalvoCLI.url),
                                 ["watch", dir + "/feeds.txt", "--every", "1h", "--db", dir + "/w.sqlite"],
                                 stdout: .null, stderr: .pipe)
        defer { p.send(SIGTERM) }
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("watch: cycle 1"), Date() < deadline {
            let data = await ChildProcess.available(p.stderr)
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        #expect(seen.contains("watch: cycle 1"))
        let signalled = Date()
        p.send(SIGTERM)
        seen += String(decoding: await ChildProcess.readToEnd(p.stderr), as: UTF8.self)
        let ended = await p.termination()
        #expect(Date().timeIntervalSince(signalled) < 10)
        #expect(ended == .init(status: 0, reason: .exit))
        #expect(seen.contains("watch: stopped"))
    }
}

/// A bare HTTP/1.1 client over a socket, for sending a request in two halves.
enum RawHTTP {
    /// A connected socket, or nil when the connection is refused.
    static func connect(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Whether connections to `port` are refused within 10 s (a loaded machine may take a moment).
    static func refused(port: Int) async -> Bool {
        for _ in 0..<100 {
            guard let fd = connect(port: port) else { return true }
            close(fd)
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBufferPointer { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// Everything until the server closes the connection (it does after a shutdown), at most 10 s.
    static func receiveAll(_ fd: Int32) -> String {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
