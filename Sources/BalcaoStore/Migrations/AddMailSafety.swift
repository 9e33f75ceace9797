import FluentKit
import FluentSQL
import SQLKit

/// Email part 2: the desk's signing secret, ticket participants (Cc), each ticket's mailbox, undeliverable
/// addresses, the quarantine, and
/// per-mailbox IMAP progress (UIDVALIDITY + last UID) and failure streaks.
struct AddMailSafety: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("desk_secrets")
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()

        try await database.schema("mail_participants")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("name", .string)
            .unique(on: "ticket_id", "email", name: "mail_participants_unique")
            .create()

        // The mailbox a ticket's mail came in on: replies go out from the same address.
        try await database.schema("mail_ticket_mailboxes")
            .field("ticket_id", .uuid, .identifier(auto: false), .references("tickets", "id", onDelete: .cascade))
            .field("mailbox_id", .uuid, .required, .references("mailboxes", "id", onDelete: .cascade))
            .create()

        try await database.schema("mail_undeliverable")
            .field("email", .string, .identifier(auto: false))
            .field("until", .datetime, .required)
            .field("reason", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()

        try await database.schema("mail_quarantine")
            .id()
            .field("mailbox_id", .uuid, .references("mailboxes", "id", onDelete: .setNull))
            .field("recipient", .string)
            .field("sender", .string)
            .field("subject", .string, .required)
            .field("reason", .string, .required)
            .field("raw", .data, .required)
            .field("size", .int, .required)
            .field("received_at", .datetime, .required)
            .create()
        try await sql.create(index: "mail_quarantine_received").on("mail_quarantine").column("received_at").run()

        // One column per ALTER: SQLite adds columns one at a time.
        try await database.schema("mailboxes").field("imap_uid_validity", .int64).update()
        try await database.schema("mailboxes").field("imap_last_uid", .int64).update()
        try await database.schema("mailboxes").field("failure_count", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        for column in ["imap_uid_validity", "imap_last_uid", "failure_count"] {
            try await database.schema("mailboxes").deleteField(.string(column)).update()
        }
        for table in ["mail_quarantine", "mail_undeliverable", "mail_ticket_mailboxes", "mail_participants", "desk_secrets"] {
            try await database.schema(table).delete()
        }
    }
}
