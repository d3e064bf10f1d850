import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) for network tests: no outside traffic.
/// Routes map a path to a handler that sees the request headers.
final class LocalHTTPServer: @unchecked Sendable {
    struct Request {
        var path: String
        var headers: [String: String]
    }

    struct Reply {
        var status: Int = 200
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        /// Sent again and again after `body`, without a Content-Length, until the client hangs up
        /// (or 256 MB went out): a body with no end the client must cut itself.
        var endless: [UInt8]? = nil
    }

    private let lock = NSLock()
    private var routes: [String: (Request) -> Reply] = [:]
    private(set) var requests: [Request] = []
    private var sent: [String: Int] = [:]
    private var listener: Int32 = -1
    private(set) var port: UInt16 = 0

    var base: String { "http://127.0.0.1:\(port)" }

    init() throws {
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ServerError.socket }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw ServerError.socket }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &len) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    enum ServerError: Error { case socket }

    func route(_ path: String, _ handler: @escaping (Request) -> Reply) {
        lock.lock()
        routes[path] = handler
        lock.unlock()
    }

    /// Wakes the accept loop, which closes the listener itself: were it closed here, its number could
    /// be handed to the next test's listener while this loop still accepts on it.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                close(listener)
                return
            }
            handle(fd)
            close(fd)
        }
    }

    private func handle(_ fd: Int32) {
        var data: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while !data.suffix(4).elementsEqual([13, 10, 13, 10]) {
            let n = recv(fd, &buf, buf.count, 0)
            if n <= 0 { return }
            data.append(contentsOf: buf[0..<n])
            if data.count > 65536 { return }
        }
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let request = Request(path: String(parts[1]), headers: headers)
        lock.lock()
        requests.append(request)
        let handler = routes[request.path]
        lock.unlock()
        let reply = handler?(request) ?? Reply(status: 404, body: Array("not found".utf8))
        var head = "HTTP/1.1 \(reply.status) X\r\n" + (reply.endless == nil ? "Content-Length: \(reply.body.count)\r\n" : "") + "Connection: close\r\n"
        for (k, v) in reply.headers { head += "\(k): \(v)\r\n" }
        head += "\r\n"
        guard write(fd, Array(head.utf8) + reply.body, path: request.path), let more = reply.endless, !more.isEmpty else { return }
        for _ in 0..<((256 << 20) / more.count) where write(fd, more, path: request.path) {}
    }

    /// Sends all of `out`; false once the client is gone.
    private func write(_ fd: Int32, _ out: [UInt8], path: String) -> Bool {
        var done = 0
        while done < out.count {
            let n = out[done...].withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            done += n
            lock.withLock { sent[path, default: 0] += n }
        }
        return true
    }

    /// Bytes sent in answer to `path`, headers included.
    func bytesSent(_ path: String) -> Int {
        lock.withLock { sent[path] ?? 0 }
    }

    func requestCount(_ path: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return requests.filter { $0.path == path }.count
    }

    func lastRequest(_ path: String) -> Request? {
        lock.lock()
        defer { lock.unlock() }
        return requests.last { $0.path == path }
    }
}
