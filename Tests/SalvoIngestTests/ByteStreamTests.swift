import Testing
@testable import SalvoIngest

@Suite struct ByteStreamTests {
    @Test func readAllGivesEveryByteAfterAPeekAtTheStart() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for name in ["plain.bin", "packed.gz"] {
            let path = dir.write(name, name.hasSuffix(".gz") ? Gzip.compress(bytes) : bytes)
            let stream = try ByteStream(path: path, chunkSize: 777)
            let first = try #require(stream.next())
            stream.unread(first)
            let (all, error) = stream.readAll(limit: .max)
            #expect(error == nil)
            #expect(all == bytes)
        }
    }

    @Test func readAllStopsJustPastTheLimit() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("words.txt", String(repeating: "word ", count: 200))
        let exact = try ByteStream(path: path, chunkSize: 64).readAll(limit: 1000)
        #expect(exact.error == nil && exact.bytes.count == 1000)
        let over = try ByteStream(path: path, chunkSize: 64).readAll(limit: 999)
        #expect((over.error as? InputProblem)?.message == "too large (more than 999 bytes)")
    }
}
