import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// The ticket write path in plain SQL. Fluent's models build their column lists by reflection on every save (a
/// fifth of the CPU of ticket creation in the profile, docs/BENCHMARKS.md), so the hot inserts bind the record's
/// values directly. The records still say what each column holds; this only skips the reflection.
enum TicketRows {
    static let ticketColumns = [
        "id", "number", "subject", "status", "priority", "type", "category", "channel", "requester_id",
        "organization_id", "department_id", "assignee_id", "tags", "custom_fields", "created_at", "updated_at",
        "first_response_at", "solved_at", "closed_at", "version", "impact", "urgency", "sla", "sla_due_at",
        "sla_watch_at",
    ]

    static func values(_ record: TicketRecord) -> [any Encodable & Sendable] {
        [
            record.id, record.number, record.subject, record.status, record.priority, record.type, record.category,
            record.channel, record.requesterID, record.organizationID, record.departmentID, record.assigneeID,
            record.tags, record.customFields, record.createdAt, record.updatedAt, record.firstResponseAt,
            record.solvedAt, record.closedAt, record.version, record.impact, record.urgency, record.sla,
            record.slaDueAt, record.slaWatchAt,
        ]
    }

    /// A stored row as a record, column by column (what Fluent's `output(from:)` does by reflection), then the
    /// record's own `toDomain()`.
    static func ticket(from row: any SQLRow) throws -> Ticket {
        let record = TicketRecord()
        record.id = try row.uuid("id")
        record.number = try row.decode(column: "number", as: Int.self)
        record.subject = try row.decode(column: "subject", as: String.self)
        record.status = try row.decode(column: "status", as: String.self)
        record.priority = try row.decode(column: "priority", as: Int.self)
        record.type = try row.decode(column: "type", as: String.self)
        record.category = try row.decode(column: "category", as: String?.self)
        record.channel = try row.decode(column: "channel", as: String.self)
        record.requesterID = try row.uuid("requester_id")
        record.organizationID = try row.optionalUUID("organization_id")
        record.departmentID = try row.optionalUUID("department_id")
        record.assigneeID = try row.optionalUUID("assignee_id")
        record.tags = try row.decode(column: "tags", as: String.self)
        record.customFields = try row.decode(column: "custom_fields", as: String.self)
        record.createdAt = try row.decode(column: "created_at", as: Date.self)
        record.updatedAt = try row.decode(column: "updated_at", as: Date.self)
        record.firstResponseAt = try row.decode(column: "first_response_at", as: Date?.self)
        record.solvedAt = try row.decode(column: "solved_at", as: Date?.self)
        record.closedAt = try row.decode(column: "closed_at", as: Date?.self)
        record.version = try row.decode(column: "version", as: Int.self)
        record.impact = try row.decode(column: "impact", as: String?.self)
        record.urgency = try row.decode(column: "urgency", as: String?.self)
        record.sla = try row.decode(column: "sla", as: String?.self)
        record.slaDueAt = try row.decode(column: "sla_due_at", as: Date?.self) ?? TicketRecord.noDueDate
        record.slaWatchAt = try row.decode(column: "sla_watch_at", as: Date?.self)
        return try record.toDomain()
    }

    /// The one ticket `condition` selects, nil when none.
    static func first(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> Ticket? {
        try await sql.raw("SELECT * FROM tickets WHERE " + condition + " LIMIT 1").first().map(ticket(from:))
    }

    /// New tickets, one multi-row statement.
    static func insert(_ tickets: [Ticket], on sql: any SQLDatabase) async throws {
        guard !tickets.isEmpty else { return }
        var insert = sql.insert(into: "tickets").columns(ticketColumns)
        for ticket in tickets { insert = insert.values(values(TicketRecord(ticket)).map { SQLBind($0) }) }
        try await insert.run()
    }

    /// Every column but the id, number, channel and creation time, which never change.
    static func update(_ ticket: Ticket, on sql: any SQLDatabase) async throws {
        let record = TicketRecord(ticket)
        let fixed: Set<String> = ["id", "number", "channel", "created_at"]
        var update = sql.update("tickets").where("id", .equal, SQLBind(ticket.id.rawValue))
        for (column, value) in zip(ticketColumns, values(record)) where !fixed.contains(column) {
            update = update.set(SQLIdentifier(column), to: SQLBind(value))
        }
        try await update.run()
    }

    static func insertTags(of tickets: [Ticket], on sql: any SQLDatabase) async throws {
        guard tickets.contains(where: { !$0.tags.isEmpty }) else { return }
        var insert = sql.insert(into: "ticket_tags").columns("id", "ticket_id", "tag")
        for ticket in tickets {
            for tag in ticket.tags { insert = insert.values(SQLBind(UUID()), SQLBind(ticket.id.rawValue), SQLBind(tag)) }
        }
        try await insert.run()
    }

    /// Messages with their attachments and events, one multi-row statement per table. Rows go in the order given,
    /// so message ids and event `seq` follow the order things happened in.
    static func append(_ messages: [Message], _ events: [TicketEvent], on sql: any SQLDatabase) async throws {
        if !messages.isEmpty {
            var insert = sql.insert(into: "messages")
                .columns("uuid", "ticket_id", "kind", "author_type", "author_id", "channel", "text", "html", "created_at")
            for message in messages {
                let author = ActorColumns.split(message.author)
                insert = insert.values(
                    SQLBind(message.id.rawValue), SQLBind(message.ticketID.rawValue), SQLBind(message.kind.rawValue),
                    SQLBind(author.type), SQLBind(author.id), SQLBind(message.channel.rawValue), SQLBind(message.text),
                    SQLBind(message.html), SQLBind(message.createdAt))
            }
            try await insert.run()
        }
        if messages.contains(where: { !$0.attachments.isEmpty }) {
            var insert = sql.insert(into: "attachments").columns(
                "id", "message_id", "ticket_id", "filename", "content_type", "size", "sha256", "position")
            for message in messages {
                for (position, attachment) in message.attachments.enumerated() {
                    insert = insert.values(
                        SQLBind(attachment.id.rawValue), SQLBind(message.id.rawValue), SQLBind(message.ticketID.rawValue),
                        SQLBind(attachment.filename), SQLBind(attachment.contentType), SQLBind(attachment.size),
                        SQLBind(attachment.sha256), SQLBind(position))
                }
            }
            try await insert.run()
        }
        guard !events.isEmpty else { return }
        var insert = sql.insert(into: "ticket_events")
            .columns("uuid", "ticket_id", "actor_type", "actor_id", "at", "field", "old_value", "new_value")
        for event in events {
            let actor = ActorColumns.split(event.actor)
            insert = insert.values(
                SQLBind(event.id.rawValue), SQLBind(event.ticketID.rawValue), SQLBind(actor.type), SQLBind(actor.id),
                SQLBind(event.at), SQLBind(event.field.rawValue), SQLBind(event.oldValue), SQLBind(event.newValue))
        }
        try await insert.run()
    }
}
