import Foundation
import SalvoModel

/// Feeds and http(s) inputs.
extension DocumentReader {
    func readURL(_ url: String, onError: (InputError) -> Void, _ body: (Document) async throws -> Void) async rethrows {
        guard let fetcher else {
            onError(InputError(input: url, message: "not read: this reader has no HTTP client"))
            return
        }
        let outcome: FetchOutcome
        do {
            outcome = try await fetcher.fetch(url, conditional: true)
        } catch {
            onError(InputError(input: url, message: error.message))
            return
        }
        guard case .fetched(let response) = outcome else { return }  // not modified since the last run
        var bytes = response.body
        if Gzip.isGzip(bytes) {
            let (out, error) = Gzip.inflatePartial(bytes, limit: maxDocumentBytes)
            if let error { onError(InputError(input: url, message: error.message)) }
            bytes = out
        }
        try await readBytes(bytes, name: url, isStdin: false, contentType: response.contentType, url: response.url,
                      onError: onError, body)
    }

    /// A feed read from a stream only as far as its item limit: a feed of a million items costs the
    /// memory of `maxFeedItems` of them.
    func readFeed(_ stream: ByteStream, name: String, onError: (InputError) -> Void, _ body: (Document) async throws -> Void) async rethrows {
        var bytes: [UInt8] = []
        var cut = FeedCut(maxItems: maxFeedItems)
        while let chunk = stream.next() {
            bytes.append(contentsOf: chunk)
            if bytes.withUnsafeBufferPointer({ cut.scan($0) }) != nil { break }
            if bytes.count > maxDocumentBytes {
                onError(InputError(input: name, message: "too large (more than \(maxDocumentBytes) bytes) before the first \(maxFeedItems) items ended; limit \(maxDocumentBytes)"))
                return
            }
        }
        // The chunk after the cut tells whether items were left out.
        if cut.items >= maxFeedItems, let more = stream.next() { bytes.append(contentsOf: more.prefix(1 << 16)) }
        try await readFeed(bytes, name: name, onError: onError, body)
        stream.damageErrors(name).forEach(onError)
        if let error = stream.error {
            onError(InputError(input: name, message: ((error as? GzipError)?.message ?? "\(error)") + "; the text before the damage was read"))
        }
    }

    func readFeed(_ bytes: [UInt8], name: String, onError: (InputError) -> Void, _ body: (Document) async throws -> Void) async rethrows {
        let feed: Feed
        let (head, truncated) = FeedCut.head(of: bytes, maxItems: maxFeedItems)
        do {
            feed = try Feed(bytes: head, maxItems: maxFeedItems)
        } catch {
            onError(InputError(input: name, message: error.message))
            return
        }
        for (i, item) in feed.items.enumerated() {
            if let date = item.unreadDate { onError(.warning("\(name)#\(i + 1)", PublishedDate.unreadMessage(date))) }
            var doc = Document(id: item.link ?? item.id ?? "\(name)#\(i + 1)", url: item.link, title: item.title,
                               language: item.language, published: item.published.flatMap { Day($0) }, text: item.text)
            if followLinks, let link = item.link, link.hasPrefix("http://") || link.hasPrefix("https://") {
                if let page = await fetchPage(link, onError: onError) {
                    let pageDoc = page.document(id: doc.id, url: link, cleanUp: cleanUp)
                    if !pageDoc.text.isEmpty { doc.text = pageDoc.text }
                    doc.published = doc.published ?? pageDoc.published
                    doc.language = doc.language ?? pageDoc.language
                    doc.title = doc.title ?? pageDoc.title
                }
            }
            if doc.text.isEmpty, let title = doc.title { doc.text = title }
            guard !doc.text.isEmpty else { continue }
            if cleanUp {
                doc = Self.cleaned(doc)
                // Clean-up drops a text's repeat of its title; an item that is only its title keeps it as text.
                if doc.text.isEmpty, let title = doc.title { doc.text = title }
            }
            try await body(doc)
        }
        if let problem = feed.problem {
            onError(InputError(input: name, message: problem + "; \(feed.items.count) items read before it"))
        }
        if let limit = feed.truncatedAt ?? (truncated ? maxFeedItems : nil) {
            onError(InputError(input: name, message: "feed has more than \(limit) items; only the first \(limit) were read"))
        }
    }

    private func fetchPage(_ link: String, onError: (InputError) -> Void) async -> HTMLPage? {
        guard let fetcher else {
            onError(InputError(input: link, message: "not fetched: this reader has no HTTP client"))
            return nil
        }
        do {
            // A page is wanted once, whatever its validators say.
            guard case .fetched(let response) = try await fetcher.fetch(link, conditional: false) else { return nil }
            return try HTMLPage(bytes: response.body, url: response.url, contentType: response.contentType)
        } catch {
            onError(InputError(input: link, message: error.message))
            return nil
        }
    }
}
