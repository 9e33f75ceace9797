import FluentKit
import SQLKit

/// Chat conversations: the ticket each one is, the visitor's token (SHA-256), its state.
struct AddChat: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("chat_conversations")
            .id()
            .field("token_hash", .string, .required)
            .field("ticket_id", .uuid, .required, .references("tickets", "id", onDelete: .cascade))
            .field("ticket_number", .int, .required)
            .field("department_id", .uuid, .required)
            .field("contact_id", .uuid, .required)
            .field("state", .string, .required)
            .field("origin", .string)
            .field("created_at", .datetime, .required)
            .field("ended_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await (database as! any SQLDatabase).create(index: "chat_conversations_ticket").on("chat_conversations")
            .column("ticket_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("chat_conversations").delete()
    }
}
