import Foundation
import Testing
@testable import SalvoIngest
import SalvoModel

/// A temporary directory for one test, removed afterwards.
struct TempDir {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("salvo-ingest-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = url.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)
            ?? Bundle.module.url(forResource: name, withExtension: nil))
        return [UInt8](try Data(contentsOf: url))
    }
}

/// Everything a reader produced for one input.
struct ReadResult {
    var documents: [Document] = []
    var errors: [InputError] = []
}

extension DocumentReader {
    func collect(_ input: String) async -> ReadResult {
        var r = ReadResult()
        await read(input, onError: { r.errors.append($0) }) { r.documents.append($0) }
        return r
    }
}
