import FluentKit
import SQLKit

/// Browser sessions of agents: the cookie's SHA-256, the CSRF token of the session, and expiry.
struct AddAgentSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agent_sessions")
            .field("token_hash", .string, .identifier(auto: false))
            .field("agent_id", .uuid, .required, .references("agents", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "agent_sessions_agent").on("agent_sessions")
            .column("agent_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agent_sessions").delete()
    }
}
