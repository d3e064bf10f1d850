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

    /// Damage inside a member does not end the input: it is recorded in `damages` and reading goes
    /// on at the next gzip member header (WARC files are one member per record, so one damaged
    /// record costs only itself).
    public var resynchronise = false
    /// What was skipped, in order, when `resynchronise` is on.
    public private(set) var damages: [GzipDamage] = []
    /// Decompressed bytes produced so far (to place damage in the output).
    public private(set) var produced = 0

    /// Compressed bytes fed before the current call.
    private var consumed = 0
    /// The compressed bytes of the current member fed in earlier calls, from its first byte: after
    /// damage, the next member may begin anywhere after that first byte. Dropped beyond `retainLimit`.
    private var retained: [UInt8] = []
    private var retainedComplete = true
    private let retainLimit = 16 << 20
    /// After damage: looking for the next member header rather than inflating.
    private var searching = false
    /// After damage and until a member ends well: further errors are the same damage, not new ones.
    private var recovering = false

    public init() throws(GzipError) {
        let rc = salvo_inflate_init_gzip(&stream)
        guard rc == Z_OK else { throw GzipError.corrupt("zlib init failed: \(rc)") }
    }

    deinit { inflateEnd(&stream) }

    /// Decompresses `input`, handing each piece of output to `sink` as it is produced.
    public func feed(_ input: [UInt8], _ sink: ([UInt8]) throws -> Void) throws {
        guard !input.isEmpty else { return }
        guard resynchronise else {
            try input.withUnsafeBufferPointer { buf in
                if case .damaged(_, _, let error) = try run(buf, sink) { throw error }
            }
            consumed += input.count
            return
        }
        var work = input[...]
        var workBase = consumed   // compressed offset of work's first byte
        if searching && !retained.isEmpty {
            work = (retained + input)[...]
            workBase -= retained.count
            retained = []
        }
        consumed += input.count
        while !work.isEmpty {
            if searching {
                guard let k = Self.memberStart(in: work) else {
                    // Keep a possible header start split across calls.
                    retained = Array(work.suffix(2))
                    return
                }
                work = work[(work.startIndex + k)...]
                workBase += k
                searching = false
                inMember = false
                retained = []
                retainedComplete = true
                inflateReset(&stream)
            }
            let outcome = try work.withUnsafeBufferPointer { try run($0, sink) }
            switch outcome {
            case .finished(let memberStart):
                if inMember {
                    let tail = memberStart.map { work[(work.startIndex + $0)...] } ?? work
                    if memberStart != nil { retained = []; retainedComplete = true }
                    if retainedComplete && retained.count + tail.count <= retainLimit {
                        retained.append(contentsOf: tail)
                    } else {
                        retained = []
                        retainedComplete = false
                    }
                } else {
                    retained = []
                    retainedComplete = true
                }
                return
            case .damaged(let memberStart, let errorAt, let error):
                let start = work.startIndex
                if !recovering {
                    let at = memberStart.map { workBase + $0 } ?? (workBase - (retainedComplete ? retained.count : 0))
                    damages.append(GzipDamage(compressedOffset: max(0, at), outputOffset: produced, message: error.message))
                    recovering = true
                }
                searching = true
                if let m = memberStart {
                    work = work[(start + m + 1)...]
                    workBase += m + 1
                } else if retainedComplete && !retained.isEmpty {
                    // The member began in an earlier call: look again from just after its first byte.
                    let rescan = Array(retained.dropFirst()) + Array(work)
                    retained = []
                    try feedRescan(rescan, sink: sink)
                    return
                } else {
                    work = work[(start + errorAt)...]
                    workBase += errorAt
                }
            }
        }
    }

    /// Feeds bytes already counted in `consumed` once more after damage (the rest of a damaged member).
    private func feedRescan(_ bytes: [UInt8], sink: ([UInt8]) throws -> Void) throws {
        let saved = consumed
        consumed -= bytes.count
        defer { consumed = saved }
        try feed(bytes, sink)
    }

    /// The first gzip member header (magic and deflate method) in `bytes`, as an offset from its start.
    static func memberStart(in bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i + 2 < bytes.endIndex {
            if bytes[i] == 0x1F && bytes[i + 1] == 0x8B && bytes[i + 2] == 0x08 { return i - bytes.startIndex }
            i += 1
        }
        return nil
    }

    enum Outcome {
        /// All input used; the offset where the last member began in it, if one began there.
        case finished(memberStart: Int?)
        /// Damage: where the damaged member began in this input (nil: in an earlier one) and where zlib stopped.
        case damaged(memberStart: Int?, errorAt: Int, GzipError)
    }

    private func run(_ inBuf: UnsafeBufferPointer<UInt8>, _ sink: ([UInt8]) throws -> Void) throws -> Outcome {
        var offset = 0
        var memberStart: Int?
        while offset < inBuf.count {
            // Bytes after a member's end: a new member, unless it is only padding.
            if !inMember {
                while offset < inBuf.count && inBuf[offset] == 0 { offset += 1 }
                guard offset < inBuf.count else { return .finished(memberStart: memberStart) }
                inMember = true
                memberStart = offset
            }
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + offset)
            stream.avail_in = uInt(inBuf.count - offset)
            var rc: Int32 = Z_OK
            repeat {
                let count: Int = output.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    rc = inflate(&stream, Z_NO_FLUSH)
                    return outBuf.count - Int(stream.avail_out)
                }
                if rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR {
                    let detail = stream.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                    return .damaged(memberStart: memberStart, errorAt: inBuf.count - Int(stream.avail_in), GzipError.corrupt(detail))
                }
                if count > 0 {
                    produced += count
                    try sink(Array(output[0..<count]))
                }
            } while rc == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
            offset = inBuf.count - Int(stream.avail_in)
            if rc == Z_STREAM_END {
                inMember = false
                recovering = false
                memberStart = nil
                inflateReset(&stream)
            } else if rc == Z_BUF_ERROR && stream.avail_in > 0 {
                return .damaged(memberStart: memberStart, errorAt: offset, GzipError.corrupt("no progress"))
            }
        }
        return .finished(memberStart: memberStart)
    }

    /// Call at the end of input: throws `.truncated` if it stopped inside a member.
    public func finish() throws(GzipError) {
        if inMember && !searching { throw GzipError.truncated }
    }
}

/// One damaged stretch of a gzip input that was skipped.
public struct GzipDamage: Sendable, Equatable {
    /// Where the damaged member began in the compressed input.
    public var compressedOffset: Int
    /// How much output came before it.
    public var outputOffset: Int
    public var message: String
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
