import FluentKit
import Foundation

final class TicketRecord: Model, @unchecked Sendable {
    static let schema = "tickets"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "subject") var subject: String
    @Field(key: "status") var status: String
    /// `TicketPriority.rank`, so "urgent first" is an index scan.
    @Field(key: "priority") var priority: Int
    @Field(key: "type") var type: String
    @OptionalField(key: "category") var category: String?
    @Field(key: "channel") var channel: String
    @Field(key: "requester_id") var requesterID: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @OptionalField(key: "department_id") var departmentID: UUID?
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    /// JSON array; `ticket_tags` holds the same tags one per row for filtering.
    @Field(key: "tags") var tags: String
    /// JSON object of `CustomFieldValue`s.
    @Field(key: "custom_fields") var customFields: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "first_response_at") var firstResponseAt: Date?
    @OptionalField(key: "solved_at") var solvedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "version") var version: Int
    @OptionalField(key: "impact") var impact: String?
    @OptionalField(key: "urgency") var urgency: String?
    /// JSON `SLAState`.
    @OptionalField(key: "sla") var sla: String?
    /// The SLA's next due time (`SLAState.nextDueAt`), or `noDueDate`: the ruler's second key, never null so the
    /// order is the same on SQLite and PostgreSQL (which disagree on where NULLs sort).
    @Field(key: "sla_due_at") var slaDueAt: Date
    /// When the SLA watch must next look (`SLAState.nextWatchAt`).
    @OptionalField(key: "sla_watch_at") var slaWatchAt: Date?
    init() {}

    /// The due time of tickets without a running SLA timer: after every real one.
    static let noDueDate = Date(timeIntervalSince1970: 32_503_680_000)  // 3000-01-01
}

final class TicketTagRecord: Model, @unchecked Sendable {
    static let schema = "ticket_tags"
    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketID: UUID
    @Field(key: "tag") var tag: String
    init() {}
    init(ticketID: UUID, tag: String) {
        self.id = UUID()
        self.ticketID = ticketID
        self.tag = tag
    }
}

/// Messages and events carry a database-assigned `seq`, which orders a ticket's conversation and history even
/// when several rows share a timestamp.
final class MessageRecord: Model, @unchecked Sendable {
    static let schema = "messages"
    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "uuid") var uuid: UUID
    @Field(key: "ticket_id") var ticketID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "author_type") var authorType: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "channel") var channel: String
    @Field(key: "text") var text: String
    @Field(key: "html") var html: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class AttachmentRecord: Model, @unchecked Sendable {
    static let schema = "attachments"
    @ID(key: .id) var id: UUID?
    @Field(key: "message_id") var messageID: UUID
    @Field(key: "ticket_id") var ticketID: UUID
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "position") var position: Int
    init() {}
}

final class TicketEventRecord: Model, @unchecked Sendable {
    static let schema = "ticket_events"
    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "uuid") var uuid: UUID
    @Field(key: "ticket_id") var ticketID: UUID
    @Field(key: "actor_type") var actorType: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "field") var field: String
    @OptionalField(key: "old_value") var oldValue: String?
    @OptionalField(key: "new_value") var newValue: String?
    init() {}
}

/// Named counters (the next ticket number), bumped with `UPDATE … RETURNING`.
final class CounterRecord: Model, @unchecked Sendable {
    static let schema = "counters"
    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "value") var value: Int
    init() {}
}
