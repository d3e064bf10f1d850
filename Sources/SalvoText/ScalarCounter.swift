/// Counts Unicode scalars up to increasing byte offsets in one pass, for the contract's `start`/`end`.
///
/// ```swift
/// var counter = ScalarCounter(Array("Київ, 5 drones".utf8))
/// counter.scalarOffset(ofByte: 8)    // 4: "Київ" is eight bytes
/// counter.scalarOffset(ofByte: 11)   // 7
/// ```
public struct ScalarCounter {
    private let bytes: [UInt8]
    private var byteOffset = 0
    private var scalars = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Scalar offset of byte `offset`; calls must not go backwards, else it restarts from 0.
    public mutating func scalarOffset(ofByte offset: Int) -> Int {
        if offset < byteOffset { byteOffset = 0; scalars = 0 }
        let end = min(offset, bytes.count)
        guard byteOffset < end else { return scalars }
        var i = byteOffset
        var count = scalars
        bytes.withUnsafeBufferPointer { b in
            // Every byte but a continuation byte (10xxxxxx) starts a scalar; eight bytes at a time.
            if let base = b.baseAddress {
                while i + 8 <= end {
                    let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let continuation = v & ~(v << 1) & 0x8080_8080_8080_8080
                    count += 8 - continuation.nonzeroBitCount
                    i += 8
                }
            }
            while i < end {
                if b[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
        }
        byteOffset = i
        scalars = count
        return count
    }
}
