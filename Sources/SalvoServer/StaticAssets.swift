import Foundation
import Hummingbird

/// The page, its script and data, read once from the bundle into memory.
///
/// Requests are answered by exact name from this table, never by building a file path, so
/// `/static/../../etc/passwd` cannot reach the file system: it is simply not a key.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var bytes: ByteBuffer
        var contentType: String
    }

    var assets: [String: Asset]

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8", "json": "application/json", "yaml": "application/yaml; charset=utf-8",
        "svg": "image/svg+xml",
    ]

    static func load() throws -> StaticAssets {
        // `.copy("Resources")` lands in different places per platform (Linux: the bundle folder itself
        // is searched as resources); take the first candidate that holds the page.
        let candidates = [Bundle.module.resourceURL, Bundle.module.resourceURL?.appendingPathComponent("Resources"),
                          Bundle.module.bundleURL.appendingPathComponent("Resources")].compactMap { $0 }
        guard let folder = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("index.html").path) }) else {
            throw APIError(.internalServerError, "the server's resources (index.html) are missing beside the binary: \(Bundle.module.bundlePath)")
        }
        var assets: [String: Asset] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let ext = (name as NSString).pathExtension
            guard let type = contentTypes[ext] else { continue }
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            assets[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: type)
        }
        return StaticAssets(assets: assets)
    }

    func response(_ name: String) throws -> Response {
        guard let asset = assets[name] else { throw APIError.notFound("no such file") }
        return Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
                        body: .init(byteBuffer: asset.bytes))
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try response("index.html") }
        router.get("/openapi.yaml") { _, _ in try response("openapi.yaml") }
        router.get("/static/{name}") { _, context in try response(context.parameters.get("name") ?? "") }
    }
}
