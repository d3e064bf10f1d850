import Foundation

/// The regular files under a directory, in byte order of their paths, walked on raw names: a name
/// that is not valid UTF-8 is still read (and reported lossily), and a folder or file that cannot be
/// read is reported, one line each, instead of ending the walk or vanishing from it.
///
/// ```swift
/// try await DirectoryWalk.files(under: Array("corpus".utf8), onError: report) { path in … }
/// ```
enum DirectoryWalk {
    /// Folders deeper than this are reported rather than entered (a safeguard, not a limit anyone meets).
    static let maxDepth = 64

    static func files(under root: [UInt8], onError: (InputError) -> Void, _ body: ([UInt8]) async throws -> Void) async rethrows {
        var visited = Set<[UInt64]>()
        try await walk(root, depth: 0, visited: &visited, onError: onError, body)
    }

    /// A path's bytes as a name for messages and document ids.
    static func name(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self) }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func walk(_ dir: [UInt8], depth: Int, visited: inout Set<[UInt64]>, onError: (InputError) -> Void,
                             _ body: ([UInt8]) async throws -> Void) async rethrows {
        guard depth <= maxDepth else {
            onError(InputError(input: name(dir), message: "folder nested more than \(maxDepth) deep; not read"))
            return
        }
        var info = stat()
        guard withCPath(dir, { stat($0, &info) }) == 0 else {
            onError(InputError(input: name(dir), message: "cannot be read: \(errorText(errno))"))
            return
        }
        // A symbolic link back up the tree would make the walk endless.
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        guard let handle = withCPath(dir, { opendir($0) }) else {
            onError(InputError(input: name(dir), message: "folder cannot be read: \(errorText(errno))"))
            return
        }
        var entries: [[UInt8]] = []
        while let entry = readdir(handle) {
            let entryName: [UInt8] = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            // Hidden files and folders (and `.`, `..`) are not articles.
            guard let first = entryName.first, first != 0x2E else { continue }
            entries.append(entryName)
        }
        closedir(handle)
        entries.sort { $0.lexicographicallyPrecedes($1) }
        for entryName in entries {
            let path = dir.last == 0x2F ? dir + entryName : dir + [0x2F] + entryName
            var sub = stat()
            guard withCPath(path, { stat($0, &sub) }) == 0 else {
                onError(InputError(input: name(path), message: "cannot be read: \(errorText(errno))"))
                continue
            }
            switch sub.st_mode & S_IFMT {
            case S_IFDIR: try await walk(path, depth: depth + 1, visited: &visited, onError: onError, body)
            case S_IFREG: try await body(path)
            default: continue  // sockets, pipes and devices hold no documents (and a pipe would block)
            }
        }
    }

    static func withCPath<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (path + [0]).withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
