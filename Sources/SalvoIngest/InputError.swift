/// A problem with one input or one record in it. Reading goes on with the rest.
public struct InputError: Error, CustomStringConvertible, Sendable {
    /// The path, URL or `path:line` that failed.
    public var input: String
    public var message: String
    /// The input was read all the same (bad bytes replaced, say): worth a line on stderr, not a failed input.
    public var isWarning: Bool

    public init(input: String, message: String, isWarning: Bool = false) {
        self.input = input
        self.message = message
        self.isWarning = isWarning
    }

    static func warning(_ input: String, _ message: String) -> InputError {
        InputError(input: input, message: message, isWarning: true)
    }

    /// One line, naming the input first, as the CLI prints it to stderr.
    public var description: String { isWarning ? "\(input): warning: \(message)" : "\(input): \(message)" }
}
