import CZlib

/// gzip (and zlib) decompression with zlib, streaming and across concatenated members, as
/// WARC files ship them (one gzip member per record).
///
/// ```swift
/// var inflater = try GzipInflater()
/// try inflater.feed(chunk) { out in process(out) }
/// try inflater.finish()   // throws `.truncated` if the input stopped inside a member
/// ```
public struct GzipError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public static let truncated = GzipError(message: "truncated gzip data (input ends inside a compressed member)")
    public static func corrupt(_ detail: String) -> GzipError { GzipError(message: "corrupt gzip data (\(detail))") }
    public var description: String { message }
}

public final class GzipInflater {
    private var stream = z_stream()
    /// Inside a member: input has been fed since the last member ended.
    private var inMember = false
    private var output = [UInt8](repeating: 0, count: 1 << 16)

    public init() throws(GzipError) {
        let rc = salvo_inflate_init_gzip(&stream)
        guard rc == Z_OK else { throw GzipError.corrupt("zlib init failed: \(rc)") }
    }

    deinit { inflateEnd(&stream) }

    /// Decompresses `input`, handing each piece of output to `sink` as it is produced.
    public func feed(_ input: [UInt8], _ sink: ([UInt8]) throws -> Void) throws {
        guard !input.isEmpty else { return }
        try input.withUnsafeBufferPointer { inBuf in
            var offset = 0
            while offset < inBuf.count {
                // Bytes after a member's end: a new member, unless it is only padding.
                if !inMember {
                    while offset < inBuf.count && inBuf[offset] == 0 { offset += 1 }
                    guard offset < inBuf.count else { return }
                    inMember = true
                }
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + offset)
                stream.avail_in = uInt(inBuf.count - offset)
                var rc: Int32 = Z_OK
                repeat {
                    let produced: Int = output.withUnsafeMutableBufferPointer { outBuf in
                        stream.next_out = outBuf.baseAddress
                        stream.avail_out = uInt(outBuf.count)
                        rc = inflate(&stream, Z_NO_FLUSH)
                        return outBuf.count - Int(stream.avail_out)
                    }
                    if rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR {
                        let detail = stream.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                        throw GzipError.corrupt(detail)
                    }
                    if produced > 0 { try sink(Array(output[0..<produced])) }
                } while rc == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
                offset = inBuf.count - Int(stream.avail_in)
                if rc == Z_STREAM_END {
                    inMember = false
                    inflateReset(&stream)
                } else if rc == Z_BUF_ERROR && stream.avail_in > 0 {
                    throw GzipError.corrupt("no progress")
                }
            }
        }
    }

    /// Call at the end of input: throws `.truncated` if it stopped inside a member.
    public func finish() throws(GzipError) {
        if inMember { throw GzipError.truncated }
    }
}

public enum Gzip {
    /// True for the gzip magic number.
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var it = bytes.makeIterator()
        return it.next() == 0x1F && it.next() == 0x8B
    }

    /// Compresses `bytes` as one gzip member (for tests and for writing WARC-style files).
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard salvo_deflate_init_gzip(&stream, level) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                _ = deflate(&stream, Z_FINISH)
                return outBuf.count - Int(stream.avail_out)
            }
        }
        return Array(out[0..<written])
    }

    /// Decompresses a whole buffer (all members). On damage, throws; use `inflatePartial` to keep what came before.
    public static func inflate(_ bytes: [UInt8], limit: Int = .max) throws -> [UInt8] {
        let (out, error) = inflatePartial(bytes, limit: limit)
        if let error { throw error }
        return out
    }

    /// Decompresses what it can: the output before any damage, and the damage if there was some.
    public static func inflatePartial(_ bytes: [UInt8], limit: Int = .max) -> ([UInt8], GzipError?) {
        var out: [UInt8] = []
        do {
            let inflater = try GzipInflater()
            try inflater.feed(bytes) { chunk in
                out.append(contentsOf: chunk)
                if out.count > limit { throw GzipError(message: "decompressed data larger than \(limit) bytes") }
            }
            try inflater.finish()
            return (out, nil)
        } catch let e as GzipError {
            return (out, e)
        } catch {
            return (out, GzipError(message: "\(error)"))
        }
    }
}
