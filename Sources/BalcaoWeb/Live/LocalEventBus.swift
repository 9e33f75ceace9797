import BalcaoCore
import Foundation

/// The in-process event bus: every committed ticket change reaches every open WebSocket of this instance.
/// (Several instances will share changes through PostgreSQL LISTEN/NOTIFY — issue 12.)
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

/// Agents with the workspace open on this instance (their `/ws/agent` sockets), counted per agent.
actor WorkspaceConnections: AgentConnections {
    private var counts: [Agent.ID: Int] = [:]

    func opened(_ agent: Agent.ID) { counts[agent, default: 0] += 1 }

    func closed(_ agent: Agent.ID) {
        counts[agent] = (counts[agent] ?? 1) > 1 ? counts[agent]! - 1 : nil
    }

    func isConnected(_ agent: Agent.ID) -> Bool { counts[agent] != nil }
}

/// Who is looking at (and typing on) which ticket, for collision detection on ticket pages.
actor PresenceHub {
    struct Viewer: Sendable, Hashable, Codable {
        let agentID: UUID
        let name: String
        var isTyping: Bool
    }

    /// ticket id → connection id → viewer
    private var viewers: [UUID: [UUID: Viewer]] = [:]
    private var listeners: [UUID: AsyncStream<UUID>.Continuation] = [:]

    func enter(ticket: UUID, connection: UUID, viewer: Viewer) {
        viewers[ticket, default: [:]][connection] = viewer
        notify(ticket)
    }

    func setTyping(ticket: UUID, connection: UUID, _ isTyping: Bool) {
        guard viewers[ticket]?[connection] != nil, viewers[ticket]?[connection]?.isTyping != isTyping else { return }
        viewers[ticket]?[connection]?.isTyping = isTyping
        notify(ticket)
    }

    func leave(connection: UUID) {
        for (ticket, list) in viewers where list[connection] != nil {
            viewers[ticket]?[connection] = nil
            if viewers[ticket]?.isEmpty == true { viewers[ticket] = nil }
            notify(ticket)
        }
    }

    /// Everyone on a ticket, one entry per agent (typing wins when an agent has two tabs open).
    func viewers(of ticket: UUID) -> [Viewer] {
        var byAgent: [UUID: Viewer] = [:]
        for viewer in (viewers[ticket] ?? [:]).values {
            if var existing = byAgent[viewer.agentID] {
                existing.isTyping = existing.isTyping || viewer.isTyping
                byAgent[viewer.agentID] = existing
            } else {
                byAgent[viewer.agentID] = viewer
            }
        }
        return byAgent.values.sorted { $0.name < $1.name }
    }

    /// Ticket ids whose presence changed.
    func changes() -> AsyncStream<UUID> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<UUID>.makeStream(bufferingPolicy: .bufferingNewest(256))
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.stopListening(id) } }
        return stream
    }

    private func stopListening(_ id: UUID) { listeners[id] = nil }

    private func notify(_ ticket: UUID) {
        for continuation in listeners.values { continuation.yield(ticket) }
    }
}
