import SalvoModel

/// When two documents are one article: the same key (an input id within its source), or the
/// same web address.
///
/// Only `http(s)` addresses identify an article: records cut from a dump or a CSV share the
/// dump's address and are still different documents. The fragment (`#comments`) is ignored.
///
/// ```swift
/// DocumentIdentity.articleURL("https://example.org/a#top")   // "https://example.org/a"
/// DocumentIdentity.articleURL("github owner/repo/news.csv")  // nil
/// ```
public enum DocumentIdentity {
    public static func articleURL(_ url: String?) -> String? {
        guard let url, url.hasPrefix("http://") || url.hasPrefix("https://") else { return nil }
        if let hash = url.firstIndex(of: "#") { return String(url[..<hash]) }
        return url
    }

    /// The key a document is stored under: its input id, scoped by the source it came from.
    /// Record ids of a JSON Lines file or a feed's item guids are local to that file or feed:
    /// two files that both number their records from 1 hold two documents `1`. An id that names
    /// itself (a web address, a URN such as a WARC-Record-ID) or already names its source (a
    /// file's path under the directory given) is kept as it is; so is every id without a source
    /// (standard input, a document posted to the API without one), as before sources scoped ids.
    ///
    /// `file` is the file the document was read from when `source` is a directory it was found
    /// under: its records are scoped by the directory's name and the file's path inside it, so
    /// `news/a.jsonl` and `news/2024/a.jsonl` stay two sources, read from any working directory.
    ///
    /// ```swift
    /// DocumentIdentity.key(id: "1", source: "kyiv.jsonl")                 // "kyiv.jsonl#1"
    /// DocumentIdentity.key(id: "1", source: "/data/news", file: "/data/news/2024/kyiv.jsonl")
    ///                                                                      // "news/2024/kyiv.jsonl#1"
    /// DocumentIdentity.key(id: "https://example.org/a", source: "f.xml")  // "https://example.org/a"
    /// DocumentIdentity.key(id: "news/a.html", source: "news")             // "news/a.html"
    /// ```
    public static func key(id: String, source: String?, file: String? = nil) -> String {
        // A blank id stays blank, to be refused as such.
        guard let source, !source.isEmpty, source != "-", !id.allSatisfy(\.isWhitespace) else { return id }
        if articleURL(id) != nil || id.hasPrefix("urn:") || id == source || id.hasPrefix(source.hasSuffix("/") ? source : source + "/") {
            return id
        }
        return scope(source, file: file) + "#" + id
    }

    /// What scopes ids in keys: the source's name, followed, for a file found under a directory,
    /// by the file's path inside it.
    public static func scope(_ source: String, file: String?) -> String {
        let name = sourceName(source)
        let directory = source.hasSuffix("/") ? source : source + "/"
        guard let file, file.hasPrefix(directory), file.count > directory.count else { return name }
        let inside = file.dropFirst(directory.count)
        // `.` names no directory: its files are scoped as if named on the command line.
        return name == "." ? String(inside) : name + "/" + inside
    }

    /// What names a source in keys: a web address as it is, a file or directory by its last
    /// path component, so that the same file read from another working directory keeps its keys.
    public static func sourceName(_ source: String) -> String {
        if source.contains("://") { return source }
        let trimmed = source.hasSuffix("/") ? String(source.dropLast()) : source
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    /// Whether two documents with the same text are one: unless both addresses are known and
    /// differ, or both days are known and differ.
    public static func sameSource(_ url: String?, _ day: Day?, _ otherURL: String?, _ otherDay: Day?) -> Bool {
        if let url, let otherURL, url != otherURL { return false }
        if let day, let otherDay, day != otherDay { return false }
        return true
    }

    /// A new version much shorter than the stored text (under 60 %) is an RSS summary or a page
    /// that failed to fetch, not an update.
    public static func isTruncatedVersion(newLength: Int, of storedLength: Int) -> Bool {
        newLength * 5 < storedLength * 3
    }

    /// A document whose id is empty: it could not be told apart from any other.
    public struct EmptyID: Error, CustomStringConvertible {
        public var url: String?
        public var description: String { "document has an empty id" + (url.map { " (url \($0))" } ?? "") + "; every document needs one" }
    }
}
