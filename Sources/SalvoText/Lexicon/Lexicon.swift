import Foundation

/// All languages' lexicon files compiled into one automaton; entries are filtered by language at match time.
///
/// ```swift
/// let hits = Lexicon.shared.hits(in: FoldedText("Понад 100 дронів збито"), language: "uk")
/// hits.compactMap { $0.first(.qualifier)?.value }   // ["more_than"]
/// ```
public struct Lexicon: Sendable {
    private let automaton: Automaton
    private let table: LexiconTable
    /// The settings lines of every file, in file order.
    public let settings: [LexiconSetting]
    /// Per language, how it writes digit groups and decimals.
    public let numberFormats: [String: NumberFormat]
    /// The function words and letters that tell languages apart.
    public let languageProfiles: LanguageProfiles

    static let languages = ["en", "de", "uk", "ru"]

    /// 0 for "every language", else 1 + the index in `languages` (an unknown language gets its own code).
    static func languageCode(_ language: String?) -> UInt8 {
        guard let language else { return 0 }
        return UInt8((languages.firstIndex(of: language) ?? languages.count) + 1)
    }

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
        var table: [LexiconEntry] = []
        var patterns: [Automaton.Pattern] = []
        var settings: [LexiconSetting] = []
        for file in files {
            var contents = file.contents
            try contents.withUTF8 { bytes in
                var lineNo = 0
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                    lineNo += 1
                    defer { start = end + 1 }
                    let columns = Self.columns(bytes, start, end)
                    if columns.isEmpty { continue }
                    guard columns.count >= 3, let category = LexiconCategory(rawValue: Self.string(bytes, columns[1])) else {
                        throw FormatError(file: file.name, line: lineNo, message: "expected term<TAB>category<TAB>value[<TAB>extra]")
                    }
                    var term = columns[0]
                    let isStem = bytes[term.upperBound - 1] == 0x2A
                    if isStem { term = term.lowerBound..<(term.upperBound - 1) }
                    // A `*` inside a phrase ends a stem word: "повітрян* сил*".
                    let folded = FoldedText(utf8: UnsafeBufferPointer(rebasing: bytes[term])).bytes.map { $0 == 0x2A ? Automaton.wordRest : $0 }
                    guard !folded.isEmpty else { continue }
                    if category.isSetting {
                        settings.append(LexiconSetting(category: category, term: folded, value: Self.string(bytes, columns[2]),
                                                       language: file.language))
                        continue
                    }
                    let extra = columns.count > 3 && !columns[3].isEmpty ? Self.string(bytes, columns[3]) : nil
                    let entry = LexiconEntry(category: category, value: Self.string(bytes, columns[2]), extra: extra, language: file.language)
                    // Each line is its own pattern; equal matches are merged when text is matched.
                    table.append(entry)
                    patterns.append(.init(bytes: folded, payload: Int32(table.count - 1), isStem: isStem))
                }
            }
        }
        automaton = Automaton(patterns: patterns)
        self.table = LexiconTable(entries: table)
        self.settings = settings
        numberFormats = NumberFormat.formats(from: settings)
        languageProfiles = LanguageProfiles(settings: settings, languages: Self.languages)
    }

    /// Tab-separated, trimmed column ranges of one line; empty for blank lines and `#` comments.
    private static func columns(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Range<Int>] {
        var e = end
        if e > start && b[e - 1] == 0x0D { e -= 1 }
        var s = start
        while s < e && b[s] == 0x20 { s += 1 }
        if s == e || b[s] == 0x23 { return [] }
        var out: [Range<Int>] = []
        var i = start
        while i <= e {
            var j = i
            while j < e && b[j] != 0x09 { j += 1 }
            var a = i, z = j
            while a < z && b[a] == 0x20 { a += 1 }
            while z > a && b[z - 1] == 0x20 { z -= 1 }
            out.append(a..<z)
            i = j + 1
        }
        return out
    }

    private static func string(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
    }

    /// Lexicon terms in `text` for `language`: at each start the longest term wins, and a term
    /// inside a longer one found earlier is dropped ("shot down" hides "down").
    /// How `language` writes numbers; a language without `separator` lines gets `NumberFormat.fallback`.
    public func numberFormat(for language: String?) -> NumberFormat {
        language.flatMap { numberFormats[$0] } ?? .fallback
    }

    public func hits(in text: FoldedText, language: String?) -> [LexiconHit] {
        hits(from: automaton.matches(in: text), language: language)
    }

    /// Every term match in `text`, for all languages, walking from starts read off the tokens: done
    /// once per text even when the language is still to be identified from the same matches.
    public func matches(in text: FoldedText, startingAt starts: WalkStarts) -> [Automaton.Match] {
        automaton.matches(in: text, startingAt: starts)
    }

    /// The hits of `language` among `matches` (`nil`: every language).
    public func hits(from matches: [Automaton.Match], language: String?) -> [LexiconHit] {
        let wanted = Self.languageCode(language)
        var result: [LexiconHit] = []
        result.reserveCapacity(matches.count)
        var coveredUntil = 0
        var best: LexiconHit?
        let codes = table.languageCodes
        for m in matches {
            let code = codes[Int(m.payload)]
            if code != 0 && wanted != 0 && code != wanted { continue }
            if let b = best, m.start != b.start {
                result.append(b)
                coveredUntil = b.end
                best = nil
            }
            if m.start < coveredUntil { continue }
            if best == nil || m.end > best!.end {
                best = LexiconHit(start: m.start, end: m.end, table: table, entry: m.payload)
            } else if m.end == best!.end {
                best!.add(m.payload)
            }
        }
        if let b = best { result.append(b) }
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
