import BalcaoCore
import Foundation
import Vapor

/// A ticket as the API shows it.
struct TicketDTO: Content {
    let id: UUID
    let number: Int
    let subject: String
    let status: TicketStatus
    let priority: TicketPriority
    let type: TicketType
    let category: String?
    let channel: TicketChannel
    let requesterId: UUID
    let organizationId: UUID?
    let departmentId: UUID?
    let assigneeId: UUID?
    let tags: [String]
    let customFields: [String: CustomFieldInput]
    let createdAt: Date
    let updatedAt: Date
    let firstResponseAt: Date?
    let solvedAt: Date?
    let closedAt: Date?
    let version: Int
    let impact: TriageLevel?
    let urgency: TriageLevel?
    let sla: SLADTO?

    /// `now` (the desk's clock, never the wall clock: tests move time) decides which timers read as breached.
    init(_ ticket: Ticket, now: Date) {
        id = ticket.id.rawValue
        number = ticket.number.value
        subject = ticket.subject
        status = ticket.status
        priority = ticket.priority
        type = ticket.type
        category = ticket.category
        channel = ticket.channel
        requesterId = ticket.requesterID.rawValue
        organizationId = ticket.organizationID?.rawValue
        departmentId = ticket.departmentID?.rawValue
        assigneeId = ticket.assigneeID?.rawValue
        tags = ticket.tags
        customFields = ticket.customFields.mapValues(\.input)
        createdAt = ticket.createdAt
        updatedAt = ticket.updatedAt
        firstResponseAt = ticket.firstResponseAt
        solvedAt = ticket.solvedAt
        closedAt = ticket.closedAt
        version = ticket.version
        impact = ticket.impact
        urgency = ticket.urgency
        sla = ticket.sla.map { SLADTO($0, now: now) }
    }
}

/// A ticket's SLA: the policy, the nearest due time and each timer that started.
struct SLADTO: Content {
    struct Timer: Content {
        let startedAt: Date
        /// Business seconds allowed; absent when the policy sets none for the ticket's priority.
        let targetSeconds: Double?
        let dueAt: Date?
        let fulfilledAt: Date?
        let paused: Bool
        let breached: Bool

        init(_ timer: SLATimer, now: Date) {
            startedAt = timer.startedAt
            targetSeconds = timer.target
            dueAt = timer.dueAt
            fulfilledAt = timer.fulfilledAt
            paused = timer.isPaused
            breached = timer.isBreached(at: now)
        }
    }

    let policyId: UUID
    let nextDueAt: Date?
    let firstResponse: Timer?
    let nextResponse: Timer?
    let resolution: Timer?

    init(_ state: SLAState, now: Date) {
        policyId = state.policyID.rawValue
        nextDueAt = state.nextDueAt
        firstResponse = state.firstResponse.map { Timer($0, now: now) }
        nextResponse = state.nextResponse.map { Timer($0, now: now) }
        resolution = state.resolution.map { Timer($0, now: now) }
    }
}

/// A page of tickets; pass `nextCursor` back as `cursor` for the next page (absent on the last page).
struct TicketPageDTO: Content {
    let data: [TicketDTO]
    let nextCursor: String?
}

/// Who wrote or did something.
struct ActorDTO: Content, Equatable {
    let type: String
    let id: UUID?

    init(_ actor: Actor) {
        switch actor {
        case .agent(let id): (type, self.id) = ("agent", id.rawValue)
        case .contact(let id): (type, self.id) = ("contact", id.rawValue)
        case .system: (type, id) = ("system", nil)
        }
    }
}

struct AttachmentDTO: Content {
    let id: UUID
    let filename: String
    let contentType: String
    let size: Int
    let sha256: String
    let url: String

    init(_ attachment: Attachment) {
        id = attachment.id.rawValue
        filename = attachment.filename
        contentType = attachment.contentType
        size = attachment.size
        sha256 = attachment.sha256
        url = "/api/v1/attachments/\(attachment.id)"
    }
}

struct MessageDTO: Content {
    let id: UUID
    let ticketId: UUID
    let kind: Message.Kind
    let author: ActorDTO
    let channel: TicketChannel
    let text: String
    let html: String
    let attachments: [AttachmentDTO]
    let createdAt: Date

    init(_ message: Message) {
        id = message.id.rawValue
        ticketId = message.ticketID.rawValue
        kind = message.kind
        author = ActorDTO(message.author)
        channel = message.channel
        text = message.text
        html = message.html
        attachments = message.attachments.map(AttachmentDTO.init)
        createdAt = message.createdAt
    }
}

struct TicketEventDTO: Content {
    let id: UUID
    let actor: ActorDTO
    let at: Date
    let field: String
    let oldValue: String?
    let newValue: String?

    init(_ event: TicketEvent) {
        id = event.id.rawValue
        actor = ActorDTO(event.actor)
        at = event.at
        field = event.field.rawValue
        oldValue = event.oldValue
        newValue = event.newValue
    }
}

/// A list without paging (a ticket's messages or events).
struct ListDTO<Item: Content>: Content {
    let data: [Item]
}
