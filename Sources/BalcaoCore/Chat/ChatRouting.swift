import Foundation

/// Who answers a chat: an agent accepts a waiting chat (it is assigned to them), hands it to a colleague or another
/// department, and never holds more open chats at once than their limit. A chat is open until it ends; one with
/// no line for `idleAfter` no longer counts against the limit (its visitor has gone quiet).
public struct ChatRouting: Sendable {
    /// Open chats an agent may hold at once unless an admin set their own limit.
    public static let defaultLimit = 3
    public static let limitRange = 1...20
    public static let idleAfter: TimeInterval = 30 * 60

    let service: TicketService
    let tickets: any TicketStore
    let directory: any DirectoryStore
    let store: any ChatStore
    let clock: any Clock

    public init(
        service: TicketService, tickets: any TicketStore, directory: any DirectoryStore, store: any ChatStore,
        clock: any Clock
    ) {
        self.service = service
        self.tickets = tickets
        self.directory = directory
        self.store = store
        self.clock = clock
    }

    /// The agent takes the chat: it is assigned to them and the visitor is told who is answering.
    public func accept(_ conversation: ChatConversation, by agent: Agent) async throws {
        let ticket = try await openTicket(of: conversation)
        if let assignee = ticket.assigneeID, assignee != agent.id,
            try await store.conversation(ticket: ticket.id)?.state == .active
        {
            throw ChatError.alreadyAccepted(by: try await directory.agent(assignee)?.name ?? "")
        }
        try await hand(conversation, ticket: ticket, to: agent, by: agent, event: .chatAccepted, reason: nil, limited: true)
    }

    /// Hands the chat to another agent (who then has it, within their limit) or to another department's queue
    /// (where it waits for someone there to accept it). The reason goes into the history.
    public func transfer(_ conversation: ChatConversation, to target: ChatTransferTarget, reason: String, by agent: Agent)
        async throws
    {
        var collector = ValidationCollector()
        collector.limit(reason, field: "reason", maxLength: 500)
        try collector.check()
        let ticket = try await openTicket(of: conversation)
        switch target {
        case .agent(let id):
            guard let colleague = try await directory.agent(id), colleague.isActive else {
                throw ValidationError(field: "agentId", "no active agent has this id")
            }
            try await hand(
                conversation, ticket: ticket, to: colleague, by: agent, event: .chatTransferred, reason: reason,
                limited: true)
        case .department(let id):
            guard let department = try await directory.department(id) else {
                throw ValidationError(field: "departmentId", "no department has this id")
            }
            guard department.id != ticket.departmentID else {
                throw ValidationError(field: "departmentId", "the chat is already in \(department.name)")
            }
            var changes = TicketChanges()
            changes.departmentID = .set(department.id)
            changes.assigneeID = .clear
            _ = try await service.update(ticket.id, changes, by: .agent(agent.id))
            try await store.setState(.waiting, of: conversation.id, at: clock.now)
            _ = try await service.record(
                .chatTransferred, old: nil, new: Self.detail(department.name, reason), on: ticket.id, by: .agent(agent.id))
        }
    }

    /// Open chats assigned to the agent that had a line in the last `idleAfter`.
    public func openChats(of agent: Agent.ID) async throws -> Int {
        try await store.openChats(assignedTo: agent, activeSince: clock.now.addingTimeInterval(-Self.idleAfter))
    }

    /// The agent's own limit, or the desk's default.
    public func limit(of agent: Agent.ID) async throws -> Int {
        try await store.chatLimits()[agent] ?? Self.defaultLimit
    }

    public func limits() async throws -> [Agent.ID: Int] { try await store.chatLimits() }

    /// Sets (or, with nil, clears back to the default) an agent's limit; admins and supervisors.
    public func setLimit(_ limit: Int?, of agent: Agent.ID, by actor: Agent) async throws {
        try AutomationAdministration.requireManager(actor)
        if let limit, !Self.limitRange.contains(limit) {
            throw ValidationError(
                field: "limit", "must be from \(Self.limitRange.lowerBound) to \(Self.limitRange.upperBound)")
        }
        guard try await directory.agent(agent) != nil else { throw DirectoryError.agentNotFound(agent) }
        try await store.setChatLimit(limit, of: agent)
    }

    /// Assigns the chat to `agent` (within their limit when `limited`) and records who took it.
    func hand(
        _ conversation: ChatConversation, ticket: Ticket, to agent: Agent, by actor: Agent, event: TicketEvent.Field,
        reason: String?, limited: Bool
    ) async throws {
        if ticket.assigneeID != agent.id {
            let open = try await openChats(of: agent.id)
            let limit = try await limit(of: agent.id)
            guard open < limit || !limited else { throw ChatError.limitReached(agent: agent.name, limit: limit) }
            var changes = TicketChanges()
            changes.assigneeID = .set(agent.id)
            _ = try await service.update(ticket.id, changes, by: .agent(actor.id))
        }
        try await store.setState(.active, of: conversation.id, at: clock.now)
        _ = try await service.record(
            event, old: nil, new: reason.map { Self.detail(agent.name, $0) } ?? agent.name, on: ticket.id,
            by: .agent(actor.id))
    }

    private func openTicket(of conversation: ChatConversation) async throws -> Ticket {
        guard let current = try await store.conversation(ticket: conversation.ticketID), current.state != .ended else {
            throw ChatError.ended
        }
        guard let ticket = try await tickets.ticket(conversation.ticketID) else {
            throw TicketError.notFound(conversation.ticketID)
        }
        return ticket
    }

    /// "Ana — reason" for the history; the name alone without a reason.
    static func detail(_ name: String, _ reason: String) -> String {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return reason.isEmpty ? name : "\(name) — \(reason)"
    }
}

/// Where a chat goes on transfer.
public enum ChatTransferTarget: Sendable, Hashable {
    case agent(Agent.ID)
    case department(Department.ID)
}

/// Why an agent's chat action was refused.
public enum ChatError: Error, Sendable, Hashable {
    case limitReached(agent: String, limit: Int)
    case alreadyAccepted(by: String)
    case ended
}

extension TicketEvent.Field {
    /// An agent accepted a live chat: new = their name.
    public static let chatAccepted = TicketEvent.Field(rawValue: "chat_accepted")
    /// A live chat was handed on: new = the agent or department, and the reason.
    public static let chatTransferred = TicketEvent.Field(rawValue: "chat_transferred")
}
