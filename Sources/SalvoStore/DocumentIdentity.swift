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
}
