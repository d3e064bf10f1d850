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

@Suite struct JSONLinesStreamingTests {
    private func records(_ count: Int) -> String {
        (0..<count).map { i in
            #"{"id":"r\#(i)","published":"2024-11-17","text":"Überall \#(i): Russia launched \#(i) drones over Київ."}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func recordsAcrossChunkBoundariesReadAsFromOneBuffer() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let text = records(40)
        let path = dir.write("many.jsonl", text)
        var whole: [String] = []
        JSONLinesReader(maxRecordBytes: 1 << 20).read(Array(text.utf8), name: "many.jsonl", onError: { _ in }) { whole.append($0.text) }
        // Chunk sizes that split records, multi-byte letters and line breaks in every way.
        for chunkSize in [1, 7, 64, 333, 1 << 16] {
            var streamed: [String] = []
            var errors: [InputError] = []
            JSONLinesReader(maxRecordBytes: 1 << 20).read(try ByteStream(path: path, chunkSize: chunkSize), name: "many.jsonl",
                                                          onError: { errors.append($0) }) { streamed.append($0.text) }
            #expect(streamed == whole, "chunk size \(chunkSize)")
            #expect(errors.isEmpty)
        }
        #expect(whole.count == 40)
    }

    @Test func anOversizedRecordIsReportedOnceAndTheRestIsRead() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let huge = #"{"id":"big","text":""# + String(repeating: "x", count: 5_000) + #""}"#
        let text = records(2) + huge + "\n" + records(3)
        let path = dir.write("mixed.jsonl", text)
        for chunkSize in [16, 500, 1 << 16] {
            var ids: [String] = []
            var errors: [InputError] = []
            JSONLinesReader(maxRecordBytes: 1_000).read(try ByteStream(path: path, chunkSize: chunkSize), name: "mixed.jsonl",
                                                        onError: { errors.append($0) }) { ids.append($0.id) }
            #expect(ids == ["r0", "r1", "r0", "r1", "r2"], "chunk size \(chunkSize)")
            #expect(errors.count == 1)
            #expect(errors.first?.input == "mixed.jsonl:3", "chunk size \(chunkSize)")
        }
    }
}
