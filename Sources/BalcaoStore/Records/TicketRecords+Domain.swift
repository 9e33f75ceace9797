import BalcaoCore
import FluentKit
import Foundation

extension TicketRecord {
    convenience init(_ ticket: Ticket) {
        self.init()
        id = ticket.id.rawValue
        number = ticket.number.value
        createdAt = ticket.createdAt
        channel = ticket.channel.rawValue
        update(from: ticket)
    }

    func update(from ticket: Ticket) {
        subject = ticket.subject
        status = ticket.status.rawValue
        priority = ticket.priority.rank
        type = ticket.type.rawValue
        category = ticket.category
        requesterID = ticket.requesterID.rawValue
        organizationID = ticket.organizationID?.rawValue
        departmentID = ticket.departmentID?.rawValue
        assigneeID = ticket.assigneeID?.rawValue
        tags = JSONColumn.encode(ticket.tags)
        customFields = JSONColumn.encode(ticket.customFields)
        updatedAt = ticket.updatedAt
        firstResponseAt = ticket.firstResponseAt
        solvedAt = ticket.solvedAt
        closedAt = ticket.closedAt
        version = ticket.version
        impact = ticket.impact?.rawValue
        urgency = ticket.urgency?.rawValue
        sla = ticket.sla.map(JSONColumn.encode)
        slaDueAt = ticket.sla?.nextDueAt ?? Self.noDueDate
        slaWatchAt = ticket.sla?.nextWatchAt
    }

    func toDomain() throws -> Ticket {
        let id = try requireID()
        func corrupt(_ column: String) -> StoreError {
            StoreError.corruptRow(table: Self.schema, id: id.uuidString, column: column)
        }
        guard let status = TicketStatus(rawValue: status) else { throw corrupt("status") }
        guard let priority = TicketPriority(rank: priority) else { throw corrupt("priority") }
        guard let type = TicketType(rawValue: type) else { throw corrupt("type") }
        guard let channel = TicketChannel(rawValue: channel) else { throw corrupt("channel") }
        return Ticket(
            id: .init(rawValue: id), number: TicketNumber(number), subject: subject, status: status,
            priority: priority, type: type, category: category, channel: channel,
            requesterID: .init(rawValue: requesterID), organizationID: organizationID.map { .init(rawValue: $0) },
            departmentID: departmentID.map { .init(rawValue: $0) }, assigneeID: assigneeID.map { .init(rawValue: $0) },
            tags: try JSONColumn.decode([String].self, tags, table: Self.schema, id: id.uuidString, column: "tags"),
            customFields: try JSONColumn.decode(
                [String: CustomFieldValue].self, customFields, table: Self.schema, id: id.uuidString,
                column: "custom_fields"),
            impact: impact.flatMap(TriageLevel.init), urgency: urgency.flatMap(TriageLevel.init),
            sla: try sla.map { try JSONColumn.decode(SLAState.self, $0, table: Self.schema, id: id.uuidString, column: "sla") },
            createdAt: createdAt, updatedAt: updatedAt, firstResponseAt: firstResponseAt, solvedAt: solvedAt,
            closedAt: closedAt, version: version)
    }
}

/// Actors are stored as a type column plus an optional id column.
enum ActorColumns {
    static func split(_ actor: Actor) -> (type: String, id: UUID?) {
        switch actor {
        case .agent(let id): ("agent", id.rawValue)
        case .contact(let id): ("contact", id.rawValue)
        case .system: ("system", nil)
        }
    }

    static func join(type: String, id: UUID?) -> Actor? {
        switch (type, id) {
        case ("agent", let id?): .agent(.init(rawValue: id))
        case ("contact", let id?): .contact(.init(rawValue: id))
        case ("system", _): .system
        default: nil
        }
    }
}

extension MessageRecord {
    convenience init(_ message: Message) {
        self.init()
        uuid = message.id.rawValue
        ticketID = message.ticketID.rawValue
        kind = message.kind.rawValue
        (authorType, authorID) = ActorColumns.split(message.author)
        channel = message.channel.rawValue
        text = message.text
        html = message.html
        createdAt = message.createdAt
    }

    func toDomain(attachments: [AttachmentRecord]) throws -> Message {
        guard let kind = Message.Kind(rawValue: kind), let author = ActorColumns.join(type: authorType, id: authorID),
            let channel = TicketChannel(rawValue: channel)
        else { throw StoreError.corruptRow(table: Self.schema, id: uuid.uuidString, column: "kind/author/channel") }
        return Message(
            id: .init(rawValue: uuid), ticketID: .init(rawValue: ticketID), kind: kind, author: author,
            channel: channel, text: text, html: html,
            attachments: try attachments.sorted { $0.position < $1.position }.map { try $0.toDomain() },
            createdAt: createdAt)
    }
}

extension AttachmentRecord {
    convenience init(_ attachment: Attachment, message: Message, position: Int) {
        self.init()
        id = attachment.id.rawValue
        messageID = message.id.rawValue
        ticketID = message.ticketID.rawValue
        filename = attachment.filename
        contentType = attachment.contentType
        size = attachment.size
        sha256 = attachment.sha256
        self.position = position
    }

    func toDomain() throws -> Attachment {
        Attachment(
            id: .init(rawValue: try requireID()), filename: filename, contentType: contentType, size: size,
            sha256: sha256)
    }
}

extension TicketEventRecord {
    convenience init(_ event: TicketEvent) {
        self.init()
        uuid = event.id.rawValue
        ticketID = event.ticketID.rawValue
        (actorType, actorID) = ActorColumns.split(event.actor)
        at = event.at
        field = event.field.rawValue
        oldValue = event.oldValue
        newValue = event.newValue
    }

    func toDomain() throws -> TicketEvent {
        guard let actor = ActorColumns.join(type: actorType, id: actorID) else {
            throw StoreError.corruptRow(table: Self.schema, id: uuid.uuidString, column: "actor")
        }
        return TicketEvent(
            id: .init(rawValue: uuid), ticketID: .init(rawValue: ticketID), actor: actor, at: at,
            field: .init(rawValue: field), oldValue: oldValue, newValue: newValue)
    }
}
