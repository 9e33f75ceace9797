import BalcaoCore
import Crypto
import FluentKit
import Foundation
import SQLKit

final class AgentSessionRecord: Model, @unchecked Sendable {
    static let schema = "agent_sessions"
    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Field(key: "agent_id") var agentID: UUID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    init() {}
}

/// Signed-in browser sessions. The cookie holds a random secret; the table holds only its SHA-256, so a copy of the
/// database cannot be used to hijack sessions. Sessions slide: each use within `idleTimeout` extends them.
public struct SessionStore: Sendable {
    let context: StoreContext
    /// A session unused this long ends (a working day plus a margin).
    public let idleTimeout: TimeInterval = 12 * 3600

    public init(context: StoreContext) { self.context = context }

    public struct Session: Sendable, Hashable {
        public let agentID: Agent.ID
        public let csrfToken: String
    }

    /// Starts a session and returns the cookie secret.
    public func start(for agent: Agent.ID, at now: Date) async throws -> (secret: String, session: Session) {
        let secret = Hex.random(bytes: 32)
        let record = AgentSessionRecord()
        record.id = CredentialStore.hash(secret)
        record.agentID = agent.rawValue
        record.csrfToken = Hex.random(bytes: 24)
        record.createdAt = now
        record.lastSeenAt = now
        record.expiresAt = now.addingTimeInterval(idleTimeout)
        try await context.write { db in
            try await record.create(on: db)
            // Housekeeping: expired sessions of anyone go when someone signs in.
            try await AgentSessionRecord.query(on: db).filter(\.$expiresAt < now).delete()
        }
        return (secret, Session(agentID: agent, csrfToken: record.csrfToken))
    }

    /// The live session for a cookie secret, extended when it was last seen over a minute ago.
    public func session(forSecret secret: String, at now: Date) async throws -> Session? {
        guard secret.count == 64, secret.allSatisfy(\.isHexDigit) else { return nil }
        let hash = CredentialStore.hash(secret)
        // Plain SQL: every page asks (Fluent's model reflection cost more than the lookup).
        guard
            let row = try await context.sql.raw(
                "SELECT agent_id, csrf_token, last_seen_at, expires_at FROM agent_sessions WHERE token_hash = \(bind: hash)"
            ).first(),
            try row.decode(column: "expires_at", as: Date.self) > now
        else { return nil }
        if now.timeIntervalSince(try row.decode(column: "last_seen_at", as: Date.self)) > 60 {
            let expires = now.addingTimeInterval(idleTimeout)
            try await context.write { db in
                try await AgentSessionRecord.query(on: db).filter(\.$id == hash)
                    .set(\.$lastSeenAt, to: now).set(\.$expiresAt, to: expires).update()
            }
        }
        return Session(
            agentID: .init(rawValue: try row.uuid("agent_id")),
            csrfToken: try row.decode(column: "csrf_token", as: String.self))
    }

    public func end(secret: String) async throws {
        let hash = CredentialStore.hash(secret)
        try await context.write { db in try await AgentSessionRecord.query(on: db).filter(\.$id == hash).delete() }
    }

    /// Ends every session of an agent (password change, deactivation).
    public func endAll(of agent: Agent.ID) async throws {
        try await context.write { db in
            try await AgentSessionRecord.query(on: db).filter(\.$agentID == agent.rawValue).delete()
        }
    }
}
