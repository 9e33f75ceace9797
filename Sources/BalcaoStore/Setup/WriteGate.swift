/// Lets one write transaction run at a time. SQLite has a single writer: two connections racing for the write lock
/// spin in sqlite-nio's busy handler (see DESIGN.md), so writes queue here instead. On PostgreSQL the gate is open.
public actor WriteGate {
    private let isSerial: Bool
    private var isBusy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(serial: Bool) { self.isSerial = serial }

    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard isSerial else { return try await body() }
        if isBusy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            isBusy = true
        }
        defer { handOver() }
        return try await body()
    }

    /// Passes the gate to the next waiter, or opens it.
    private func handOver() {
        if waiters.isEmpty {
            isBusy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
