import Testing
import SalvoText

@Suite struct ScalarCounterTests {
    @Test func countsScalarsOfMixedWidthsForwardAndAfterGoingBack() {
        let text = "Київ: 12 дронів 😀 über € — " + String(repeating: "ab", count: 9)
        let bytes = Array(text.utf8)
        var counter = ScalarCounter(bytes)
        var offsets: [Int] = []
        for b in 0...bytes.count + 3 {
            offsets.append(counter.scalarOffset(ofByte: b))
        }
        let expected = (0...bytes.count + 3).map { b in
            String(decoding: bytes.prefix(b), as: UTF8.self).unicodeScalars.count
        }
        // Mid-scalar offsets count the scalar started; the repaired decoding agrees only at boundaries.
        let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        for b in boundaries { #expect(offsets[b] == expected[b]) }
        #expect(offsets[bytes.count + 3] == text.unicodeScalars.count)
        #expect(counter.scalarOffset(ofByte: 8) == 4)
        #expect(counter.scalarOffset(ofByte: 30) == offsets[30])
    }
}
