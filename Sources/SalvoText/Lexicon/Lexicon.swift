import Foundation

/// All languages' lexicon files compiled into one automaton; entries are filtered by language at match time.
///
/// ```swift
/// let hits = Lexicon.shared.hits(in: FoldedText("Понад 100 дронів збито"), language: "uk")
/// hits.compactMap { $0.first(.qualifier)?.value }   // ["more_than"]
/// ```
public struct Lexicon: Sendable {
    private let automaton: Automaton
    private let entries: [[LexiconEntry]]

    /// The lexicon bundled with Salvo, loaded once.
    public static let shared: Lexicon = {
        do {
            return try Lexicon(files: bundledFiles())
        } catch {
            fatalError("Salvo's bundled lexicon is broken: \(error)")
        }
    }()

    public struct FormatError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// `files`: (name, language, contents); language `nil` for common entries.
    public init(files: [(name: String, language: String?, contents: String)]) throws {
        var byTerm: [[UInt8]: Int] = [:]
        var stems: [Bool] = []
        var table: [[LexiconEntry]] = []
        var patterns: [Automaton.Pattern] = []
        for file in files {
            var lineNo = 0
            for rawLine in file.contents.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNo += 1
                let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
                if line.isEmpty || line.hasPrefix("#") { continue }
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard cols.count >= 3, let category = LexiconCategory(rawValue: cols[1]) else {
                    throw FormatError(file: file.name, line: lineNo, message: "expected term<TAB>category<TAB>value[<TAB>extra]")
                }
                var term = cols[0]
                let isStem = term.hasSuffix("*")
                if isStem { term.removeLast() }
                // A `*` inside a phrase ends a stem word: "повітрян* сил*".
                let folded = FoldedText.fold(term).map { $0 == 0x2A ? Automaton.wordRest : $0 }
                guard !folded.isEmpty else { continue }
                let extra = cols.count > 3 && !cols[3].isEmpty ? cols[3] : nil
                let entry = LexiconEntry(category: category, value: cols[2], extra: extra, language: file.language)
                var key = folded
                if isStem { key.append(0x2A) }
                if let slot = byTerm[key] {
                    if !table[slot].contains(entry) { table[slot].append(entry) }
                } else {
                    byTerm[key] = table.count
                    table.append([entry])
                    stems.append(isStem)
                    patterns.append(.init(bytes: folded, payload: Int32(table.count - 1), isStem: isStem))
                }
            }
        }
        automaton = Automaton(patterns: patterns)
        entries = table
    }

    /// Lexicon terms in `text` for `language`: at each start the longest term wins, and a term
    /// inside a longer one found earlier is dropped ("shot down" hides "down").
    public func hits(in text: FoldedText, language: String?) -> [LexiconHit] {
        var result: [LexiconHit] = []
        var coveredUntil = 0
        var pendingStart = -1
        var best: LexiconHit?
        func flush() {
            if let b = best {
                result.append(b)
                coveredUntil = b.end
            }
            best = nil
        }
        for m in automaton.matches(in: text) {
            let usable = entries[Int(m.payload)].filter { $0.holds(in: language) }
            if usable.isEmpty { continue }
            if m.start != pendingStart {
                flush()
                pendingStart = m.start
            }
            if m.start < coveredUntil { continue }
            if best == nil || m.end > best!.end {
                best = LexiconHit(start: m.start, end: m.end, entries: usable)
            } else if m.end == best!.end {
                best!.entries.append(contentsOf: usable)
            }
        }
        flush()
        return result
    }

    static func bundledFiles() throws -> [(name: String, language: String?, contents: String)] {
        guard let dir = Bundle.module.url(forResource: "lexicon", withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "lexicon", withExtension: nil) else { return [] }
        var files: [(String, String?, String)] = []
        let names = (try FileManager.default.contentsOfDirectory(atPath: dir.path)).filter { $0.hasSuffix(".tsv") }.sorted()
        for name in names {
            let contents = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            // "uk.tsv" and "uk-frames.tsv" are Ukrainian; "common.tsv" holds in every language.
            let lang = String(name.dropLast(4).prefix { $0 != "-" && $0 != "." })
            files.append((name, lang == "common" ? nil : lang, contents))
        }
        return files
    }
}
