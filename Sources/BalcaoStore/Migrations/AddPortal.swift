import FluentKit
import SQLKit

/// The portal: desk-wide settings documents, portal passwords, portal browser sessions, one-time links,
/// satisfaction ratings, and when an announcement was mailed.
struct AddPortal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("desk_settings")
            .field("key", .string, .identifier(auto: false))
            .field("payload", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("portal_credentials")
            .field("contact_id", .uuid, .identifier(auto: false), .references("contacts", "id", onDelete: .cascade))
            .field("password_hash", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("portal_sessions")
            .field("token_hash", .string, .identifier(auto: false))
            .field("contact_id", .uuid, .required, .references("contacts", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await sql.create(index: "portal_sessions_contact").on("portal_sessions").column("contact_id").run()
        try await database.schema("portal_links")
            .field("token_hash", .string, .identifier(auto: false))
            .field("purpose", .string, .required)
            .field("email", .string, .required)
            .field("name", .string)
            .field("language_tag", .string)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
        try await sql.create(index: "portal_links_expiry").on("portal_links").column("expires_at").run()
        try await database.schema("ticket_ratings")
            .field("ticket_id", .uuid, .identifier(auto: false), .references("tickets", "id", onDelete: .cascade))
            .field("contact_id", .uuid, .required)
            .field("score", .string, .required)
            .field("comment", .string)
            .field("rated_at", .datetime, .required)
            .create()
        try await sql.create(index: "ticket_ratings_rated").on("ticket_ratings").column("rated_at").run()
        try await database.schema("announcements").field("emailed_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("announcements").deleteField("emailed_at").update()
        for table in ["ticket_ratings", "portal_links", "portal_sessions", "portal_credentials", "desk_settings"] {
            try await database.schema(table).delete()
        }
    }
}
