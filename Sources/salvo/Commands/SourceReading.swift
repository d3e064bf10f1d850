import Foundation
import Synchronization
import SalvoIngest
import SalvoModel

/// One source read on a thread of its own, handed over a batch at a time to an async consumer.
///
/// `DocumentReader` is synchronous (files, gzip, WARC, a blocking fetch) and calls back per
/// document; the store is async. The reader thread runs at most two batches ahead and may
/// block, which no thread of the concurrency pool ever does.
final class SourceReading: Sendable {
    typealias Item = Result<Document, InputError>

    private struct State {
        var ready: [[Item]] = []
        var finished = false
        var stopped = false
        var waiter: CheckedContinuation<[Item]?, Never>?
    }

    private let state = Mutex(State())
    /// Batches the reader may have in hand before it waits for the consumer.
    private let room = DispatchSemaphore(value: 2)

    init(_ source: String, reader: DocumentReader, batchSize: Int) {
        let thread = Thread { [self] in
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            do {
                try reader.read(source, onError: { batch.append(.failure($0)) }) { document in
                    batch.append(.success(document))
                    if batch.count >= batchSize {
                        guard self.hand(batch) else { throw Stopped() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                // Stopped: the consumer is gone.
            }
            if !batch.isEmpty, !self.state.withLock({ $0.stopped }) { _ = self.hand(batch) }
            self.finish()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private struct Stopped: Error {}

    /// Passes a batch on; waits while two are pending. `false` once the consumer stopped.
    private func hand(_ batch: [Item]) -> Bool {
        guard !state.withLock({ $0.stopped }) else { return false }
        room.wait()
        let waiter: CheckedContinuation<[Item]?, Never>? = state.withLock { s in
            guard !s.stopped else { return nil }
            if let w = s.waiter {
                s.waiter = nil
                return w
            }
            s.ready.append(batch)
            return nil
        }
        waiter?.resume(returning: batch)
        return !state.withLock { $0.stopped }
    }

    private func finish() {
        let waiter = state.withLock { s in
            s.finished = true
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// The next batch (documents and problems, in reading order); `nil` at the end.
    func next() async -> [Item]? {
        let batch = await withCheckedContinuation { (c: CheckedContinuation<[Item]?, Never>) in
            let now: [Item]?? = state.withLock { s in
                if !s.ready.isEmpty { return .some(s.ready.removeFirst()) }
                if s.finished { return .some(nil) }
                s.waiter = c
                return nil
            }
            if let now { c.resume(returning: now) }
        }
        // A batch taken frees room for the reader.
        if batch != nil { room.signal() }
        return batch
    }

    /// Ends reading early: the reader thread stops at its next document.
    func stop() {
        state.withLock { $0.stopped = true }
        room.signal()
    }
}
