import FluentKit
import SQLKit

/// Tickets, their tags, conversation, attachments and history, plus the counters table.
struct CreateTickets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("counters")
            .field("name", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        // The first number handed out is TicketNumber.first (1001).
        try await sql.insert(into: "counters").columns("name", "value").values(SQLBind("ticket_number"), SQLBind(1000))
            .run()

        try await database.schema("tickets")
            .id()
            .field("number", .int64, .required)
            .field("subject", .string, .required)
            .field("status", .string, .required)
            .field("priority", .int, .required)
            .field("type", .string, .required)
            .field("category", .string)
            .field("channel", .string, .required)
            .field("requester_id", .uuid, .required, .references("contacts", "id"))
            .field("organization_id", .uuid, .references("organizations", "id"))
            .field("department_id", .uuid, .references("departments", "id"))
            .field("assignee_id", .uuid, .references("agents", "id"))
            .field("tags", .string, .required)
            .field("custom_fields", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("first_response_at", .datetime)
            .field("solved_at", .datetime)
            .field("closed_at", .datetime)
            .field("version", .int, .required)
            .unique(on: "number", name: "tickets_number_unique")
            .create()
        try await database.schema("ticket_tags")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id", onDelete: .cascade))
            .field("tag", .string, .required)
            .unique(on: "ticket_id", "tag", name: "ticket_tags_unique")
            .create()
        try await database.schema("messages")
            .field("seq", .int64, .identifier(auto: true))
            .field("uuid", .uuid, .required)
            .field("ticket_id", .uuid, .required, .references("tickets", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("author_type", .string, .required)
            .field("author_id", .uuid)
            .field("channel", .string, .required)
            .field("text", .string, .required)
            .field("html", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "uuid", name: "messages_uuid_unique")
            .create()
        try await database.schema("attachments")
            .id()
            .field("message_id", .uuid, .required)
            .field("ticket_id", .uuid, .required, .references("tickets", "id", onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema("ticket_events")
            .field("seq", .int64, .identifier(auto: true))
            .field("uuid", .uuid, .required)
            .field("ticket_id", .uuid, .required, .references("tickets", "id", onDelete: .cascade))
            .field("actor_type", .string, .required)
            .field("actor_id", .uuid)
            .field("at", .datetime, .required)
            .field("field", .string, .required)
            .field("old_value", .string)
            .field("new_value", .string)
            .create()

        // Queue and list queries: one index per common filter, each ending in the sort columns it serves.
        let indexes: [(String, String, [String])] = [
            ("tickets_status_updated", "tickets", ["status", "updated_at", "number"]),
            ("tickets_department_queue", "tickets", ["department_id", "status", "priority", "created_at"]),
            ("tickets_assignee_queue", "tickets", ["assignee_id", "status", "priority", "created_at"]),
            ("tickets_priority", "tickets", ["priority", "number"]),
            ("tickets_updated", "tickets", ["updated_at", "number"]),
            ("tickets_created", "tickets", ["created_at", "number"]),
            ("tickets_requester", "tickets", ["requester_id", "updated_at"]),
            ("tickets_organization", "tickets", ["organization_id", "updated_at"]),
            ("ticket_tags_tag", "ticket_tags", ["tag", "ticket_id"]),
            ("messages_ticket", "messages", ["ticket_id", "seq"]),
            ("attachments_message", "attachments", ["message_id", "position"]),
            ("ticket_events_ticket", "ticket_events", ["ticket_id", "seq"]),
        ]
        for (name, table, columns) in indexes {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["ticket_events", "attachments", "messages", "ticket_tags", "tickets", "counters"] {
            try await database.schema(table).delete()
        }
    }
}
