import SalvoModel

/// When two documents are one article: the same input id, or the same web address.
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
