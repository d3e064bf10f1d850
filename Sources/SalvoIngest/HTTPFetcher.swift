import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches web pages and feeds over HTTP(S): timeouts, a limit on redirects and on size, and
/// conditional GET (ETag / Last-Modified remembered in `cacheDirectory`) so a feed polled again
/// is only downloaded when it changed.
///
/// ```swift
/// let fetcher = HTTPFetcher(cacheDirectory: "/var/cache/salvo")
/// switch try fetcher.fetch("https://example.org/feed.xml") {
/// case .notModified: break
/// case .fetched(let response): print(response.body.count)
/// }
/// ```
public struct HTTPFetcher: Sendable {
    public var timeout: TimeInterval
    public var maxRedirects: Int
    public var maxBytes: Int
    /// Where validators (ETag, Last-Modified) are kept between runs; nil turns conditional GET off.
    public var cacheDirectory: String?
    public var userAgent: String

    public init(timeout: TimeInterval = 20, maxRedirects: Int = 5, maxBytes: Int = 64 << 20,
                cacheDirectory: String? = nil, userAgent: String = "Salvo/0.1 (+news reader)") {
        self.timeout = timeout
        self.maxRedirects = maxRedirects
        self.maxBytes = maxBytes
        self.cacheDirectory = cacheDirectory
        self.userAgent = userAgent
    }

    public struct Response: Sendable {
        /// The URL after redirects.
        public var url: String
        public var status: Int
        public var contentType: String?
        public var body: [UInt8]
    }

    public enum Outcome: Sendable {
        case fetched(Response)
        /// The server said the resource has not changed since the last fetch (HTTP 304).
        case notModified
    }

    public func fetch(_ urlString: String) throws(InputProblem) -> Outcome {
        var current = urlString
        var validators = loadValidators(urlString)
        for _ in 0...maxRedirects {
            guard let url = URL(string: current), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                throw InputProblem("not an http(s) URL: \(current)")
            }
            var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
            request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
            request.setValue("text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
                             forHTTPHeaderField: "Accept")
            if let etag = validators?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
            if let lm = validators?.lastModified { request.setValue(lm, forHTTPHeaderField: "If-Modified-Since") }
            let (data, response) = try perform(request)
            switch response.statusCode {
            case 304:
                return .notModified
            case 301, 302, 303, 307, 308:
                guard let location = response.value(forHTTPHeaderField: "Location"),
                      let next = URL(string: location, relativeTo: url)?.absoluteString else {
                    throw InputProblem("HTTP \(response.statusCode) without a Location")
                }
                current = next
                validators = nil  // validators belong to the URL first asked for only
                continue
            case 200..<300:
                guard data.count <= maxBytes else { throw InputProblem("response too large (\(data.count) bytes)") }
                saveValidators(urlString, etag: response.value(forHTTPHeaderField: "ETag"),
                               lastModified: response.value(forHTTPHeaderField: "Last-Modified"))
                return .fetched(Response(url: current, status: response.statusCode,
                                         contentType: response.value(forHTTPHeaderField: "Content-Type"), body: [UInt8](data)))
            default:
                throw InputProblem("HTTP \(response.statusCode)")
            }
        }
        throw InputProblem("more than \(maxRedirects) redirects")
    }

    private func perform(_ request: URLRequest) throws(InputProblem) -> (Data, HTTPURLResponse) {
        let box = ResultBox()
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout * 3
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.urlCache = nil
        let session = URLSession(configuration: config, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data, response, error)
        }
        task.resume()
        box.wait()
        let (data, response, error) = box.get()
        if let error {
            throw InputProblem("fetch failed: \(error.localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse else { throw InputProblem("no HTTP response") }
        return (data ?? Data(), http)
    }

    // MARK: - Validators for conditional GET

    struct Validators: Codable {
        var etag: String?
        var lastModified: String?
    }

    private func validatorPath(_ url: String) -> String? {
        guard let dir = cacheDirectory else { return nil }
        var hash: UInt64 = 0xcbf29ce484222325
        for b in url.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        return (dir as NSString).appendingPathComponent("http-" + String(hash, radix: 16) + ".json")
    }

    private func loadValidators(_ url: String) -> Validators? {
        guard let path = validatorPath(url), let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Validators.self, from: data)
    }

    private func saveValidators(_ url: String, etag: String?, lastModified: String?) {
        guard let path = validatorPath(url), etag != nil || lastModified != nil else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(Validators(etag: etag, lastModified: lastModified)) {
            _ = FileManager.default.createFile(atPath: path, contents: data)
        }
    }
}

/// Redirects are followed by `HTTPFetcher` itself, so that it can count them.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

/// The completion handler's result, handed from URLSession's queue to the waiting caller.
private final class ResultBox: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var data: Data?
    private var response: URLResponse?
    private var error: Error?

    func set(_ d: Data?, _ r: URLResponse?, _ e: Error?) {
        lock.lock()
        data = d; response = r; error = e
        lock.unlock()
        semaphore.signal()
    }

    func wait() { semaphore.wait() }

    func get() -> (Data?, URLResponse?, Error?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
