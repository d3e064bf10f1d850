import Foundation
@testable import SalvoIngest

/// The readers that stream (WARC, JSON Lines) read from a file: each input is written to one
/// scratch file per process, rewritten in place. In memory (`/dev/shm`) where there is one: on
/// disk, the rewrites cost more than the reading.
enum ScratchFile {
    static let path: String = {
        var isDir: ObjCBool = false
        let dir = FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDir) && isDir.boolValue
            && access("/dev/shm", W_OK) == 0 ? "/dev/shm" : NSTemporaryDirectory()
        return dir + "/salvo-fuzz-\(getpid()).bin"
    }()

    static func stream(_ bytes: [UInt8], chunkSize: Int) -> ByteStream? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return nil }
            done += n
        }
        return try? ByteStream(path: path, chunkSize: chunkSize)
    }
}
