import Foundation

/// A one-line progress display on stderr, drawn only when stderr is a terminal and at most ten
/// times a second, so that piping or redirecting stderr gets clean lines.
struct Progress {
    let enabled = isatty(2) == 1
    private var lastDraw = 0.0
    private let started = Date()
    private var drawn = false

    mutating func update(_ text: @autoclosure () -> String, documents: Int) {
        guard enabled else { return }
        let now = Date().timeIntervalSince(started)
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        let rate = now > 0 ? Int(Double(documents) / now) : 0
        let line = "\r\u{1B}[K" + text() + "  (\(rate)/s)"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Clears the line before the summary is printed.
    mutating func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
