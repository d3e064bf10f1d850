/// How `salvo serve` listens and what it allows.
///
/// ```swift
/// var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)   // 0: an ephemeral port
/// configuration.token = "s3cret"            // enables POST /api/documents
/// configuration.corsOrigin = "https://example.org"
/// ```
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Bearer token for `POST /api/documents`; `nil` keeps the server read-only.
    public var token: String?
    /// The one origin allowed by CORS; `nil` sends no CORS headers at all.
    public var corsOrigin: String?
    /// Largest accepted request body (ingest), in bytes.
    public var maxBodyBytes: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
                corsOrigin: String? = nil, maxBodyBytes: Int = 1 << 20) {
        self.host = host
        self.port = port
        self.token = token
        self.corsOrigin = corsOrigin
        self.maxBodyBytes = maxBodyBytes
    }
}
