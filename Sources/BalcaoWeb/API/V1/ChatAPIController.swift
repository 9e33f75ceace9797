import BalcaoCore
import Foundation
import Vapor

/// `/api/v1`: live chats for integrations and other front ends — a chat ticket's state, accept, transfer and end;
/// each department's widget settings (admins change them); agents' limits of open chats (admins and supervisors).
/// The rules live in `ChatRouting` and `ChatService`; this only translates.
struct ChatAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let chat = routes.grouped("tickets", ":ticketID", "chat")
        chat.get(use: show)
        chat.post("accept", use: accept)
        chat.post("transfer", use: transfer)
        chat.post("end", use: end)
        routes.get("departments", ":departmentID", "chat-widget", use: widget)
        routes.put("departments", ":departmentID", "chat-widget", use: saveWidget)
        routes.get("agents", ":agentID", "chat-limit", use: limit)
        routes.put("agents", ":agentID", "chat-limit", use: setLimit)
    }

    @Sendable func show(req: Request) async throws -> ChatDTO {
        try await dto(try await conversation(req))
    }

    @Sendable func accept(req: Request) async throws -> ChatDTO {
        let conversation = try await conversation(req)
        try await services.chatRouting.accept(conversation, by: try req.agent)
        return try await dto(conversation)
    }

    @Sendable func transfer(req: Request) async throws -> ChatDTO {
        let body = try req.content.decode(ChatTransferRequest.self)
        let target: ChatTransferTarget
        switch (body.agentId, body.departmentId) {
        case (let agent?, nil): target = .agent(Agent.ID(rawValue: agent))
        case (nil, let department?): target = .department(Department.ID(rawValue: department))
        default: throw ValidationError(field: "agentId", "give either agentId or departmentId")
        }
        let conversation = try await conversation(req)
        try await services.chatRouting.transfer(conversation, to: target, reason: body.reason ?? "", by: try req.agent)
        return try await dto(conversation)
    }

    @Sendable func end(req: Request) async throws -> ChatDTO {
        let conversation = try await conversation(req)
        try await services.chat.end(conversation, by: .agent(try req.agent.id))
        return try await dto(conversation)
    }

    @Sendable func widget(req: Request) async throws -> ChatWidgetDTO {
        let id = try req.id("departmentID", as: Department.ID.self)
        guard try await services.directory.department(id) != nil else { throw DirectoryError.departmentNotFound(id) }
        return ChatWidgetDTO(try await services.chat.widget(for: id) ?? ChatWidget(departmentID: id, isEnabled: false))
    }

    @Sendable func saveWidget(req: Request) async throws -> ChatWidgetDTO {
        let id = try req.id("departmentID", as: Department.ID.self)
        let widget = try req.content.decode(ChatWidgetDTO.self).widget(for: id)
        try await services.chat.save(widget, by: try req.agent)
        return ChatWidgetDTO(try await services.chat.widget(for: id) ?? widget)
    }

    @Sendable func limit(req: Request) async throws -> ChatLimitDTO {
        let id = try req.id("agentID", as: Agent.ID.self)
        guard try await services.directory.agent(id) != nil else { throw DirectoryError.agentNotFound(id) }
        return try await limitDTO(id)
    }

    @Sendable func setLimit(req: Request) async throws -> ChatLimitDTO {
        let id = try req.id("agentID", as: Agent.ID.self)
        let body = try req.content.decode(ChatLimitRequest.self)
        try await services.chatRouting.setLimit(body.limit, of: id, by: try req.agent)
        return try await limitDTO(id)
    }

    private func limitDTO(_ id: Agent.ID) async throws -> ChatLimitDTO {
        let own = try await services.chatRouting.limits()[id]
        return ChatLimitDTO(
            limit: own ?? ChatRouting.defaultLimit, isDefault: own == nil,
            openChats: try await services.chatRouting.openChats(of: id))
    }

    private func conversation(_ req: Request) async throws -> ChatConversation {
        let ticket = try await TicketsAPIController(services: services).ticket(for: req)
        guard let conversation = try await services.chat.conversation(of: ticket.id) else {
            throw Abort(.notFound, reason: "ticket #\(ticket.number) did not come by chat")
        }
        return conversation
    }

    private func dto(_ conversation: ChatConversation) async throws -> ChatDTO {
        let standing = try await services.chat.standing(of: conversation)
        let stored = try await services.chat.conversation(of: conversation.ticketID) ?? conversation
        let assignee = try await services.ticketStore.ticket(conversation.ticketID)?.assigneeID
        return ChatDTO(
            ticketId: conversation.ticketID.rawValue, ticketNumber: conversation.ticketNumber.value,
            state: standing.state, agentId: standing.state == .active ? assignee?.rawValue : nil, agentName: standing.agent,
            origin: conversation.origin,
            visitorConnected: await services.presence.viewers(of: conversation.ticketID.rawValue)
                .contains { $0.agentID == conversation.contactID.rawValue },
            createdAt: conversation.createdAt, endedAt: stored.endedAt)
    }
}

struct ChatDTO: Content {
    let ticketId: UUID
    let ticketNumber: Int
    let state: ChatConversation.State
    let agentId: UUID?
    let agentName: String?
    let origin: String?
    let visitorConnected: Bool
    let createdAt: Date
    let endedAt: Date?
}

struct ChatTransferRequest: Content {
    var agentId: UUID?
    var departmentId: UUID?
    var reason: String?
}

struct ChatLimitRequest: Content {
    /// Null goes back to the desk's default.
    var limit: Int?
}

struct ChatLimitDTO: Content {
    let limit: Int
    let isDefault: Bool
    let openChats: Int
}

/// A department's widget as the API shows and takes it (the department comes from the path).
struct ChatWidgetDTO: Content {
    struct Prechat: Content {
        var requiresName: Bool?
        var customFieldKeys: [String]?
        var departmentChoices: [UUID]?
    }

    var enabled: Bool
    var allowedOrigins: [String]?
    var greeting: LocalizedTextDTO?
    var color: String?
    var followsBusinessHours: Bool?
    var prechat: Prechat?

    init(_ widget: ChatWidget) {
        enabled = widget.isEnabled
        allowedOrigins = widget.allowedOrigins
        greeting = LocalizedTextDTO(widget.greeting)
        color = widget.color
        followsBusinessHours = widget.followsBusinessHours
        prechat = Prechat(
            requiresName: widget.prechat.requiresName, customFieldKeys: widget.prechat.customFieldKeys,
            departmentChoices: widget.prechat.departmentChoices.map(\.rawValue))
    }

    /// Absent fields take the defaults a new widget has.
    func widget(for department: Department.ID) throws -> ChatWidget {
        var collector = ValidationCollector()
        let greeting = greeting?.text(field: "greeting", into: &collector) ?? LocalizedText()
        try collector.check()
        return ChatWidget(
            departmentID: department, isEnabled: enabled, allowedOrigins: allowedOrigins ?? [], greeting: greeting,
            color: color, followsBusinessHours: followsBusinessHours ?? false,
            prechat: ChatPrechatForm(
                requiresName: prechat?.requiresName ?? true, customFieldKeys: prechat?.customFieldKeys ?? [],
                departmentChoices: (prechat?.departmentChoices ?? []).map(Department.ID.init(rawValue:))))
    }
}
