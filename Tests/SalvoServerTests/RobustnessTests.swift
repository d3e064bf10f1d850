import Foundation
import SalvoModel
import SalvoServer
import Testing

/// Sends raw bytes (which URLSession would escape or refuse) and returns the status line.
func rawRequest(_ base: URL, _ bytes: [UInt8]) throws -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(base.port ?? 80).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    _ = bytes.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, 0) }
    var reply: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while reply.firstIndex(of: 0x0D) == nil {
        let n = buffer.withUnsafeMutableBufferPointer { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { break }
        reply += buffer[0..<n]
    }
    return String(decoding: reply.prefix { $0 != 0x0D }, as: UTF8.self)
}

@Suite("The server survives any request")
struct RobustnessTests {
    struct Boom: Error {}

    static let failing = ClosureIngester { _ in throw Boom() }
    static let echo = ClosureIngester { d in
        ExtractedDocument(id: d.id, url: d.url, title: d.title, language: d.language, published: d.published, events: [])
    }

    static func document(_ id: String) -> Data {
        try! JSONSerialization.data(withJSONObject: ["id": id, "text": "Air defence was active over Kyiv at night."])
    }

    @Test("HEAD answers wherever GET does, without a body")
    func head() async throws {
        try await withRunningServer { base in
            for path in ["/api/events", "/api/events/ev-odesa", "/api/stats/daily", "/", "/openapi.yaml"] {
                let get = try await fetch(base, path)
                let head = try await fetch(base, path, method: "HEAD")
                #expect(head.status == get.status, "\(path)")
                #expect(head.body.isEmpty)
                #expect(head.header("Content-Type") == get.header("Content-Type"))
            }
            #expect(try await fetch(base, "/api/events/none", method: "HEAD").status == 404)
        }
    }

    @Test("a wrong method on a known path is 405 with Allow", arguments: [
        ("DELETE", "/api/events", "GET, HEAD"), ("PUT", "/api/events/ev-odesa", "GET, HEAD"),
        ("POST", "/api/search", "GET, HEAD"), ("PATCH", "/api/documents/a/b", "GET, HEAD"),
        ("GET", "/api/documents", "POST"), ("DELETE", "/static/app.js", "GET, HEAD"),
    ])
    func methodNotAllowed(_ method: String, _ path: String, _ allow: String) async throws {
        try await withRunningServer { base in
            let reply = try await fetch(base, path, method: method)
            #expect(reply.status == 405)
            #expect(reply.header("Allow") == allow)
            #expect((reply.json["error"] as? String)?.contains(method) == true)
            #expect(try await fetch(base, "/api/nowhere", method: method).status == 404)
        }
    }

    @Test("the Bearer scheme is matched whatever its case", arguments: ["Bearer", "bearer", "BEARER", "bEaReR"])
    func bearerCase(_ scheme: String) async throws {
        try await withRunningServer(token: "s3cret-token-1234", ingester: Self.echo) { base in
            let ok = try await fetch(base, "/api/documents", method: "POST",
                                     headers: ["Authorization": "\(scheme) s3cret-token-1234", "Content-Type": "application/json"],
                                     body: Self.document("case-\(scheme)"))
            #expect(ok.status == 201)
            let wrong = try await fetch(base, "/api/documents", method: "POST",
                                        headers: ["Authorization": "\(scheme) s3cret-token-123"], body: Self.document("x"))
            #expect(wrong.status == 401)
        }
    }

    @Test("a failure while handling a request is a JSON 500 for it; the next request is answered")
    func failureIsA500() async throws {
        try await withRunningServer(token: "s3cret-token-1234", ingester: Self.failing) { base in
            let reply = try await fetch(base, "/api/documents", method: "POST",
                                        headers: ["Authorization": "Bearer s3cret-token-1234"], body: Self.document("boom"))
            #expect(reply.status == 500)
            #expect(reply.json["error"] as? String == "internal error")
            #expect(try await fetch(base, "/api/events").status == 200)
        }
    }

    @Test("huge numbers, bad escapes and odd bytes in queries are 400s", arguments: [
        "/api/events?limit=99999999999999999999999999", "/api/events?offset=9223372036854775807",
        "/api/events?min_killed=-9223372036854775808", "/api/events?limit=1e3", "/api/events?since=%FF%FE",
        "/api/events?since=2024-02-30", "/api/events/%FF", "/api/documents/%C0%80", "/api/search?q=x&limit=18446744073709551616",
        "/api/events?%=%", "/api/events?limit=%00",
    ])
    func hostileQueries(_ path: String) async throws {
        try await withRunningServer { base in
            let reply = try await fetch(base, path)
            #expect(reply.status == 400, "\(path)")
            #expect((reply.json["error"] as? String)?.isEmpty == false)
        }
    }

    @Test("raw invalid UTF-8 and NUL bytes in the request line do not stop the server")
    func rawBytes() async throws {
        try await withRunningServer { base in
            let requests: [[UInt8]] = [
                Array("GET /api/events/".utf8) + [0xFF, 0xFE] + Array(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8),
                Array("GET /api/documents/".utf8) + [0xC0, 0x80, 0x2F, 0xFF] + Array(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8),
                Array("GET /api/events?since=".utf8) + [0xFF, 0x00] + Array(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8),
                [0x00, 0x01, 0x02] + Array("garbage\r\n\r\n".utf8),
            ]
            for request in requests {
                let status = try rawRequest(base, request)
                #expect(status.isEmpty || status.hasPrefix("HTTP/1.1 4"), "\(status)")
            }
            #expect(try await fetch(base, "/api/events").status == 200)
        }
    }
}
