import FluentKit
import SQLKit

/// The email channel: Message-IDs per ticket, mailboxes, admin-edited notification templates and the outbox.
struct AddMail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("mail_message_ids")
            .field("message_id", .string, .identifier(auto: false))
            .field("ticket_id", .uuid, .references("tickets", "id", onDelete: .cascade))
            .field("direction", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await sql.create(index: "mail_message_ids_ticket").on("mail_message_ids").column("ticket_id")
            .column("created_at").run()

        try await database.schema("mailboxes")
            .id()
            .field("address", .string, .required)
            .field("display_name", .string, .required)
            .field("department_id", .uuid, .references("departments", "id", onDelete: .setNull))
            .field("imap", .string)
            .field("is_active", .bool, .required)
            .field("last_polled_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "address", name: "mailboxes_address_unique")
            .create()

        try await database.schema("mail_templates")
            .id()
            .field("kind", .string, .required)
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "kind", "language", name: "mail_templates_kind_language_unique")
            .create()

        try await database.schema("outbox")
            .id()
            .field("ticket_id", .uuid, .references("tickets", "id", onDelete: .setNull))
            .field("purpose", .string, .required)
            .field("envelope_from", .string, .required)
            .field("recipients", .string, .required)
            .field("first_recipient", .string, .required)
            .field("message_id", .string, .required)
            .field("subject", .string, .required)
            .field("raw", .data, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("lease_until", .datetime)
            .field("claim_token", .uuid)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        try await sql.create(index: "outbox_due").on("outbox").column("state").column("next_attempt_at").run()
        try await sql.create(index: "outbox_recipient").on("outbox").column("first_recipient").column("purpose")
            .column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["outbox", "mail_templates", "mailboxes", "mail_message_ids"] {
            try await database.schema(table).delete()
        }
    }
}
