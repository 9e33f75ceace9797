import BalcaoCore
import Foundation
import Vapor

/// `POST /tickets`.
struct OpenTicketRequest: Content {
    struct Requester: Content {
        let id: UUID?
        let email: String?
        let name: String?
        let kind: Contact.Kind?
    }

    let subject: String
    let body: String?
    let bodyHtml: String?
    let requester: Requester
    let channel: TicketChannel?
    let priority: TicketPriority?
    let impact: TriageLevel?
    let urgency: TriageLevel?
    let type: TicketType?
    let category: String?
    let organizationId: UUID?
    let departmentId: UUID?
    let assigneeId: UUID?
    let tags: [String]?
    let customFields: [String: CustomFieldInput]?

    func command() throws -> OpenTicket {
        let reference: RequesterReference
        if let id = requester.id {
            reference = .id(.init(rawValue: id))
        } else if let raw = requester.email {
            guard let email = EmailAddress(raw) else {
                throw ValidationError(field: "requester.email", "is not an email address")
            }
            reference = .email(email, name: requester.name, kind: requester.kind)
        } else {
            throw ValidationError(field: "requester", "needs an id or an email")
        }
        return OpenTicket(
            subject: subject, body: MessageBody(text: body, html: bodyHtml), requester: reference,
            channel: channel ?? .api, priority: priority, type: type, category: category,
            organizationID: organizationId.map { .init(rawValue: $0) },
            departmentID: departmentId.map { .init(rawValue: $0) }, assigneeID: assigneeId.map { .init(rawValue: $0) },
            tags: tags ?? [], customFields: customFields ?? [:], impact: impact, urgency: urgency)
    }
}

/// `PATCH /tickets/{id}`: absent fields stay, `null` clears a nullable field.
struct UpdateTicketRequest: Content {
    var changes = TicketChanges()

    enum CodingKeys: String, CodingKey {
        case subject, status, priority, type, category, requesterId, organizationId, departmentId, assigneeId, tags
        case impact, urgency
        case customFields
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        changes.subject = try container.decodeIfPresent(String.self, forKey: .subject)
        changes.status = try container.decodeIfPresent(TicketStatus.self, forKey: .status)
        changes.priority = try container.decodeIfPresent(TicketPriority.self, forKey: .priority)
        changes.type = try container.decodeIfPresent(TicketType.self, forKey: .type)
        changes.category = try container.decodePatch(String.self, forKey: .category)
        changes.requesterID = try container.decodeIfPresent(UUID.self, forKey: .requesterId).map { .init(rawValue: $0) }
        changes.organizationID = try container.decodeIDPatch(Organization.ID.self, forKey: .organizationId)
        changes.departmentID = try container.decodeIDPatch(Department.ID.self, forKey: .departmentId)
        changes.assigneeID = try container.decodeIDPatch(Agent.ID.self, forKey: .assigneeId)
        changes.tags = try container.decodeIfPresent([String].self, forKey: .tags)
        changes.impact = try container.decodePatch(TriageLevel.self, forKey: .impact)
        changes.urgency = try container.decodePatch(TriageLevel.self, forKey: .urgency)
        changes.customFields = try container.decodeIfPresent([String: CustomFieldInput].self, forKey: .customFields) ?? [:]
    }

    func encode(to encoder: any Encoder) throws {}
}

/// `POST /tickets/{id}/messages`, as JSON or as multipart form data with files in `attachments`.
struct AddMessageRequest: Content {
    let kind: Message.Kind
    let body: String?
    let bodyHtml: String?
    let status: TicketStatus?
    /// Post the reply as the requester (an integration relaying the customer's words). Agents otherwise.
    let authorContactId: UUID?
    let channel: TicketChannel?
    let attachments: [File]?

    func command(by agent: Agent) -> AddMessage {
        AddMessage(
            kind: kind, body: MessageBody(text: body, html: bodyHtml),
            author: authorContactId.map { .contact(.init(rawValue: $0)) } ?? .agent(agent.id),
            channel: channel ?? .api,
            attachments: (attachments ?? []).map {
                AttachmentUpload(
                    filename: $0.filename, contentType: $0.contentType?.serialize(), data: Data($0.data.readableBytesView))
            },
            status: status)
    }
}
