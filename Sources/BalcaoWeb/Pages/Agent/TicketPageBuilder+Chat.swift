import BalcaoCore
import Foundation

extension TicketPageBuilder {
    /// The live chat of a chat ticket: where it stands, who answers it, and what the viewing agent may do with it
    /// (accept, transfer to a colleague or department, end).
    func chatPanel(_ ticket: Ticket, directory: DirectorySnapshot, viewer: String) async throws
        -> TicketPageContext.ChatPanel?
    {
        guard ticket.channel == .chat, let conversation = try await services.chat.conversation(of: ticket.id),
            let viewerID = Agent.ID(viewer)
        else { return nil }
        let state = try await services.chat.state(of: conversation)
        let connected = await services.presence.viewers(of: ticket.id.rawValue)
            .contains { $0.agentID == conversation.contactID.rawValue }
        let handler = state == .active ? ticket.assigneeID.flatMap { directory.agentNames[$0] } : nil
        let open = try await services.chatRouting.openChats(of: viewerID)
        let limit = try await services.chatRouting.limit(of: viewerID)
        let isOpen = state != .ended
        return .init(
            state: state.rawValue, stateLabel: l["chat_\(state.rawValue)"], visitorConnected: connected && isOpen,
            canEnd: isOpen, origin: conversation.origin ?? "",
            handledBy: handler.map { l.format("chat_handled_by", $0) },
            canAccept: state == .waiting,
            load: l.format("chat_load", "\(open) / \(limit)"),
            transferAgents: isOpen
                ? directory.agents.filter { $0.isActive && $0.canWork(in: ticket.departmentID) && $0.id != ticket.assigneeID }
                    .map { SelectOption(value: $0.id.description, label: $0.name) } : [],
            transferDepartments: isOpen
                ? directory.departments.filter { $0.id != ticket.departmentID }
                    .map { SelectOption(value: $0.id.description, label: $0.name) } : [])
    }
}
