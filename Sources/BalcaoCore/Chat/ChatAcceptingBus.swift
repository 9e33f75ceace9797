import Foundation

/// An agent's public reply to a waiting chat accepts it (the visitor is answered, so someone has the chat), even
/// over their limit: the reply is already sent. `routing` must act through a service whose changes do not come
/// back through this bus.
public struct ChatAcceptingBus: EventBus {
    let routing: ChatRouting
    let next: any EventBus
    let report: @Sendable (String) -> Void

    public init(routing: ChatRouting, next: any EventBus, report: @escaping @Sendable (String) -> Void) {
        self.routing = routing
        self.next = next
        self.report = report
    }

    public func publish(_ change: TicketChange) async {
        await next.publish(change)
        guard change.ticket.channel == .chat, let message = change.message, message.kind == .reply,
            case .agent(let agentID) = message.author
        else { return }
        do {
            try await routing.acceptOnReply(ticket: change.ticket, by: agentID)
        } catch {
            report("chat #\(change.ticket.number) not accepted on reply: \(error)")
        }
    }
}

extension ChatRouting {
    /// Accepts a waiting chat for the agent who answered it; nothing when it is not waiting.
    func acceptOnReply(ticket: Ticket, by agentID: Agent.ID) async throws {
        guard let conversation = try await store.conversation(ticket: ticket.id), conversation.state == .waiting,
            let agent = try await directory.agent(agentID)
        else { return }
        try await hand(conversation, ticket: ticket, to: agent, by: agent, event: .chatAccepted, reason: nil, limited: false)
    }
}
