import Foundation

/// Logs and errors go to stderr, one line each, so stdout stays data.
enum Log {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("salvo: " + line + "\n").utf8))
    }

    static func info(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
