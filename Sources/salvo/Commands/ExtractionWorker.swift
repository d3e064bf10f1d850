import ArgumentParser
import Foundation
import SalvoExtract
import SalvoModel
import SalvoServer

/// `POST /api/documents` extracts in a child process, so that a document that makes extraction trap
/// (or hang) costs that request a JSON 500, not the server: Swift cannot catch a trap in-process.
/// One long-lived `salvo extract-worker` answers document after document, and is started again
/// when it has died.
final class ExtractionWorker: DocumentIngesting, @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Longest an extraction may take before the worker is stopped and the request fails.
    let timeout: Int32
    private let lock = NSLock()
    private var process: Process?
    private var input: FileHandle?
    private var output: Int32 = -1
    private var pending: [UInt8] = []

    init(timeoutSeconds: Int32 = 120) {
        timeout = timeoutSeconds * 1000
        // Writing to a worker that has just died must be an error, not a signal that ends the server.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit { stop() }

    func extract(_ document: Document) throws -> ExtractedDocument {
        lock.lock()
        defer { lock.unlock() }
        if process?.isRunning != true { try start() }
        var line = try JSONEncoder().encode(document)
        line.append(0x0A)
        do {
            try input?.write(contentsOf: line)
            let reply = try readLine()
            return try JSONDecoder().decode(ExtractedDocument.self, from: Data(reply))
        } catch let failure as Failure {
            stop()
            throw failure
        } catch {
            stop()
            throw Failure(description: "extraction worker: \(error)")
        }
    }

    private func start() throws {
        stop()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["extract-worker"]
        let toWorker = Pipe(), fromWorker = Pipe()
        p.standardInput = toWorker
        p.standardOutput = fromWorker
        try p.run()
        process = p
        input = toWorker.fileHandleForWriting
        output = fromWorker.fileHandleForReading.fileDescriptor
        // Keep the read end open for as long as the worker lives.
        readEnd = fromWorker.fileHandleForReading
        pending = []
    }

    private var readEnd: FileHandle?

    private func stop() {
        if let p = process, p.isRunning { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
        process = nil
        try? input?.close()
        input = nil
        readEnd = nil
        output = -1
        pending = []
    }

    /// One line of the worker's output, waiting at most `timeout`.
    private func readLine() throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let nl = pending.firstIndex(of: 0x0A) {
                let line = Array(pending[..<nl])
                pending.removeSubrange(...nl)
                return line
            }
            var fd = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, timeout)
            if ready == 0 { throw Failure(description: "extraction took longer than \(timeout / 1000) s; stopped") }
            if ready < 0 { if errno == EINTR { continue }; throw Failure(description: "extraction worker: poll failed") }
            let n = buffer.withUnsafeMutableBufferPointer { read(output, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Failure(description: "extraction worker stopped on this document") }
            pending += buffer[0..<n]
        }
    }
}

/// `salvo extract-worker`: the child of `salvo serve` that extracts one JSON document per line of
/// standard input and answers each with one line of the extract contract.
struct ExtractWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract-worker", shouldDisplay: false)

    func run() throws {
        let extractor = Extractor()
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let line = readLine(strippingNewline: true) {
            var reply: Data
            if let document = try? decoder.decode(Document.self, from: Data(line.utf8)) {
                reply = try encoder.encode(extractor.extract(document))
            } else {
                reply = Data(#"{"error": "not a document"}"#.utf8)
            }
            reply.append(0x0A)
            FileHandle.standardOutput.write(reply)
        }
    }
}
