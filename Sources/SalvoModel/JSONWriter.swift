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
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
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
                runStart = i + 1
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
        }
        bytes.append(0x22)
        needsComma = true
    }

    public mutating func int(_ v: Int) {
        separate()
        bytes.append(contentsOf: String(v).utf8)
        needsComma = true
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
