import BalcaoCore
import Foundation

/// The in-process event bus: every committed ticket change reaches every open WebSocket of this instance.
/// (Other instances' changes arrive through `ClusterEventBus`.)
actor LocalEventBus: EventBus {
    private var subscribers: [UUID: AsyncStream<TicketChange>.Continuation] = [:]

    func publish(_ change: TicketChange) {
        for continuation in subscribers.values { continuation.yield(change) }
    }

    /// A stream of changes until the caller stops reading (the stream ends when cancelled).
    func subscribe() -> AsyncStream<TicketChange> {
        let id = UUID()
        // A slow socket drops old changes instead of growing memory without bound.
        let (stream, continuation) = AsyncStream<TicketChange>.makeStream(bufferingPolicy: .bufferingNewest(256))
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }
}
