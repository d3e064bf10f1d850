import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import SalvoServer
import SalvoStore

/// Runs a real `SalvoServer` on 127.0.0.1 with an ephemeral port for the length of `body`.
func withRunningServer(store: any EventStore = SampleStore(), token: String? = nil, cors: String? = nil,
                       ingester: (any DocumentIngesting)? = nil,
                       _ body: @escaping @Sendable (URL) async throws -> Void) async throws {
    let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, token: token, corsOrigin: cors, maxBodyBytes: 64 * 1024)
    let server = try SalvoServer(store: store, configuration: configuration, ingester: ingester)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    var quiet = Logger(label: "salvo.serve.test")
    // Cancelling the server at the end of each test logs shutdown noise at error level.
    quiet.logLevel = .critical
    let app = server.application(logger: quiet, onServerRunning: { port in continuation.yield(port) })
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        defer { group.cancelAll() }
        try await body(URL(string: "http://127.0.0.1:\(port)")!)
    }
}

struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: Data

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
}

func fetch(_ base: URL, _ path: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) async throws -> HTTPReply {
    var request = URLRequest(url: URL(string: base.absoluteString + path)!)
    request.httpMethod = method
    request.httpBody = body
    for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    var fields: [String: String] = [:]
    for (k, v) in http.allHeaderFields { fields[String(describing: k)] = String(describing: v) }
    return HTTPReply(status: http.statusCode, headers: fields, body: data)
}
