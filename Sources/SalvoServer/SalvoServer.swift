import Hummingbird
import Logging
import SalvoStore

/// The JSON API and the web page over one `EventStore`.
///
/// ```swift
/// let server = SalvoServer(store: store, configuration: ServerConfiguration(port: 8080))
/// try await server.application().runService()
/// ```
public struct SalvoServer: Sendable {
    public let store: any EventStore
    public let configuration: ServerConfiguration
    public let ingester: (any DocumentIngesting)?
    /// The stored (English) name of a place named in any spelling the CLI accepts ("Київ", "Kiev"),
    /// for `place=` filters; `nil` leaves names as given.
    public let placeName: (@Sendable (String) -> String?)?
    let assets: StaticAssets

    /// - Parameter ingester: how `POST /api/documents` extracts; ingest also needs `configuration.token`.
    public init(store: any EventStore, configuration: ServerConfiguration, ingester: (any DocumentIngesting)? = nil,
                placeName: (@Sendable (String) -> String?)? = nil) throws {
        self.store = store
        self.placeName = placeName
        self.configuration = configuration
        self.ingester = ingester
        self.assets = try StaticAssets.load()
    }

    /// The router with every route and middleware, for the application or a test.
    public func router() -> Router<BasicRequestContext> {
        // HEAD is answered wherever GET is: the same status and headers, no body.
        let router = Router(options: .autoGenerateHeadEndpoints)
        // Outermost first: CORS and security headers wrap everything, JSON error responses included.
        if let origin = configuration.corsOrigin {
            router.add(middleware: CORSMiddleware(allowOrigin: .custom(origin),
                                                  allowHeaders: [.accept, .authorization, .contentType],
                                                  allowMethods: [.get, .post, .options]))
        }
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware(routes: Self.routes))
        addAPIRoutes(to: router)
        assets.addRoutes(to: router)
        return router
    }

    /// - Parameter onServerRunning: called with the bound port once listening (useful with port 0).
    public func application(logger: Logger? = nil, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "salvo"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger ?? Logger(label: "salvo.serve")
        )
    }
}
