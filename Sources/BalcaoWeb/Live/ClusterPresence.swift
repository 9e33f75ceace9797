import BalcaoCore
import BalcaoStore
import Foundation
import Logging

/// Shares presence between instances on one PostgreSQL, on its own NOTIFY channel: which agents have the workspace
/// open (so a chat on one instance knows someone is there on another) and who views or types on which ticket (so a
/// visitor sees the agent typing, and the agent sees the visitor, wherever each is connected).
///
/// Each instance announces its agents when they change and every `heartbeat`; an instance silent for `expiry` is
/// forgotten (it stopped without saying goodbye). A starting instance asks the others for what they have.
struct ClusterPresence: Sendable {
    struct Notice: Codable, Sendable {
        enum Kind: String, Codable, Sendable {
            /// The instance's connected agents (also its heartbeat).
            case agents
            /// The instance's viewers of `ticket`.
            case viewers
            /// "Tell me what you have": sent by a starting instance.
            case sync
            /// The instance stops.
            case bye
        }

        let instance: UUID
        let kind: Kind
        var agents: [UUID]?
        var ticket: UUID?
        var viewers: [PresenceHub.Viewer]?
    }

    static let heartbeat: Duration = .seconds(15)
    static let expiry: TimeInterval = 45

    let channel: PostgresChannel
    let instance: UUID
    let presence: PresenceHub
    let connections: WorkspaceConnections
    let clock: any Clock
    let logger = Logger(label: "balcao.cluster.presence")

    /// Announces and listens until cancelled; nil on SQLite (one instance).
    func run() -> Task<Void, Never>? {
        guard channel.isAvailable else { return nil }
        let notices = channel.listen(logger: logger)
        return Task {
            let localViewers = await presence.localChanges()
            let localAgents = await connections.localChanges()
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await payload in notices {
                        guard let notice = try? JSONDecoder().decode(Notice.self, from: Data(payload.utf8)),
                            notice.instance != instance
                        else { continue }
                        await apply(notice)
                    }
                }
                group.addTask {
                    for await ticket in localViewers { await announceViewers(of: ticket) }
                }
                group.addTask {
                    for await _ in localAgents { await announceAgents() }
                }
                group.addTask {
                    // The listening connection takes a moment; a sync sent before it would miss the answers.
                    try? await Task.sleep(for: .seconds(1))
                    await send(Notice(instance: instance, kind: .sync))
                    while !Task.isCancelled {
                        await announceAgents()
                        try? await Task.sleep(for: Self.heartbeat)
                        for gone in await connections.expire(before: clock.now.addingTimeInterval(-Self.expiry)) {
                            await presence.forget(gone)
                        }
                    }
                }
            }
        }
    }

    /// Tells the others this instance stops, so its agents and viewers go at once.
    func farewell() async {
        guard channel.isAvailable else { return }
        await send(Notice(instance: instance, kind: .bye))
    }

    private func apply(_ notice: Notice) async {
        switch notice.kind {
        case .agents:
            let agents = Set((notice.agents ?? []).map(Agent.ID.init(rawValue:)))
            await connections.peer(notice.instance, agents: agents, at: clock.now)
        case .viewers:
            guard let ticket = notice.ticket else { return }
            await presence.peer(notice.instance, ticket: ticket, viewers: notice.viewers ?? [])
        case .sync:
            await announceAgents()
            for ticket in await presence.localTickets { await announceViewers(of: ticket) }
        case .bye:
            await connections.forget(notice.instance)
            await presence.forget(notice.instance)
        }
    }

    private func announceAgents() async {
        await send(Notice(instance: instance, kind: .agents, agents: await connections.localAgents.map(\.rawValue)))
    }

    private func announceViewers(of ticket: UUID) async {
        await send(Notice(instance: instance, kind: .viewers, ticket: ticket, viewers: await presence.localViewers(of: ticket)))
    }

    private func send(_ notice: Notice) async {
        do {
            try await channel.notify(String(decoding: try JSONEncoder().encode(notice), as: UTF8.self))
        } catch {
            logger.warning("presence not announced to other instances: \(error)")
        }
    }
}
