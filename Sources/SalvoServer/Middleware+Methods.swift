import Hummingbird

/// The methods each route answers, so that a known path asked with another method is a `405` with an
/// `Allow` header rather than a `404` that says the path does not exist.
struct Route: Sendable {
    /// Path segments; `{…}` matches one segment, `**` one or more.
    var segments: [Substring]
    var methods: [HTTPRequest.Method]

    init(_ path: String, _ methods: HTTPRequest.Method...) {
        segments = path.split(separator: "/")
        self.methods = methods
    }

    func matches(_ path: [Substring]) -> Bool {
        var i = 0
        for segment in segments {
            if segment == "**" { return i < path.count }
            guard i < path.count, segment.hasPrefix("{") || segment == path[i] else { return false }
            i += 1
        }
        return i == path.count
    }
}

struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: [Route]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path.split(separator: "/")
        let matching = routes.filter { $0.matches(path) }
        guard !matching.isEmpty else { return try await next(request, context) }
        var allowed = matching.flatMap(\.methods)
        if allowed.contains(.get) { allowed.append(.head) }
        guard allowed.contains(request.method) || request.method == .options else {
            let names = allowed.map(\.rawValue).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            throw APIError(.methodNotAllowed, "\(request.method.rawValue) is not allowed here; use \(names.joined(separator: " or "))",
                           headers: [.allow: names.joined(separator: ", ")])
        }
        return try await next(request, context)
    }
}
