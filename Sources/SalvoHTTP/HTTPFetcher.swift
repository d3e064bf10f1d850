import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import SalvoIngest

/// Fetches web pages and feeds over HTTP(S) with AsyncHTTPClient: timeouts, a limit on redirects
/// and on size (the body is streamed and dropped at the limit), gzip/deflate undone, and conditional
/// GET (ETag / Last-Modified remembered in `cacheDirectory`) so that a feed polled again is only
/// downloaded when it changed.
///
/// The fetcher owns one `HTTPClient` (its connection pool); `withFetcher` shuts it down when the
/// work is done, whether it ended well or not:
///
/// ```swift
/// try await HTTPFetcher.withFetcher(.init(cacheDirectory: "/var/cache/salvo")) { fetcher in
///     switch try await fetcher.fetch("https://example.org/feed.xml", conditional: true) {
///     case .notModified: break
///     case .fetched(let resource): print(resource.body.count)
///     }
/// }
/// ```
public struct HTTPFetcher: HTTPFetching {
    public struct Settings: Sendable {
        /// Seconds to connect, and seconds of silence while reading; the whole fetch gets three times this.
        public var timeout: Double
        public var maxRedirects: Int
        /// The most bytes of one body, on the wire and once decompressed.
        public var maxBytes: Int
        /// Where validators (ETag, Last-Modified) are kept between runs; nil turns conditional GET off.
        public var cacheDirectory: String?
        public var userAgent: String

        public init(timeout: Double = 20, maxRedirects: Int = 5, maxBytes: Int = 64 << 20,
                    cacheDirectory: String? = nil, userAgent: String = "Salvo/0.1 (+news reader)") {
            self.timeout = timeout
            self.maxRedirects = maxRedirects
            self.maxBytes = maxBytes
            self.cacheDirectory = cacheDirectory
            self.userAgent = userAgent
        }
    }

    public let settings: Settings
    private let client: HTTPClient

    /// Call `shutdown()` when done (or use `withFetcher`): the client's connections stay open until then.
    public init(_ settings: Settings = Settings()) {
        self.settings = settings
        let milliseconds = Int64(max(settings.timeout, 0.001) * 1000)
        var configuration = HTTPClient.Configuration(
            // Redirects are followed here, not by the client: each hop is counted, and validators
            // belong to the URL first asked for only.
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(milliseconds), read: .milliseconds(milliseconds)),
            decompression: .enabled(limit: .size(settings.maxBytes))
        )
        configuration.httpVersion = .automatic
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Runs `body` with a fetcher and shuts its client down afterwards, also when `body` throws.
    public static func withFetcher<T: Sendable>(_ settings: Settings = Settings(),
                                                _ body: (HTTPFetcher) async throws -> T) async throws -> T {
        let fetcher = HTTPFetcher(settings)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(fetcher))
        } catch {
            result = .failure(error)
        }
        try await fetcher.shutdown()
        return try result.get()
    }

    /// Closes the client's connections; fetches after this fail.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func fetch(_ url: String, conditional: Bool) async throws(InputProblem) -> FetchOutcome {
        let deadline = NIODeadline.now() + .milliseconds(Int64(settings.timeout * 3000))
        var current = url
        var validators = conditional ? loadValidators(url) : nil
        for _ in 0...settings.maxRedirects {
            guard let parsed = URL(string: current), let scheme = parsed.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", parsed.host != nil else {
                throw InputProblem(current == url ? "not an http(s) URL" : "redirected to \(current), not an http(s) URL")
            }
            var request = HTTPClientRequest(url: current)
            request.headers.add(name: "User-Agent", value: settings.userAgent)
            request.headers.add(name: "Accept", value: "text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
            if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
            if let lm = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: lm) }
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, deadline: deadline)
            } catch {
                throw problem(error, at: current, original: url)
            }
            let status = Int(response.status.code)
            switch status {
            case 304:
                return .notModified
            case 301, 302, 303, 307, 308:
                guard let location = response.headers.first(name: "Location"),
                      let next = URL(string: location, relativeTo: parsed)?.absoluteString else {
                    throw InputProblem("HTTP \(status) without a Location" + Self.at(current, original: url))
                }
                current = next
                validators = nil
                continue
            case 200..<300:
                let body = try await read(response, deadline: deadline, at: current, original: url)
                if conditional {
                    saveValidators(url, etag: response.headers.first(name: "ETag"),
                                   lastModified: response.headers.first(name: "Last-Modified"))
                }
                return .fetched(FetchedResource(url: current, status: status,
                                                contentType: response.headers.first(name: "Content-Type"), body: body))
            default:
                throw InputProblem("HTTP \(status)" + Self.at(current, original: url))
            }
        }
        throw InputProblem("more than \(settings.maxRedirects) redirects")
    }

    /// The body, chunk by chunk; reading stops (and the connection is dropped) at `maxBytes`.
    private func read(_ response: HTTPClientResponse, deadline: NIODeadline, at current: String,
                      original: String) async throws(InputProblem) -> [UInt8] {
        let limit = settings.maxBytes
        let tooLarge = InputProblem("response too large (more than \(limit) bytes)" + Self.at(current, original: original))
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > limit { throw tooLarge }
        var body: [UInt8] = []
        do {
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= limit else { throw tooLarge }
                body.append(contentsOf: chunk.readableBytesView)
                // The read timeout catches a silent server; this catches one that trickles.
                if NIODeadline.now() > deadline { throw problem(HTTPClientError.deadlineExceeded, at: current, original: original) }
            }
        } catch let problem as InputProblem {
            throw problem
        } catch {
            throw problem(error, at: current, original: original)
        }
        return body
    }

    /// One line saying why a fetch failed, in words rather than as an error type.
    private func problem(_ error: any Error, at current: String, original: String) -> InputProblem {
        InputProblem("fetch failed: " + reason(error) + Self.at(current, original: original))
    }

    private func reason(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout: return "no connection within \(Self.seconds(settings.timeout)) s"
            case .readTimeout: return "no data for \(Self.seconds(settings.timeout)) s"
            case .deadlineExceeded: return "not complete within \(Self.seconds(settings.timeout * 3)) s"
            case .remoteConnectionClosed: return "the server closed the connection"
            case .cancelled: return "cancelled"
            case .alreadyShutdown: return "the HTTP client is shut down"
            default: return "\(error)"
            }
        case is CancellationError: return "cancelled"
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return reason(first.error) }
            return "cannot resolve the host"
        case let error as IOError: return "cannot connect (\(String(cString: strerror(error.errnoCode))))"
        case let error as NIOHTTPDecompression.DecompressionError:
            if case .limit = error { return "response too large once decompressed (more than \(settings.maxBytes) bytes)" }
            return "damaged compressed body (\(error))"
        default: return "\(error)"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Names the URL a redirect led to; the URL asked for is named by the caller's error line.
    private static func at(_ current: String, original: String) -> String {
        current == original ? "" : " (at \(current))"
    }
}
