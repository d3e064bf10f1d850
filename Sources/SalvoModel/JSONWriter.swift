/// Writes JSON straight into a byte buffer: the output contract is written once per document,
/// and Foundation's `JSONEncoder` spends more time on it than extraction spends on the text.
///
/// ```swift
/// var w = JSONWriter()
/// w.object { w.field("id") { w.string("021") }; w.field("events") { w.null() } }
/// String(decoding: w.bytes, as: UTF8.self)   // {"id":"021","events":null}
/// ```
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(0x7B)
        needsComma = false
        body(&self)
        bytes.append(0x7D)
        needsComma = true
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(0x5B)
        needsComma = false
        body(&self)
        bytes.append(0x5D)
        needsComma = true
    }

    public mutating func field(_ key: StaticString, _ value: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(0x22)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
        needsComma = false
        value(&self)
        needsComma = true
    }

    public mutating func string(_ s: String) {
        separate()
        bytes.append(0x22)
        var copy = s
        copy.withUTF8 { utf8 in
            // Copy runs of plain bytes at once; only quotes, backslashes and control bytes are escaped.
            var runStart = 0
            var i = JSONScan.plainRunEnd(utf8, from: 0)
            while i < utf8.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                escape(utf8[i])
                runStart = i + 1
                i = JSONScan.plainRunEnd(utf8, from: runStart)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(0x22)
        needsComma = true
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { h in bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, h[Int(b >> 4)], h[Int(b & 0xF)]]) }
        }
    }

    /// A day as the string `"YYYY-MM-DD"`, the same as `string(day.description)` without building it.
    public mutating func day(_ d: Day) {
        // Days out of the calendar's range are rare enough to be written the slow way.
        guard d.year >= 0, d.month >= 0, d.day >= 0 else { return string(d.description) }
        separate()
        bytes.append(0x22)
        digits(d.year, width: 4)
        bytes.append(0x2D)
        digits(d.month, width: 2)
        bytes.append(0x2D)
        digits(d.day, width: 2)
        bytes.append(0x22)
        needsComma = true
    }

    public mutating func int(_ v: Int) {
        separate()
        if v < 0 {
            bytes.append(0x2D)
            // The magnitude as UInt: -Int.min does not fit in an Int.
            digits(v.magnitude)
        } else {
            digits(UInt(v))
        }
        needsComma = true
    }

    /// Decimal digits of `v`, zero-padded to `width`.
    private mutating func digits(_ v: some BinaryInteger, width: Int = 1) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits without allocating
        withUnsafeMutableBytes(of: &scratch) { buf in
            var n = UInt64(v)
            var i = buf.count
            repeat {
                i -= 1
                buf[i] = 0x30 + UInt8(n % 10)
                n /= 10
            } while n > 0 || buf.count - i < width
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[i...]))
        }
    }

    public mutating func double(_ v: Double) {
        separate()
        bytes.append(contentsOf: (v.isFinite ? String(v) : "null").utf8)
        needsComma = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        needsComma = true
    }

    public mutating func optional<T>(_ v: T?, _ write: (inout JSONWriter, T) -> Void) {
        if let v { write(&self, v) } else { null() }
    }

    public mutating func raw(_ b: UInt8) { bytes.append(b) }

    /// Empties the buffer, keeping its memory, to write the next value (one buffer for a whole output).
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    /// A value that is already JSON (an event the store keeps written), copied as it is.
    public mutating func json(_ value: String) {
        separate()
        bytes.append(contentsOf: value.utf8)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(0x2C) }
        needsComma = false
    }
}
