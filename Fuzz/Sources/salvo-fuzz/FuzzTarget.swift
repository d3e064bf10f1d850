import Foundation
@testable import SalvoExtract
@testable import SalvoIngest
import SalvoMarkup
import SalvoModel
@testable import SalvoText

/// One fuzz target per reader that takes bytes from outside. Each must return for every input
/// without a trap, a sanitizer report or a time-out; where a reader promises a property (chunking
/// changes nothing, compression round-trips), the target checks it too.
enum FuzzTarget: String, CaseIterable {
    case jsonl, html, feed, warc, gzip, charset, numbers, dates, extract

    /// Loads what the first input would otherwise pay for (lexicon, gazetteer).
    func prepare() {
        switch self {
        case .numbers, .dates: _ = Lexicon.shared
        case .extract: _ = Lexicon.shared; _ = Extractor.defaultPlaces
        case .jsonl, .warc: atexit { unlink(ScratchFile.path) }
        default: break
        }
    }

    func run(_ bytes: [UInt8]) {
        switch self {
        case .jsonl: Self.jsonLines(bytes)
        case .html: Self.html(bytes)
        case .feed: Self.feed(bytes)
        case .warc: Self.warc(bytes)
        case .gzip: Self.gzip(bytes)
        case .charset: Self.charset(bytes)
        case .numbers: Self.numbers(bytes)
        case .dates: Self.dates(bytes)
        case .extract: Self.extract(bytes)
        }
    }
}

extension FuzzTarget {
    static func ignore(_: InputError) {}

    /// Whole-buffer and streamed reads (in small chunks) must yield the same documents.
    static func jsonLines(_ bytes: [UInt8]) {
        let reader = JSONLinesReader(maxRecordBytes: 4096)
        var whole: [Document] = []
        reader.read(bytes, name: "fuzz", onError: ignore) { whole.append(DocumentReader.cleaned($0)) }
        guard let stream = ScratchFile.stream(bytes, chunkSize: 1 + bytes.count % 97) else { return }
        var streamed: [Document] = []
        reader.read(stream, name: "fuzz", onError: ignore) { streamed.append(DocumentReader.cleaned($0)) }
        if !Gzip.isGzip(bytes) && whole.map(\.id) != streamed.map(\.id) {
            fatalError("JSON Lines: \(whole.count) documents read whole, \(streamed.count) streamed")
        }
    }

    /// Charset, markup tree, main text, metadata and clean-up, as `ingest` does for a page.
    static func html(_ bytes: [UInt8]) {
        guard let page = try? HTMLPage(bytes: bytes, url: "https://example.org/2024/11/17/a") else { return }
        _ = page.document(id: "fuzz", url: nil)
    }

    static func feed(_ bytes: [UInt8]) {
        guard let feed = try? Feed(bytes: bytes, maxItems: 50) else { return }
        if feed.items.count > 50 { fatalError("feed: \(feed.items.count) items past the limit of 50") }
    }

    /// WARC records read off a file in small chunks (gzipped or not).
    static func warc(_ bytes: [UInt8]) {
        guard let stream = ScratchFile.stream(bytes, chunkSize: 16 + bytes.count % 241) else { return }
        var count = 0
        WARCReader(maxRecordBytes: 1 << 16).read(stream, name: "fuzz", onError: ignore) { _ in count += 1 }
    }

    static func gzip(_ bytes: [UInt8]) {
        // Damaged data: what comes out must not depend on how the input was cut into pieces.
        let (whole, wholeError) = Gzip.inflatePartial(bytes, limit: 1 << 22)
        if wholeError == nil, let inflater = try? GzipInflater() {
            let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
            var pieces: [UInt8] = []
            do {
                try inflater.feed(Array(bytes[..<cut])) { pieces.append(contentsOf: $0) }
                try inflater.feed(Array(bytes[cut...])) { pieces.append(contentsOf: $0) }
                try inflater.finish()
            } catch {
                fatalError("gzip: whole input inflates, cut at \(cut) it fails: \(error)")
            }
            if pieces != whole { fatalError("gzip: cut at \(cut) inflates to other bytes") }
        }
        // Any bytes compress and come back the same.
        let packed = Gzip.compress(bytes)
        guard (try? Gzip.inflate(packed)) == bytes else { fatalError("gzip: round trip changed \(bytes.count) bytes") }
    }

    /// Every charset decodes every input to valid UTF-8.
    static func charset(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0x0A) ?? 0
        let header = String(decoding: bytes[..<split], as: UTF8.self)
        _ = Charset(label: header)
        _ = Charset.detect(bytes, contentType: header)
        for cs in Charset.allCases {
            let out = cs.decodeToUTF8(bytes)
            if !Charset.isValidUTF8(out) { fatalError("charset: \(cs.rawValue) gave invalid UTF-8") }
        }
    }

    /// The number reader in every language over the text's tokens and lexicon hits.
    static func numbers(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let analysis = TextAnalysis(text: text, language: nil, published: nil)
        for language in ["en", "de", "uk", "ru"] {
            for n in NumberReader(language: language).read(analysis.folded, tokens: analysis.tokens, hits: analysis.hitAt)
            where n.tokens.upperBound > analysis.tokens.count {
                fatalError("numbers: mention past the last token")
            }
        }
    }

    /// The date reader in running text (first byte: language, next two: publication day), and the
    /// date formats of feeds, archives, page metadata (RFC 822, ISO 8601, epoch seconds) and URLs.
    static func dates(_ bytes: [UInt8]) {
        guard bytes.count >= 3 else { return }
        let language = [nil, "en", "de", "uk", "ru"][Int(bytes[0]) % 5]
        let published = Day(ordinal: 738_000 + Int(bytes[1]) << 8 | Int(bytes[2]))
        let rest = String(decoding: bytes[3...], as: UTF8.self)
        _ = TextAnalysis(text: rest, language: language, published: published)
        _ = PublishedDate.day(rest)
        var unread: String?
        _ = PageMetadata.published(rest, &unread)
        if let seconds = Double(rest) { _ = PublishedDate.day(epoch: seconds) }
        _ = PageMetadata.day(rest)
        _ = PageMetadata.dateInURL(rest)
        _ = Day(rest)
    }

    /// Text to figures and events, as `salvo extract` does, written out as JSON.
    static func extract(_ bytes: [UInt8]) {
        let published = bytes.count > 1 ? Day(ordinal: 738_500 + Int(bytes[0]) << 2) : nil
        let doc = Document(id: "fuzz", published: published, text: String(decoding: bytes, as: UTF8.self))
        let result = extractor.extract(doc)
        var w = JSONWriter()
        result.write(to: &w)
    }

    static let extractor = Extractor()
}
