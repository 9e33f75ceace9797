import Foundation

/// Chats as tickets: a conversation opens a ticket on channel `chat` in its department (so it is routed, ordered
/// and worked like any other), each visitor line is a public reply by the requester, each agent's public reply a
/// line back. Lines are stored under the client's id, so a resent line is stored once.
public struct ChatService: Sendable {
    let service: TicketService
    let tickets: any TicketStore
    let directory: any DirectoryStore
    let store: any ChatStore
    let automation: any AutomationStore
    let connections: any AgentConnections
    let clock: any Clock

    public init(
        service: TicketService, tickets: any TicketStore, directory: any DirectoryStore, store: any ChatStore,
        automation: any AutomationStore, connections: any AgentConnections, clock: any Clock
    ) {
        self.connections = connections
        self.service = service
        self.tickets = tickets
        self.directory = directory
        self.store = store
        self.automation = automation
        self.clock = clock
    }

    /// Saves a department's widget (admins).
    public func save(_ widget: ChatWidget, by agent: Agent) async throws {
        try DirectoryService.requireAdmin(agent)
        guard let department = try await directory.department(widget.departmentID) else {
            throw ValidationError(field: "departmentId", "no department has this id")
        }
        let all = try await directory.departments(.everything).map(\.id)
        try await store.save(try widget.validated(department: department, departments: all))
    }

    public func widget(for department: Department.ID) async throws -> ChatWidget? {
        try await store.widget(for: department)
    }

    /// What the widget shows before a chat with `departmentID`: whether someone can answer, the greeting, the
    /// colour, when it opens again if it is closed, the form, and the departments the visitor may choose.
    public func welcome(for departmentID: Department.ID, language: SupportedLanguage) async throws -> ChatWelcome? {
        guard let widget = try await store.widget(for: departmentID), widget.isEnabled,
            let department = try await directory.department(departmentID)
        else { return nil }
        let opensAt = try await closedUntil(widget)
        var choices = [ChatWelcome.Choice(departmentID: department.id, name: department.name)]
        for id in widget.prechat.departmentChoices {
            guard let other = try await directory.department(id), try await store.widget(for: id)?.isEnabled == true
            else { continue }
            choices.append(.init(departmentID: other.id, name: other.name))
        }
        return ChatWelcome(
            online: opensAt == nil ? try await isOnline(departmentID) : false,
            greeting: widget.greeting.best(for: language)?.text, color: widget.color, opensAt: opensAt,
            requiresName: widget.prechat.requiresName,
            fields: widget.prechat.customFieldKeys.compactMap { key in department.customFields.first { $0.key == key } },
            choices: choices)
    }

    /// When a widget that follows business hours opens again, if it is closed now.
    func closedUntil(_ widget: ChatWidget) async throws -> Date? {
        guard widget.followsBusinessHours,
            let calendar = try await automation.settings().calendar(forDepartment: widget.departmentID),
            let clock = try? SLAClock(calendar: calendar)
        else { return nil }
        let now = self.clock.now
        return clock.isWorkingTime(now) ? nil : clock.nextWorkingInstant(after: now)
    }

    /// Whether someone can answer a chat now: an active agent of the department, not set away or offline (never
    /// set counts as online, as for assignment), with the workspace open.
    public func isOnline(_ departmentID: Department.ID) async throws -> Bool {
        var query = DirectoryQuery.everything
        query.departmentID = departmentID
        let agents = try await directory.agents(query).filter(\.isActive)
        guard !agents.isEmpty else { return false }
        let availability = try await automation.availability(of: agents.map(\.id))
        for agent in agents where (availability[agent.id] ?? .online) == .online {
            if await connections.isConnected(agent.id) { return true }
        }
        return false
    }

    /// The widget's form when no one is online: a request on channel `chat`, answered by email.
    public func leaveMessage(_ start: ChatStart, origin: String?, deskOrigin: String) async throws -> Ticket {
        try await service.open(try await ticket(for: start, origin: origin, deskOrigin: deskOrigin).ticket, by: .system)
    }

    /// The ticket a pre-chat form opens, once the department's widget admits `origin` and the form is complete.
    private func ticket(for start: ChatStart, origin: String?, deskOrigin: String) async throws
        -> (ticket: OpenTicket, widgetDepartment: Department.ID)
    {
        let (department, widget) = try await widgetDepartment(start, origin: origin, deskOrigin: deskOrigin)
        if widget.prechat.requiresName && start.name.isEmpty { throw ChatProtocolError.badFrame("a name is required") }
        var fields: [String: CustomFieldInput] = [:]
        for key in widget.prechat.customFieldKeys {
            guard let definition = department.customFields.first(where: { $0.key == key }) else { continue }
            if let value = start.fields[key] {
                fields[key] = .string(value)
            } else if definition.isRequired {
                throw ChatProtocolError.badFrame("\(definition.label) is required")
            }
        }
        let ticket = OpenTicket(
            subject: Self.subject(from: start.text), body: MessageBody(text: start.text),
            requester: .email(EmailAddress(start.email)!, name: start.name.isEmpty ? nil : start.name, kind: nil),
            channel: .chat, departmentID: department.id, customFields: fields, firstMessageID: start.clientID)
        return (ticket, department.id)
    }

    /// The department of a widget that takes chats from `origin`.
    private func widgetDepartment(_ start: ChatStart, origin: String?, deskOrigin: String) async throws
        -> (Department, ChatWidget)
    {
        guard let departmentID = Department.ID(start.departmentID),
            let department = try await directory.department(departmentID),
            let widget = try await store.widget(for: department.id), widget.isEnabled
        else { throw ChatProtocolError.departmentUnavailable }
        guard widget.allows(origin: origin, deskOrigin: deskOrigin) else { throw ChatProtocolError.originNotAllowed }
        return (department, widget)
    }

    /// Opens a conversation from the pre-chat form, if the department's widget admits `origin`.
    public func start(_ start: ChatStart, origin: String?, deskOrigin: String) async throws
        -> (conversation: ChatConversation, token: String)
    {
        // The conversation keeps the widget's department (its sites may resume it) wherever routing puts the ticket.
        let (command, departmentID) = try await ticket(for: start, origin: origin, deskOrigin: deskOrigin)
        let ticket = try await service.open(command, by: .system)
        let conversation = ChatConversation(
            ticketID: ticket.id, ticketNumber: ticket.number, departmentID: departmentID,
            contactID: ticket.requesterID, origin: origin, createdAt: clock.now)
        let token = try await store.create(conversation)
        return (conversation, token)
    }

    /// The conversation of a token, resumed from a page the department's widget still admits.
    public func resume(token: String, origin: String?, deskOrigin: String) async throws -> ChatConversation {
        guard let conversation = try await store.conversation(token: token) else {
            throw ChatProtocolError.unknownConversation
        }
        guard try await store.widget(for: conversation.departmentID)?.allows(origin: origin, deskOrigin: deskOrigin)
            == true
        else { throw ChatProtocolError.originNotAllowed }
        return conversation
    }

    /// Stores a visitor's line (once, whatever the resends) and returns it with its place. The save is tried first:
    /// a resend fails on the id (rare), and only then is the stored line looked up.
    public func post(
        _ text: String, clientID: Message.ID, attachments: [AttachmentUpload] = [], in conversation: ChatConversation
    ) async throws -> ChatLine {
        // Read again: the chat may have ended (by an agent, in another tab) since this connection attached.
        guard try await store.conversation(ticket: conversation.ticketID)?.state != .ended else {
            if let stored = try await line(clientID, in: conversation) { return stored }
            throw ChatProtocolError.ended
        }
        do {
            _ = try await service.addMessage(
                AddMessage(
                    kind: .reply, body: MessageBody(text: text), author: .contact(conversation.contactID),
                    channel: .chat, attachments: attachments, id: clientID),
                to: conversation.ticketID)
        } catch {
            // Sent before (a resend after a reconnect, or twice at once): the stored line is the answer.
            if let stored = try await line(clientID, in: conversation) { return stored }
            if case TicketError.closed = error { throw ChatProtocolError.ended }
            throw error
        }
        guard let stored = try await line(clientID, in: conversation) else { throw ChatProtocolError.unknownConversation }
        return stored
    }

    /// The public lines after `seq` (all when 0), oldest first: what a resuming client is missing.
    public func lines(of conversation: ChatConversation, after seq: Int = 0) async throws -> [ChatLine] {
        let all = try await allLines(of: conversation)
        return Array(all.dropFirst(max(0, seq)))
    }

    /// As stored now: waiting until an agent accepts (or answers), active, waiting again after a transfer to
    /// another department, ended (see `ChatRouting`).
    public func state(of conversation: ChatConversation) async throws -> ChatConversation.State {
        try await store.conversation(ticket: conversation.ticketID)?.state ?? conversation.state
    }

    /// The state and, once accepted, the name of the agent answering: what the visitor's widget shows.
    public func standing(of conversation: ChatConversation) async throws -> (state: ChatConversation.State, agent: String?) {
        let state = try await state(of: conversation)
        guard state == .active, let assignee = try await tickets.ticket(conversation.ticketID)?.assigneeID else {
            return (state, nil)
        }
        return (state, try await directory.agent(assignee)?.name)
    }

    /// The visitor or an agent ends the chat; the ticket stays as it is, for agents to finish by mail or the
    /// portal. The history says who ended it, and that change tells the visitor's open widget.
    public func end(_ conversation: ChatConversation, by actor: Actor) async throws {
        guard let current = try await store.conversation(ticket: conversation.ticketID), current.state != .ended else {
            return
        }
        try await store.setState(.ended, of: conversation.id, at: clock.now)
        _ = try await service.record(
            .chatEnded, old: nil, new: actor == .contact(conversation.contactID) ? "visitor" : "agent",
            on: conversation.ticketID, by: actor)
    }

    /// Mails the conversation so far to the visitor; false when their address may not be written to.
    public func mailTranscript(_ conversation: ChatConversation, via notifier: MailNotifier, language: SupportedLanguage)
        async throws -> Bool
    {
        guard let ticket = try await tickets.ticket(conversation.ticketID),
            let contact = try await directory.contact(conversation.contactID), let email = contact.primaryEmail
        else { return false }
        let lines = try await allLines(of: conversation)
        let mailLanguage = contact.languageTag.flatMap(SupportedLanguage.init(matching:)) ?? language
        return try await notifier.chatTranscript(
            lines, of: ticket, to: MailAddress(name: contact.name, address: email.value), language: mailLanguage) != nil
    }

    /// The chat of a ticket, if it came by chat.
    public func conversation(of ticket: Ticket.ID) async throws -> ChatConversation? {
        try await store.conversation(ticket: ticket)
    }

    /// A line by its client id, if this conversation's visitor sent it; another's message under that id is an error.
    private func line(_ clientID: Message.ID, in conversation: ChatConversation) async throws -> ChatLine? {
        let all = try await allLines(of: conversation)
        if let found = all.first(where: { $0.id == clientID }) {
            guard found.from == .visitor else { throw ChatProtocolError.badFrame("clientId already used") }
            return found
        }
        return nil
    }

    private func allLines(of conversation: ChatConversation) async throws -> [ChatLine] {
        let messages = PortalAccess.publicThread(try await tickets.messages(of: conversation.ticketID))
        var names: [Actor: String] = [:]
        for message in messages where names[message.author] == nil {
            switch message.author {
            case .agent(let id): names[message.author] = try await directory.agent(id)?.name
            case .contact(let id): names[message.author] = try await directory.contact(id)?.name
            case .system: break
            }
        }
        return messages.enumerated().map { index, message in
            let isVisitor = message.author == .contact(conversation.contactID)
            return ChatLine(
                seq: index + 1, id: message.id, from: isVisitor ? .visitor : .agent,
                name: names[message.author] ?? "", text: message.text, at: message.createdAt,
                attachments: message.attachments)
        }
    }

    /// The ticket's subject: the first line of the first message, shortened at a word.
    static func subject(from text: String) -> String {
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        guard firstLine.count > 80 else { return firstLine }
        let cut = firstLine.prefix(80)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}
