import Foundation

/// Opens, changes and converses on tickets: the rules of the ticket lifecycle applied over the store ports.
/// Every change is saved with its events in one transaction; concurrent saves of one ticket are retried.
public struct TicketService: Sendable {
    let tickets: any TicketStore
    let directory: any DirectoryStore
    let blobs: any BlobStore
    let clock: any Clock
    let attachmentPolicy: AttachmentPolicy
    let bus: any EventBus
    /// Routing, priority matrix, assignment and SLA; nil runs tickets without them (tools, tests of other parts).
    let triage: TicketTriage?
    /// Stamped on every published change; see `acting(as:)`.
    var origin: ChangeOrigin = .request

    /// How often a change is re-applied on a fresh copy after losing a race with another save.
    static let maxAttempts = 5

    public init(
        tickets: any TicketStore, directory: any DirectoryStore, blobs: any BlobStore, clock: any Clock,
        attachmentPolicy: AttachmentPolicy = AttachmentPolicy(), bus: any EventBus = SilentEventBus(),
        triage: TicketTriage? = nil
    ) {
        self.tickets = tickets
        self.directory = directory
        self.blobs = blobs
        self.clock = clock
        self.attachmentPolicy = attachmentPolicy
        self.bus = bus
        self.triage = triage
    }

    /// The same service, publishing its changes as made by `origin` (automations use `.automation`).
    public func acting(as origin: ChangeOrigin) -> TicketService {
        var service = self
        service.origin = origin
        return service
    }

    /// Opens a ticket. The first message is the requester's words, whoever typed them (an agent on the phone,
    /// an integration); the `created` event names the actor who opened it.
    public func open(_ command: OpenTicket, by actor: Actor) async throws -> Ticket {
        var collector = ValidationCollector()
        collector.requireText(command.subject, field: "subject", maxLength: OpenTicket.maxSubjectLength)
        command.body.validate(field: "body", into: &collector)
        collector.limit(command.category, field: "category", maxLength: 120)
        Self.validateTags(command.tags, into: &collector)
        try collector.check()
        try attachmentPolicy.check(command.attachments)

        let now = clock.now
        let requester = try await resolve(command.requester, at: now)
        let routing = try await triage?.route(command, requester: requester, at: now)
        let command = routing?.command ?? command
        let organizationID = try await checkedOrganization(command.organizationID) ?? requester.organizationID
        let department = try await checkedDepartment(command.departmentID)
        let customFields = try Self.check(command.customFields, against: department)
        try await checkAssignee(command.assigneeID, in: department?.id)

        let attachments = try await store(command.attachments)
        let ticket = Ticket(
            number: try await tickets.nextTicketNumber(),
            subject: command.subject.trimmingCharacters(in: .whitespacesAndNewlines),
            status: command.assigneeID == nil ? .new : .open, priority: command.priority ?? .normal,
            type: command.type ?? .question, category: Self.blankToNil(command.category), channel: command.channel,
            requesterID: requester.id, organizationID: organizationID, departmentID: department?.id,
            assigneeID: command.assigneeID, tags: Tag.normalize(command.tags),
            customFields: customFields.compactMapValues { $0 }, impact: command.impact, urgency: command.urgency,
            createdAt: now)
        let body = command.body.normalized()!  // validated above
        let message = Message(
            id: command.firstMessageID ?? Message.ID(), ticketID: ticket.id, kind: .reply, author: .contact(requester.id), channel: command.channel,
            text: body.text, html: body.html, attachments: attachments, createdAt: now)
        var opened = ticket
        let created = TicketEvent(
            ticketID: ticket.id, actor: actor, at: now, field: .created, oldValue: nil,
            newValue: ticket.number.description)
        var events = [created] + (try opened.record(message))
        events += (routing?.fired ?? []).map { rule in
            TicketEvent(
                ticketID: ticket.id, actor: .system, at: now, field: .rule, oldValue: rule.id.description,
                newValue: rule.name)
        }
        events += try await triage?.refresh(&opened, after: events, by: actor, at: now) ?? []
        try await tickets.insert(opened, messages: [message], events: events)
        await bus.publish(
            TicketChange(
                ticket: opened, events: events, message: message, isNew: true, origin: origin,
                effects: routing?.effects ?? []))
        return opened
    }

    /// Changes fields of a ticket. Returns the ticket as saved; a change that changes nothing saves nothing.
    public func update(_ id: Ticket.ID, _ changes: TicketChanges, by actor: Actor) async throws -> Ticket {
        var collector = ValidationCollector()
        if let subject = changes.subject {
            collector.requireText(subject, field: "subject", maxLength: OpenTicket.maxSubjectLength)
        }
        if case .set(let category) = changes.category { collector.limit(category, field: "category", maxLength: 120) }
        if let tags = changes.tags { Self.validateTags(tags, into: &collector) }
        try collector.check()
        if let requesterID = changes.requesterID, try await directory.contact(requesterID) == nil {
            throw ValidationError(field: "requesterId", "no contact has this id")
        }
        if case .set(let organizationID) = changes.organizationID { _ = try await checkedOrganization(organizationID) }

        return try await withRetries(id) { ticket in
            let departmentID = changes.departmentID.applied(to: ticket.departmentID)
            let department = try await checkedDepartment(departmentID)
            let assigneeID = changes.assigneeID.applied(to: ticket.assigneeID)
            if assigneeID != ticket.assigneeID || departmentID != ticket.departmentID {
                try await checkAssignee(assigneeID, in: departmentID)
            }
            let checked = try Self.check(changes.customFields, against: department)
            var normalized = changes
            if case .set(let category) = changes.category, Self.blankToNil(category) == nil { normalized.category = .clear }
            if let subject = changes.subject { normalized.subject = subject.trimmingCharacters(in: .whitespacesAndNewlines) }
            let now = clock.now
            let events = try ticket.apply(normalized, customFields: checked, by: actor, at: now)
            if normalized.status == .solved { try await checkRequiredFields(of: ticket) }
            return ([], events)
        }
    }

    /// Adds a public reply or internal note (with attachments), applying what it implies for the status.
    public func addMessage(_ command: AddMessage, to id: Ticket.ID) async throws -> (Ticket, Message) {
        var collector = ValidationCollector()
        command.body.validate(field: "body", into: &collector)
        try collector.check()
        if command.kind == .system { throw ValidationError(field: "kind", "must be reply or note") }
        try attachmentPolicy.check(command.attachments)
        switch command.author {
        case .agent(let agentID):
            guard let agent = try await directory.agent(agentID), agent.isActive else {
                throw ValidationError(field: "author", "no active agent has this id")
            }
        case .contact:
            if command.kind == .note { throw TicketError.noteByNonAgent }
            if command.status != nil { throw ValidationError(field: "status", "only agents set a status") }
        case .system:
            break
        }
        let attachments = try await store(command.attachments)
        let body = command.body.normalized()!  // validated above
        let message = Message(
            id: command.id ?? Message.ID(), ticketID: id, kind: command.kind, author: command.author, channel: command.channel, text: body.text,
            html: body.html, attachments: attachments, createdAt: clock.now)

        let ticket = try await withRetries(id) { ticket in
            if case .contact(let contactID) = command.author, contactID != ticket.requesterID {
                throw ValidationError(field: "author", "only the ticket's requester may reply as a contact")
            }
            var events = try ticket.record(message)
            if let status = command.status {
                events += try ticket.move(to: status, by: command.author, at: message.createdAt)
                try await checkRequiredFields(of: ticket)
            }
            return ([message], events)
        }
        return (ticket, message)
    }

    /// Loads the ticket, lets `change` mutate it, and saves it with optimistic concurrency, re-running `change` on a
    /// fresh copy when another save got in first.
    func withRetries(
        _ id: Ticket.ID, _ change: (inout Ticket) async throws -> ([Message], [TicketEvent])
    ) async throws -> Ticket {
        for _ in 0..<Self.maxAttempts {
            guard var ticket = try await tickets.ticket(id) else { throw TicketError.notFound(id) }
            var (messages, events) = try await change(&ticket)
            if events.isEmpty && messages.isEmpty { return ticket }
            if let triage, let first = events.first {
                events += try await triage.refresh(&ticket, after: events, by: first.actor, at: first.at)
            }
            ticket.version += 1
            if try await tickets.update(ticket, messages: messages, events: events) {
                await bus.publish(
                    TicketChange(
                        ticket: ticket, events: events, message: messages.first, isNew: false, origin: origin))
                return ticket
            }
        }
        throw TicketError.concurrentUpdate(id)
    }
}
