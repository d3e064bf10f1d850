/// Fetches http(s) inputs and followed feed links for `DocumentReader`.
///
/// The reader only parses; the transport lives in `SalvoHTTP` (`HTTPFetcher`, on AsyncHTTPClient), so
/// this module and the fuzzers built from it stay free of networking code.
///
/// ```swift
/// struct Canned: HTTPFetching {
///     func fetch(_ url: String, conditional: Bool) async throws(InputProblem) -> FetchOutcome {
///         .fetched(FetchedResource(url: url, status: 200, contentType: "text/plain", body: Array("Text.".utf8)))
///     }
/// }
/// ```
public protocol HTTPFetching: Sendable {
    /// - Parameter conditional: send the validators (ETag, Last-Modified) remembered from the last
    ///   fetch of `url`, so that an unchanged resource answers `.notModified`. A feed is polled that
    ///   way; a followed page is wanted whatever its validators say.
    func fetch(_ url: String, conditional: Bool) async throws(InputProblem) -> FetchOutcome
}

/// A fetched resource.
public struct FetchedResource: Sendable {
    /// The URL after redirects.
    public var url: String
    public var status: Int
    public var contentType: String?
    /// The body, with any `Content-Encoding` undone.
    public var body: [UInt8]

    public init(url: String, status: Int, contentType: String?, body: [UInt8]) {
        self.url = url
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

public enum FetchOutcome: Sendable {
    case fetched(FetchedResource)
    /// The server said the resource has not changed since the last fetch (HTTP 304).
    case notModified
}
