import BalcaoCore
import Foundation

/// Agents with the workspace open (their `/ws/agent` sockets): counted per agent on this instance, and as other
/// instances last said (see `ClusterPresence`), so a chat on one instance knows an agent on another is there.
actor WorkspaceConnections: AgentConnections {
    private var counts: [Agent.ID: Int] = [:]
    /// Other instances: the agents each last announced and when it last spoke.
    private var peers: [UUID: (agents: Set<Agent.ID>, seen: Date)] = [:]
    private var listener: AsyncStream<Void>.Continuation?

    func opened(_ agent: Agent.ID) {
        counts[agent, default: 0] += 1
        if counts[agent] == 1 { listener?.yield() }
    }

    func closed(_ agent: Agent.ID) {
        guard let count = counts[agent] else { return }
        counts[agent] = count > 1 ? count - 1 : nil
        if count == 1 { listener?.yield() }
    }

    func isConnected(_ agent: Agent.ID) -> Bool {
        counts[agent] != nil || peers.values.contains { $0.agents.contains(agent) }
    }

    /// The agents connected to this instance.
    var localAgents: [Agent.ID] { Array(counts.keys) }

    /// Ticks when an agent connects to or leaves this instance (one reader: the cluster relay).
    func localChanges() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listener = continuation
        return stream
    }

    func peer(_ instance: UUID, agents: Set<Agent.ID>, at date: Date) { peers[instance] = (agents, date) }

    func forget(_ instance: UUID) { peers[instance] = nil }

    /// Forgets the instances silent since `date` (stopped without a word) and returns them.
    func expire(before date: Date) -> [UUID] {
        let gone = peers.filter { $0.value.seen < date }.map(\.key)
        for instance in gone { peers[instance] = nil }
        return gone
    }
}

/// Who is looking at (and typing on) which ticket, for collision detection on ticket pages and a chat's typing
/// indicator: this instance's connections, and the viewers other instances announced (see `ClusterPresence`).
actor PresenceHub {
    struct Viewer: Sendable, Hashable, Codable {
        let agentID: UUID
        let name: String
        var isTyping: Bool
    }

    /// ticket id → connection id → viewer
    private var viewers: [UUID: [UUID: Viewer]] = [:]
    /// ticket id → instance id → that instance's viewers
    private var remote: [UUID: [UUID: [Viewer]]] = [:]
    private var listeners: [UUID: AsyncStream<UUID>.Continuation] = [:]
    private var localListener: AsyncStream<UUID>.Continuation?

    func enter(ticket: UUID, connection: UUID, viewer: Viewer) {
        viewers[ticket, default: [:]][connection] = viewer
        notify(ticket, local: true)
    }

    func setTyping(ticket: UUID, connection: UUID, _ isTyping: Bool) {
        guard viewers[ticket]?[connection] != nil, viewers[ticket]?[connection]?.isTyping != isTyping else { return }
        viewers[ticket]?[connection]?.isTyping = isTyping
        notify(ticket, local: true)
    }

    func leave(connection: UUID) {
        for (ticket, list) in viewers where list[connection] != nil {
            viewers[ticket]?[connection] = nil
            if viewers[ticket]?.isEmpty == true { viewers[ticket] = nil }
            notify(ticket, local: true)
        }
    }

    /// Everyone on a ticket, on any instance, one entry per agent (typing wins when an agent has two tabs open).
    func viewers(of ticket: UUID) -> [Viewer] {
        Self.merged(Array((viewers[ticket] ?? [:]).values) + (remote[ticket] ?? [:]).values.flatMap { $0 })
    }

    /// This instance's viewers of a ticket: what it announces to the others.
    func localViewers(of ticket: UUID) -> [Viewer] { Self.merged(Array((viewers[ticket] ?? [:]).values)) }

    /// Tickets with viewers on this instance.
    var localTickets: [UUID] { Array(viewers.keys) }

    /// What another instance says it has on a ticket (replacing what it said before).
    func peer(_ instance: UUID, ticket: UUID, viewers list: [Viewer]) {
        remote[ticket, default: [:]][instance] = list.isEmpty ? nil : list
        if remote[ticket]?.isEmpty == true { remote[ticket] = nil }
        notify(ticket, local: false)
    }

    /// Drops an instance that stopped.
    func forget(_ instance: UUID) {
        for (ticket, instances) in remote where instances[instance] != nil {
            remote[ticket]?[instance] = nil
            if remote[ticket]?.isEmpty == true { remote[ticket] = nil }
            notify(ticket, local: false)
        }
    }

    /// Ticket ids whose presence changed, here or on another instance.
    func changes() -> AsyncStream<UUID> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<UUID>.makeStream(bufferingPolicy: .bufferingNewest(256))
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.stopListening(id) } }
        return stream
    }

    /// Ticket ids whose presence changed on this instance (one reader: the cluster relay).
    func localChanges() -> AsyncStream<UUID> {
        let (stream, continuation) = AsyncStream<UUID>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        localListener = continuation
        return stream
    }

    private func stopListening(_ id: UUID) { listeners[id] = nil }

    private func notify(_ ticket: UUID, local: Bool) {
        for continuation in listeners.values { continuation.yield(ticket) }
        if local { localListener?.yield(ticket) }
    }

    private static func merged(_ all: [Viewer]) -> [Viewer] {
        var byAgent: [UUID: Viewer] = [:]
        for viewer in all {
            if var existing = byAgent[viewer.agentID] {
                existing.isTyping = existing.isTyping || viewer.isTyping
                byAgent[viewer.agentID] = existing
            } else {
                byAgent[viewer.agentID] = viewer
            }
        }
        return byAgent.values.sorted { $0.name < $1.name }
    }
}
