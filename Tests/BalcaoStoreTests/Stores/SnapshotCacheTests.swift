import Foundation
import Testing

@testable import BalcaoStore

@Suite("Snapshot cache")
struct SnapshotCacheTests {
    /// Counts reads; each read answers its own number.
    actor Reads {
        private(set) var count = 0
        var failNext = false
        func next() throws -> Int {
            count += 1
            if failNext {
                failNext = false
                throw CancellationError()
            }
            return count
        }
        func failOnce() { failNext = true }
    }

    @Test("Requests arriving together share one read, and the value is kept until cleared")
    func oneReadAtATime() async throws {
        let cache = SnapshotCache<Int>(lifetime: 60)
        let reads = Reads()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await cache.value {
                        try await Task.sleep(for: .milliseconds(20))
                        return try await reads.next()
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(values == Array(repeating: 1, count: 20))
        #expect(try await cache.value { try await reads.next() } == 1)

        await cache.clear()
        #expect(try await cache.value { try await reads.next() } == 2)
        #expect(await reads.count == 2)
    }

    @Test("A failed read is not kept: the next request reads again")
    func failureNotKept() async throws {
        let cache = SnapshotCache<Int>(lifetime: 60)
        let reads = Reads()
        await reads.failOnce()
        await #expect(throws: CancellationError.self) { try await cache.value { try await reads.next() } }
        #expect(try await cache.value { try await reads.next() } == 2)
    }

    @Test("A value read across a clear is handed out but not kept")
    func clearWinsOverSlowRead() async throws {
        let cache = SnapshotCache<Int>(lifetime: 60)
        let reads = Reads()
        async let slow = cache.value {
            try await Task.sleep(for: .milliseconds(100))
            return try await reads.next()
        }
        try await Task.sleep(for: .milliseconds(20))
        await cache.clear()
        #expect(try await slow == 1)
        #expect(try await cache.value { try await reads.next() } == 2)
    }

    @Test("With no lifetime every request reads")
    func noLifetime() async throws {
        let cache = SnapshotCache<Int>(lifetime: 0)
        let reads = Reads()
        _ = try await cache.value { try await reads.next() }
        _ = try await cache.value { try await reads.next() }
        #expect(await reads.count == 2)
    }
}
