import Foundation

/// Validators for conditional GET, one small JSON file per URL in `cacheDirectory`.
extension HTTPFetcher {
    struct Validators: Codable {
        var etag: String?
        var lastModified: String?
    }

    private func validatorPath(_ url: String) -> String? {
        guard let dir = settings.cacheDirectory else { return nil }
        // FNV-1a: a stable file name per URL, not a secret.
        var hash: UInt64 = 0xcbf29ce484222325
        for b in url.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        return (dir as NSString).appendingPathComponent("http-" + String(hash, radix: 16) + ".json")
    }

    func loadValidators(_ url: String) -> Validators? {
        guard let path = validatorPath(url), let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Validators.self, from: data)
    }

    func saveValidators(_ url: String, etag: String?, lastModified: String?) {
        guard let path = validatorPath(url), etag != nil || lastModified != nil else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(Validators(etag: etag, lastModified: lastModified)) {
            _ = FileManager.default.createFile(atPath: path, contents: data)
        }
    }
}
