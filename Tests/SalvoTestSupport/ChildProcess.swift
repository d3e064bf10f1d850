import Foundation
import Synchronization

/// A child process of a test, started so that tests running side by side cannot wedge each
/// other, and awaited without holding one of the few threads Swift concurrency has.
///
/// Foundation on Linux makes a child's pipes, and the socket through which it learns that the
/// child has exited, without close-on-exec, and closes them in the child only if they were open
/// when that child's launch began. A child that one test starts while another test is starting
/// its own can therefore inherit the other's pipe ends and exit socket: the other test then waits
/// for an end of file, or an exit, until this child ends, and this child may be a server waiting
/// for that test. Every child here is started under one lock, from its pipes to its launch.
///
/// `waitUntilExit()` and a pipe read to its end block their thread; on two cores the cooperative
/// pool is two threads, and two tests blocked that way stop every other test in the process,
/// including the in-process server a child may be talking to. Here both happen off the pool.
///
/// ```swift
/// let run = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "--version"])
/// #expect(run.termination.status == 0)
/// ```
package final class ChildProcess: Sendable {
    /// Where a standard stream of the child goes.
    package enum Stream: Sendable {
        case pipe, null, inherit
        /// An open file the child writes to (or reads from, for its input).
        case file(FileHandle)
    }

    /// How the child ended.
    package struct Termination: Sendable, Equatable {
        package var status: Int32
        package var reason: Process.TerminationReason
        package init(status: Int32, reason: Process.TerminationReason) {
            self.status = status
            self.reason = reason
        }
        package var succeeded: Bool { reason == .exit && status == 0 }
    }

    /// What a child that has run to its end wrote.
    package struct Output: Sendable {
        package var termination: Termination
        package var stdout: Data
        package var stderr: Data
        package var status: Int32 { termination.status }
        package var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        package var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    private static let launching = Mutex(())

    /// The write end of the child's standard input, when it is a pipe.
    package let stdin: FileHandle?
    /// The read ends of the child's standard output and error, when they are pipes.
    package let stdout: FileHandle?
    package let stderr: FileHandle?
    package let pid: Int32
    private let exit: ExitState

    /// Starts `executable` with `arguments` (and `environment`, else this process's).
    package init(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                 stdin: Stream = .null, stdout: Stream = .pipe, stderr: Stream = .pipe) throws {
        let exit = ExitState()
        self.exit = exit
        (self.stdin, self.stdout, self.stderr, pid) = try Self.launching.withLock { _ in
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            if let environment { process.environment = environment }
            // A stream and, for a pipe, the end this process keeps.
            func attach(_ stream: Stream, inherited: FileHandle, keepReadEnd: Bool) -> (Any, FileHandle?) {
                switch stream {
                case .inherit: return (inherited, nil)
                case .null: return (FileHandle.nullDevice, nil)
                case .file(let handle): return (handle, nil)
                case .pipe:
                    let pipe = Pipe()
                    return (pipe, keepReadEnd ? pipe.fileHandleForReading : pipe.fileHandleForWriting)
                }
            }
            let input = attach(stdin, inherited: .standardInput, keepReadEnd: false)
            let output = attach(stdout, inherited: .standardOutput, keepReadEnd: true)
            let error = attach(stderr, inherited: .standardError, keepReadEnd: true)
            process.standardInput = input.0
            process.standardOutput = output.0
            process.standardError = error.0
            // Set before the launch, so that an exit however quick is not missed.
            process.terminationHandler = { exit.finish(Termination(status: $0.terminationStatus, reason: $0.terminationReason)) }
            try process.run()
            return (input.1, output.1, error.1, process.processIdentifier)
        }
    }

    /// Whether the child has not been seen to exit yet.
    package var isRunning: Bool { exit.termination == nil }

    /// Sends `signal` to the child, unless it has exited.
    package func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for the child to exit.
    package func termination() async -> Termination {
        await exit.wait()
    }

    /// Waits at most `timeout` seconds, blocking the calling thread: for code that cannot await
    /// (a static initializer). `nil` when the child is still running.
    package func termination(blockingFor timeout: Double) -> Termination? {
        exit.wait(blockingFor: timeout)
    }

    /// Runs the child to its end, reading its output and error at once (so that neither pipe
    /// fills while the other is read), with `input` written to its standard input.
    package static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                            input: Data? = nil, stderr: Stream = .pipe) async throws -> Output {
        let child = try ChildProcess(executable, arguments, environment: environment,
                                     stdin: input == nil ? .null : .pipe, stdout: .pipe, stderr: stderr)
        async let out = readToEnd(child.stdout)
        async let err = readToEnd(child.stderr)
        if let input, let handle = child.stdin {
            try await offPool {
                defer { try? handle.close() }
                return Result { try handle.write(contentsOf: input) }
            }.get()
        }
        let (o, e) = await (out, err)
        return Output(termination: await child.termination(), stdout: o, stderr: e)
    }

    /// Everything `handle` gives until its end, read on a thread outside the cooperative pool.
    package static func readToEnd(_ handle: FileHandle?) async -> Data {
        guard let handle else { return Data() }
        return await offPool { handle.readDataToEndOfFile() }
    }

    /// What `handle` has now, or waits for; empty at its end. Off the cooperative pool.
    package static func available(_ handle: FileHandle?) async -> Data {
        guard let handle else { return Data() }
        return await offPool { handle.availableData }
    }

    private static func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}

/// The child's exit, once the termination handler has seen it, and who waits for it.
private final class ExitState: Sendable {
    private struct State {
        var termination: ChildProcess.Termination?
        var waiting: [CheckedContinuation<ChildProcess.Termination, Never>] = []
    }
    private let state = Mutex(State())
    private let exited = DispatchSemaphore(value: 0)

    var termination: ChildProcess.Termination? { state.withLock { $0.termination } }

    func finish(_ termination: ChildProcess.Termination) {
        let waiting = state.withLock { s -> [CheckedContinuation<ChildProcess.Termination, Never>] in
            s.termination = termination
            defer { s.waiting = [] }
            return s.waiting
        }
        for w in waiting { w.resume(returning: termination) }
        exited.signal()
    }

    func wait() async -> ChildProcess.Termination {
        await withCheckedContinuation { continuation in
            let done = state.withLock { s -> ChildProcess.Termination? in
                if s.termination == nil { s.waiting.append(continuation) }
                return s.termination
            }
            if let done { continuation.resume(returning: done) }
        }
    }

    func wait(blockingFor timeout: Double) -> ChildProcess.Termination? {
        if let t = termination { return t }
        guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
        exited.signal()
        return termination
    }
}
