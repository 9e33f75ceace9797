import FluentKit
import FluentSQL
import SQLKit

/// Triage and automation (issue 5): impact/urgency and SLA state on tickets, the ruler indexes with the SLA due time
/// as second key, the admin's configuration as JSON documents, and the bookkeeping that makes automations run once
/// (firings), assign fairly (assignment log) and know who is working (availability).
struct AddAutomation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        // One column per ALTER: SQLite adds columns one at a time.
        for (column, type) in [("impact", DatabaseSchema.DataType.string), ("urgency", .string), ("sla", .string)] {
            try await database.schema("tickets").field(.string(column), type).update()
        }
        try await database.schema("tickets").field("sla_due_at", .datetime).update()
        try await database.schema("tickets").field("sla_watch_at", .datetime).update()
        try await sql.raw("UPDATE tickets SET sla_due_at = \(bind: TicketRecord.noDueDate)").run()

        for index in AddQueueOrderIndexes.indexes {
            try await sql.raw("DROP INDEX \(ident: index.name)").run()
            try await sql.raw(
                """
                CREATE INDEX \(ident: index.name) ON tickets \
                (\(unsafeRaw: index.prefix)priority DESC, sla_due_at, created_at, number)
                """
            ).run()
        }
        try await sql.create(index: "tickets_sla_watch").on("tickets").column("sla_watch_at").run()

        try await database.schema("automation_documents")
            .field("id", .uuid, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("position", .int, .required)
            .field("payload", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await sql.create(index: "automation_documents_kind").on("automation_documents").column("kind").run()

        try await database.schema("automation_firings")
            .field("key", .string, .required)
            .field("ticket_id", .uuid, .required, .references("tickets", "id", onDelete: .cascade))
            .field("anchor_ms", .int64, .required)
            .field("fired_at", .datetime, .required)
            .unique(on: "key", "ticket_id", "anchor_ms", name: "automation_firings_once")
            .create()

        try await database.schema("agent_availability")
            .field("agent_id", .uuid, .identifier(auto: false), .references("agents", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await database.schema("assignment_log")
            .field("department_id", .uuid, .required, .references("departments", "id", onDelete: .cascade))
            .field("agent_id", .uuid, .required, .references("agents", "id", onDelete: .cascade))
            .field("assigned_at", .datetime, .required)
            .unique(on: "department_id", "agent_id", name: "assignment_log_pair")
            .create()

        try await database.schema("agent_notifications")
            .id()
            .field("agent_id", .uuid, .required, .references("agents", "id", onDelete: .cascade))
            .field("ticket_id", .uuid, .references("tickets", "id", onDelete: .cascade))
            .field("ticket_number", .int)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await sql.create(index: "agent_notifications_inbox").on("agent_notifications")
            .column("agent_id").column("read_at").run()

        try await database.schema("webhook_outbox")
            .id()
            .field("url", .string, .required)
            .field("ticket_id", .uuid, .required, .references("tickets", "id", onDelete: .cascade))
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["webhook_outbox", "agent_notifications", "assignment_log", "agent_availability", "automation_firings", "automation_documents"] {
            try await database.schema(table).delete()
        }
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX tickets_sla_watch").run()
        for index in AddQueueOrderIndexes.indexes {
            try await sql.raw("DROP INDEX \(ident: index.name)").run()
            try await sql.raw(
                "CREATE INDEX \(ident: index.name) ON tickets (\(unsafeRaw: index.prefix)priority DESC, created_at, number)"
            ).run()
        }
        for column in ["sla_watch_at", "sla_due_at", "sla", "urgency", "impact"] {
            try await database.schema("tickets").deleteField(.string(column)).update()
        }
    }
}
