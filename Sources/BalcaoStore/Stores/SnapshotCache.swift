import Foundation

/// A value read from the database and reused for `lifetime` seconds: the automation settings and the staff
/// directory are read by nearly every request and change rarely. A write in this process clears it at once;
/// other instances on the same PostgreSQL see the change within `lifetime`. One read at a time: requests that
/// arrive while it runs wait for it instead of each reading the same rows. A value read while a clear happened
/// is handed to its waiters but not kept (the generation moved on), so a clear is never undone by a slow reader.
actor SnapshotCache<Value: Sendable> {
    let lifetime: TimeInterval
    private var snapshot: (value: Value, readAt: Date)?
    private var generation = 0
    private var reading: (task: Task<Value, any Error>, generation: Int)?

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    private enum Lookup {
        case kept(Value)
        case reading(Task<Value, any Error>, generation: Int)
    }

    /// The kept value, or the one `read` (or a read already under way) returns.
    nonisolated func value(orRead read: @escaping @Sendable () async throws -> Value) async throws -> Value {
        switch await lookup(read) {
        case .kept(let value):
            return value
        case .reading(let task, let generation):
            do {
                let value = try await task.value
                await finished(generation, keeping: value)
                return value
            } catch {
                await finished(generation, keeping: nil)
                throw error
            }
        }
    }

    func clear() {
        snapshot = nil
        reading = nil
        generation += 1
    }

    private func lookup(_ read: @escaping @Sendable () async throws -> Value) -> Lookup {
        if let snapshot, Date().timeIntervalSince(snapshot.readAt) < lifetime { return .kept(snapshot.value) }
        if let reading, reading.generation == generation { return .reading(reading.task, generation: generation) }
        let task = Task { try await read() }
        reading = (task, generation)
        return .reading(task, generation: generation)
    }

    private func finished(_ generation: Int, keeping value: Value?) {
        guard generation == self.generation, reading != nil else { return }
        reading = nil
        if let value { snapshot = (value, Date()) }
    }
}
