import ArgumentParser
import Foundation
import SalvoExtract
import SalvoIngest
import SalvoModel

/// `salvo extract`: documents in, the output contract out, nothing stored.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract strikes and their figures from documents, without touching any database.",
        discussion: """
        Inputs are plain-text files, web pages (HTML, any common charset), RSS/Atom feeds (files or \
        http(s) URLs), WARC archives, JSON Lines records ({"id", "url", "published", "language"?, \
        "title"?, "text"}), directories of these, any of them gzipped; `-` reads standard input.
        For a file input the id is the path as given.

        Examples:
          salvo extract article.txt
          salvo extract corpus.jsonl --format table
          cat corpus.jsonl | salvo extract - > out.jsonl
        """
    )

    @Argument(help: "Files, directories, or - for standard input.")
    var inputs: [String] = ["-"]

    @Option(help: "Output format: jsonl, json or table.")
    var format: OutputFormat = .jsonl

    @Flag(help: "Add the clean main text of each document as a `text` field.")
    var includeText = false

    @OptionGroup var input: ReaderOptions

    func run() async throws {
        let extractor = Extractor()
        let failures = try await input.withReader { reader in
            var output = ExtractionOutput(format: format)
            var failures = 0
            for input in inputs {
                await reader.read(input, onError: { error in
                    if !error.isWarning { failures += 1 }
                    Log.error(error.description)
                }) { document in
                    var result = extractor.extract(document)
                    if includeText { result.text = document.text }
                    output.write(result)
                }
            }
            output.finish()
            return failures
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, json, table
}
