import BalcaoCore
import Crypto
import FluentKit
import SQLKit
import Foundation

/// Agents' password hashes and API tokens. Tokens are shown once and stored only as SHA-256 hashes, so a leaked
/// database does not leak working tokens; passwords arrive already hashed (bcrypt, in BalcaoWeb).
public struct CredentialStore: Sendable {
    let context: StoreContext
    var database: any Database { context.database }

    public init(context: StoreContext) { self.context = context }

    /// A token's public description (never its secret).
    public struct TokenInfo: Sendable, Hashable {
        public let id: UUID
        public let agentID: Agent.ID
        public let name: String
        public let createdAt: Date
    }

    /// Creates a token for `agent` and returns the secret, which is not stored and cannot be shown again.
    public func createToken(for agent: Agent.ID, name: String, at now: Date) async throws -> String {
        let secret = "blc_" + Hex.random(bytes: 32)
        let record = APITokenRecord()
        record.id = UUID()
        record.$agent.id = agent.rawValue
        record.name = String(name.prefix(120))
        record.tokenHash = Self.hash(secret)
        record.createdAt = now
        try await context.write { db in try await record.create(on: db) }
        return secret
    }

    /// The agent a live (unrevoked) token belongs to.
    public func agentID(forToken secret: String) async throws -> Agent.ID? {
        guard secret.hasPrefix("blc_"), secret.count == 68 else { return nil }
        // Plain SQL: every API request asks, and Fluent's model reflection costs more than the indexed lookup.
        let row = try await context.sql.raw(
            "SELECT agent_id FROM api_tokens WHERE token_hash = \(bind: Self.hash(secret)) AND revoked_at IS NULL LIMIT 1"
        ).first()
        return try row.map { .init(rawValue: try $0.uuid("agent_id")) }
    }

    public func tokens(of agent: Agent.ID) async throws -> [TokenInfo] {
        try await APITokenRecord.query(on: database).filter(\.$agent.$id == agent.rawValue).filter(\.$revokedAt == nil)
            .sort(\.$createdAt).all()
            .map { TokenInfo(id: try $0.requireID(), agentID: agent, name: $0.name, createdAt: $0.createdAt) }
    }

    /// Revokes every token of an agent (on deactivation).
    public func revokeTokens(of agent: Agent.ID, at now: Date) async throws {
        try await context.write { db in
            try await APITokenRecord.query(on: db).filter(\.$agent.$id == agent.rawValue).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).update()
        }
    }

    public func setPasswordHash(_ hash: String, for agent: Agent.ID) async throws {
        try await context.write { db in
            try await AgentRecord.query(on: db).filter(\.$id == agent.rawValue).set(\.$passwordHash, to: hash).update()
        }
    }

    public func passwordHash(for agent: Agent.ID) async throws -> String? {
        try await AgentRecord.find(agent.rawValue, on: database)?.passwordHash
    }

    /// Whether anyone can sign in yet (no agents means a fresh install).
    public func hasAgents() async throws -> Bool {
        try await AgentRecord.query(on: database).count() > 0
    }

    static func hash(_ secret: String) -> String {
        Hex.encode(SHA256.hash(data: Data(secret.utf8)))
    }
}
