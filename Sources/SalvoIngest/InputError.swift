/// A problem with one input or one record in it. Reading goes on with the rest.
public struct InputError: Error, CustomStringConvertible, Sendable {
    /// The path, URL or `path:line` that failed.
    public var input: String
    public var message: String

    public init(input: String, message: String) {
        self.input = input
        self.message = message
    }

    /// One line, naming the input first, as the CLI prints it to stderr.
    public var description: String { "\(input): \(message)" }
}
