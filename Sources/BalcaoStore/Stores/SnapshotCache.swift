import Foundation

/// A value read from the database and reused for `lifetime` seconds: the automation settings and the staff
/// directory are read by nearly every request and change rarely. A write in this process clears it at once;
/// other instances on the same PostgreSQL see the change within `lifetime`. A value read while a clear happened
/// is handed out but not kept (the generation moved on), so a clear is never undone by a slow reader.
actor SnapshotCache<Value: Sendable> {
    let lifetime: TimeInterval
    private var snapshot: (value: Value, readAt: Date)?
    private var generation = 0

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    /// The kept value, or `read`'s fresh one (kept from now on).
    nonisolated func value(orRead read: @Sendable () async throws -> Value) async throws -> Value {
        let (kept, generation) = await current()
        if let kept { return kept }
        let value = try await read()
        await keep(value, readIn: generation)
        return value
    }

    func clear() {
        snapshot = nil
        generation += 1
    }

    private func current() -> (Value?, Int) {
        guard let snapshot, Date().timeIntervalSince(snapshot.readAt) < lifetime else { return (nil, generation) }
        return (snapshot.value, generation)
    }

    private func keep(_ value: Value, readIn generation: Int) {
        guard generation == self.generation else { return }
        snapshot = (value, Date())
    }
}
