import BalcaoCore
import Foundation
import Vapor

/// `/ws/agent`: pushes what changed to an agent's open pages. It only pushes; every change goes through HTTP.
///
/// Client → server: `{"type":"queue","view":"unassigned"}`, `{"type":"ticket","id":"<uuid>"}`,
/// `{"type":"typing","id":"<uuid>","typing":true}`, `{"type":"leave"}`.
/// Server → client: `{"type":"hello"}` once it listens (the page sends nothing before), `{"type":"change","id","number","views":[…],"counts":{…},"messageId"?,"messageKind"?,
/// "authorAgentId"?}` for every committed change, and `{"type":"presence","id","viewers":[{agentId,name,typing}]}`.
struct AgentSocket {
    let services: BalcaoServices

    struct Incoming: Decodable {
        let type: String
        let view: String?
        let id: String?
        let typing: Bool?
    }

    struct ChangeMessage: Encodable {
        let type = "change"
        let id: String
        let number: Int
        let views: [String]
        let counts: [String: Int]
        let messageId: String?
        let messageKind: String?
        let authorAgentId: String?
    }

    struct Hello: Encodable {
        let type = "hello"
    }

    struct PresenceMessage: Encodable {
        struct Viewer: Encodable {
            let agentId: String
            let name: String
            let typing: Bool
        }
        let type = "presence"
        let id: String
        let viewers: [Viewer]
    }

    /// Which ticket this connection is showing, if any (set by the page's `ticket` message).
    actor ConnectionState {
        var ticketID: UUID?
        func watch(_ id: UUID) { ticketID = id }
    }

    func handle(req: Request, ws: WebSocket) async {
        guard let session = req.agentSession else {
            try? await ws.close()
            return
        }
        let agent = session.agent
        let connection = UUID()
        let state = ConnectionState()
        let logger = req.logger
        // Handlers first, before any await: a page sends its first message as soon as the socket opens.
        ws.onText { ws, text in
            guard let incoming = try? JSONDecoder().decode(Incoming.self, from: Data(text.utf8)) else { return }
            switch incoming.type {
            case "ticket":
                guard let id = incoming.id.flatMap(UUID.init(uuidString:)) else { return }
                await state.watch(id)
                await services.presence.enter(
                    ticket: id, connection: connection,
                    viewer: .init(agentID: agent.id.rawValue, name: agent.name, isTyping: false))
                // Answer directly too: this connection's presence stream may not be subscribed yet.
                await sendPresence(of: id, on: ws)
            case "leave":
                // Sent on `pagehide`: browsers may keep a left page's socket open for a while (back/forward cache).
                await services.presence.leave(connection: connection)
            case "typing":
                guard let id = incoming.id.flatMap(UUID.init(uuidString:)) else { return }
                await services.presence.setTyping(ticket: id, connection: connection, incoming.typing ?? false)
            default:
                break
            }
        }
        let changes = await services.bus.subscribe()
        let presenceChanges = await services.presence.changes()
        let spikes = await services.spikes.subscribe()
        await services.workspaceConnections.opened(agent.id)
        // Messages that arrive before our handlers are installed are dropped, so the page waits for this
        // greeting before it says what it shows.
        await send(Hello(), on: ws)
        let pushChanges = Task {
            let departments = (try? await PageFrame(services: services).visibleDepartments(for: agent)) ?? []
            let views: [QueueView] = [.mine, .unassigned, .all] + departments.map { .department($0.id) }
            for await change in changes {
                let counts = (try? await services.ticketStore.queueCounts()).map { counts in
                    Dictionary(views.map { ($0.slug, counts.count(of: $0, for: agent)) }, uniquingKeysWith: { a, _ in a })
                } ?? [:]
                var author: String?
                if case .agent(let id)? = change.message?.author { author = id.description }
                let message = ChangeMessage(
                    id: change.ticket.id.description, number: change.ticket.number.value,
                    views: views.filter { $0.contains(change.ticket, for: agent) }.map(\.slug), counts: counts,
                    messageId: change.message?.id.description, messageKind: change.message?.kind.rawValue,
                    authorAgentId: author)
                await send(message, on: ws)
            }
        }
        // Spike alerts for those told of them: a banner on whatever page they have open.
        let pushSpikes = Task {
            for await opened in spikes where opened.audience.contains(agent.id) {
                await send(
                    SpikeMessage(text: opened.alert.headline(series: opened.series)),
                    on: ws)
            }
        }
        let pushPresence = Task {
            for await ticketID in presenceChanges where await state.ticketID == ticketID {
                await sendPresence(of: ticketID, on: ws)
            }
        }
        ws.onClose.whenComplete { _ in
            logger.debug("agent socket closed", metadata: ["agent": .string(agent.name)])
            pushChanges.cancel()
            pushPresence.cancel()
            pushSpikes.cancel()
            Task {
                await services.presence.leave(connection: connection)
                await services.workspaceConnections.closed(agent.id)
            }
        }
    }

    private func sendPresence(of ticketID: UUID, on ws: WebSocket) async {
        let viewers = await services.presence.viewers(of: ticketID)
        let message = PresenceMessage(
            id: ticketID.uuidString,
            viewers: viewers.map { .init(agentId: $0.agentID.uuidString, name: $0.name, typing: $0.isTyping) })
        await send(message, on: ws)
    }

    private func send(_ message: some Encodable, on ws: WebSocket) async {
        guard let data = try? JSONEncoder().encode(message) else { return }
        try? await ws.send(String(decoding: data, as: UTF8.self))
    }
}

/// `{"type": "spike", "text": …}`: a spike alert opened.
struct SpikeMessage: Encodable {
    var type = "spike"
    let text: String
}
