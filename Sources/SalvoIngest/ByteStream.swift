import Foundation

/// A file or standard input read in chunks, gunzipped on the way when it starts with the gzip
/// magic number: memory stays constant however large the input.
///
/// ```swift
/// let stream = try ByteStream(path: "news.warc.gz")
/// while let chunk = stream.next() { … }
/// if let error = stream.error { report(error) }
/// ```
final class ByteStream {
    private let handle: FileHandle
    private let ownsHandle: Bool
    private var inflater: GzipInflater?
    private var pending: [[UInt8]] = []
    private var first: [UInt8]?
    private var finished = false
    private let chunkSize: Int
    /// True when the input is gzip-compressed.
    private(set) var isGzip = false

    convenience init(path: String, chunkSize: Int = 1 << 18) throws(InputProblem) {
        try self.init(pathBytes: Array(path.utf8), chunkSize: chunkSize)
    }

    /// Opens a file by the bytes of its path (names need not be UTF-8).
    init(pathBytes: [UInt8], chunkSize: Int = 1 << 18) throws(InputProblem) {
        let fd = DirectoryWalk.withCPath(pathBytes) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw InputProblem("cannot be read: \(DirectoryWalk.errorText(errno))") }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(fd)
            throw InputProblem("is a folder, not a file")
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        ownsHandle = true
        self.chunkSize = chunkSize
        start()
    }

    init(handle: FileHandle, chunkSize: Int = 1 << 18) {
        self.handle = handle
        ownsHandle = false
        self.chunkSize = chunkSize
        start()
    }

    deinit { if ownsHandle { try? handle.close() } }

    private func start() {
        let raw = readChunk()
        if Gzip.isGzip(raw), let inflater = try? GzipInflater() {
            inflater.resynchronise = true
            isGzip = true
            self.inflater = inflater
        }
        first = raw
    }

    /// Damaged gzip members skipped so far (reading went on at the next member).
    var damages: [GzipDamage] { inflater?.damages ?? [] }

    /// One line per skipped damaged member, for readers that cannot place the damage any better.
    func damageErrors(_ name: String) -> [InputError] {
        damages.map {
            InputError(input: name, message: "\($0.message) in the gzip member at byte \($0.compressedOffset); skipped to the next member")
        }
    }

    private var readFailure: ReadFailure?

    struct ReadFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// What stopped reading early (damaged or truncated gzip data), once `next()` has returned nil.
    private(set) var error: Error?

    /// The next chunk of (decompressed) bytes, or nil at the end. Damaged compressed data ends the
    /// stream after every byte before the damage, with `error` set.
    func next() -> [UInt8]? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            if finished { return nil }
            let raw: [UInt8]
            if let f = first {
                raw = f
                first = nil
            } else {
                raw = readChunk()
            }
            guard let inflater else {
                if raw.isEmpty { finished = true; error = error ?? readFailure; return nil }
                return raw
            }
            if raw.isEmpty {
                finished = true
                do { try inflater.finish() } catch { self.error = error }
                error = error ?? readFailure
                continue
            }
            do {
                try inflater.feed(raw) { pending.append($0) }
            } catch {
                finished = true
                self.error = error
            }
        }
    }

    /// Up to `chunkSize` bytes (fewer only at the end), read straight into an array rather than
    /// through `Data`.
    private func readChunk() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: chunkSize) { buf, count in
            count = fill(buf, from: 0)
        }
    }

    /// Reads into `buf` from index `start` until it is full, the file ends or a read fails; returns
    /// how many bytes `buf` then holds.
    private func fill(_ buf: UnsafeMutableBufferPointer<UInt8>, from start: Int) -> Int {
        let fd = handle.fileDescriptor
        var count = start
        while count < buf.count {
            let n = read(fd, buf.baseAddress! + count, buf.count - count)
            if n > 0 {
                count += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                // A failed read (a disk error, a folder) ends the input like its end does, but is said.
                if n < 0 && readFailure == nil { readFailure = ReadFailure(message: "read failed: \(String(cString: strerror(errno)))") }
                break
            }
        }
        return count
    }

    /// The rest of a regular, uncompressed file (up to `limit` + 1 bytes) read straight into one array:
    /// chunk by chunk, every byte would be copied three times into freshly faulted-in memory.
    /// Anything left (a file that grew, a read error) is for `next()` as usual.
    private func readPlainFile(limit: Int) -> [UInt8] {
        guard let size = plainSizeLeft else { return [] }
        var head: [UInt8] = []
        while !pending.isEmpty || first != nil, let chunk = next() { head.append(contentsOf: chunk) }
        return [UInt8](unsafeUninitializedCapacity: max(head.count, min(size, limit) + 1)) { buf, count in
            head.withUnsafeBufferPointer { h in _ = buf.initialize(from: h) }
            count = fill(buf, from: head.count)
        }
    }

    /// Bytes still to come from a regular, uncompressed file (held back chunks included); nil for pipes.
    private var plainSizeLeft: Int? {
        var info = stat()
        guard fstat(handle.fileDescriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let position = lseek(handle.fileDescriptor, 0, SEEK_CUR)
        guard position >= 0 else { return nil }
        return max(0, Int(info.st_size) - Int(position)) + pending.reduce(first?.count ?? 0) { $0 + $1.count }
    }

    /// Puts a chunk back so the next `next()` returns it first (to look at the start of the input).
    func unread(_ chunk: [UInt8]) {
        pending.insert(chunk, at: 0)
    }

    /// Everything (up to `limit` bytes): the bytes read, and the error that stopped reading, if any.
    func readAll(limit: Int) -> (bytes: [UInt8], error: Error?) {
        var out = inflater == nil ? readPlainFile(limit: limit) : []
        while out.count <= limit, let chunk = next() { out.append(contentsOf: chunk) }
        if out.count > limit { return (out, InputProblem("too large (more than \(limit) bytes)")) }
        return (out, error)
    }
}

/// Line and block reads over a `ByteStream`, for the WARC reader.
struct StreamBuffer {
    let stream: ByteStream
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Bytes consumed so far (the offset of the next read in the decompressed input).
    private(set) var offset = 0

    init(_ stream: ByteStream) { self.stream = stream }

    private mutating func fill() -> Bool {
        guard !atEnd else { return false }
        guard let chunk = stream.next() else { atEnd = true; return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// The next line without its CR LF, or nil at the end of input. Lines longer than `limit` are cut.
    mutating func readLine(limit: Int = 1 << 16) -> [UInt8]? {
        var scanned = 0  // bytes after `position` already known to hold no newline
        while true {
            if let nl = buffer[(position + scanned)...].firstIndex(of: 0x0A) {
                var end = nl
                if end > position && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[position..<min(end, position + limit)])
                offset += nl + 1 - position
                position = nl + 1
                return line
            }
            scanned = buffer.count - position
            if scanned > limit || !fill() {
                // Only `limit` bytes are taken: what follows an overlong line (the next WARC record
                // after damage, say) must stay readable.
                guard position < buffer.count else { return nil }
                let end = min(buffer.count, position + limit)
                let line = Array(buffer[position..<end])
                offset += end - position
                position = end
                return line
            }
        }
    }

    /// Up to `count` bytes (fewer only at the end of input).
    mutating func read(_ count: Int) -> [UInt8] {
        while buffer.count - position < count {
            if !fill() { break }
        }
        let n = min(count, buffer.count - position)
        let out = Array(buffer[position..<(position + n)])
        position += n
        offset += n
        return out
    }

    /// Up to `count` bytes ahead, without consuming them.
    mutating func peek(_ count: Int) -> ArraySlice<UInt8> {
        while buffer.count - position < count {
            if !fill() { break }
        }
        return buffer[position..<min(buffer.count, position + count)]
    }

    /// Steps back over the last `count` bytes of the preceding `read` (they are still buffered).
    mutating func unread(_ count: Int) {
        let n = min(count, position)
        position -= n
        offset -= n
    }

    /// Moves to the next occurrence of `marker` that starts a line (or starts right here), dropping
    /// what comes before it; false (at the end) if there is none.
    mutating func seek(toLineStarting marker: [UInt8]) -> Bool {
        var from = position
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { buf in
                var i = from
                while i + marker.count <= buf.count {
                    guard let hit = memchr(buf.baseAddress! + i, Int32(marker[0]), buf.count - i) else { return nil }
                    let at = buf.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if at + marker.count > buf.count { return nil }
                    if (at == position || buf[at - 1] == 0x0A) && memcmp(buf.baseAddress! + at, marker, marker.count) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
            if let at = found {
                offset += at - position
                position = at
                return true
            }
            // Keep a marker split across chunks, and the byte before it (to tell a line start).
            let keep = min(buffer.count - position, marker.count + 1)
            let drop = buffer.count - keep - position
            offset += drop
            position += drop
            guard fill() else {
                offset += buffer.count - position
                position = buffer.count
                return false
            }
            from = keep > 0 ? position + 1 : position
        }
    }

    /// Skips up to `count` bytes without keeping them; returns how many were skipped.
    mutating func skip(_ count: Int) -> Int {
        var left = count
        while left > 0 {
            if position == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                position = 0
                if !fill() { break }
            }
            let n = min(left, buffer.count - position)
            position += n
            offset += n
            left -= n
        }
        return count - left
    }
}
