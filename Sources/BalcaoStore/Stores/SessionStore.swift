import BalcaoCore
import Crypto
import Foundation
import SQLKit

/// Whose browser sessions a `SessionStore` keeps: agents in `agent_sessions`, portal users in `portal_sessions`.
public protocol SessionOwner: Identifiable, Sendable where ID == TypedID<Self> {
    static var sessionTable: String { get }
    static var sessionOwnerColumn: String { get }
    /// A session unused this long ends.
    static var sessionIdleTimeout: TimeInterval { get }
}

extension Agent: SessionOwner {
    public static let sessionTable = "agent_sessions"
    public static let sessionOwnerColumn = "agent_id"
    /// A working day plus a margin.
    public static let sessionIdleTimeout: TimeInterval = 12 * 3600
}

extension Contact: SessionOwner {
    public static let sessionTable = "portal_sessions"
    public static let sessionOwnerColumn = "contact_id"
    /// Portal users come back days later to read an answer; a fortnight spares them signing in each time.
    public static let sessionIdleTimeout: TimeInterval = 14 * 86400
}

/// Signed-in browser sessions. The cookie holds a random secret; the table holds only its SHA-256, so a copy of the
/// database cannot be used to hijack sessions. Sessions slide: each use within the idle timeout extends them.
public struct SessionStore<Owner: SessionOwner>: Sendable {
    let context: StoreContext
    public var idleTimeout: TimeInterval { Owner.sessionIdleTimeout }
    private var table: SQLIdentifier { SQLIdentifier(Owner.sessionTable) }
    private var ownerColumn: SQLIdentifier { SQLIdentifier(Owner.sessionOwnerColumn) }

    public init(context: StoreContext) { self.context = context }

    public struct Session: Sendable, Hashable {
        public let ownerID: Owner.ID
        public let csrfToken: String
    }

    /// Starts a session and returns the cookie secret.
    public func start(for owner: Owner.ID, at now: Date) async throws -> (secret: String, session: Session) {
        let secret = Hex.random(bytes: 32)
        let csrf = Hex.random(bytes: 24)
        let (table, ownerColumn) = (table, ownerColumn)
        try await context.write { db in
            let sql = db as! any SQLDatabase
            try await sql.raw(
                """
                INSERT INTO \(table) (token_hash, \(ownerColumn), csrf_token, created_at, last_seen_at, expires_at) \
                VALUES (\(bind: CredentialStore.hash(secret)), \(bind: owner.rawValue), \(bind: csrf), \(bind: now), \
                \(bind: now), \(bind: now.addingTimeInterval(Owner.sessionIdleTimeout)))
                """
            ).run()
            // Housekeeping: expired sessions of anyone go when someone signs in.
            try await sql.raw("DELETE FROM \(table) WHERE expires_at < \(bind: now)").run()
        }
        return (secret, Session(ownerID: owner, csrfToken: csrf))
    }

    /// The live session for a cookie secret, extended when it was last seen over a minute ago.
    public func session(forSecret secret: String, at now: Date) async throws -> Session? {
        guard secret.count == 64, secret.allSatisfy(\.isHexDigit) else { return nil }
        let hash = CredentialStore.hash(secret)
        let (table, ownerColumn) = (table, ownerColumn)
        // Plain SQL: every page asks.
        guard
            let row = try await context.sql.raw(
                """
                SELECT \(ownerColumn) AS owner_id, csrf_token, last_seen_at, expires_at FROM \(table) \
                WHERE token_hash = \(bind: hash)
                """
            ).first(),
            try row.decode(column: "expires_at", as: Date.self) > now
        else { return nil }
        if now.timeIntervalSince(try row.decode(column: "last_seen_at", as: Date.self)) > 60 {
            let expires = now.addingTimeInterval(Owner.sessionIdleTimeout)
            try await context.write { db in
                try await (db as! any SQLDatabase).raw(
                    """
                    UPDATE \(table) SET last_seen_at = \(bind: now), expires_at = \(bind: expires) \
                    WHERE token_hash = \(bind: hash)
                    """
                ).run()
            }
        }
        return Session(
            ownerID: .init(rawValue: try row.uuid("owner_id")),
            csrfToken: try row.decode(column: "csrf_token", as: String.self))
    }

    public func end(secret: String) async throws {
        let hash = CredentialStore.hash(secret)
        let table = table
        try await context.write { db in
            try await (db as! any SQLDatabase).raw("DELETE FROM \(table) WHERE token_hash = \(bind: hash)").run()
        }
    }

    /// Ends every session of an owner (password change, deactivation).
    public func endAll(of owner: Owner.ID) async throws {
        let (table, ownerColumn) = (table, ownerColumn)
        try await context.write { db in
            try await (db as! any SQLDatabase).raw("DELETE FROM \(table) WHERE \(ownerColumn) = \(bind: owner.rawValue)")
                .run()
        }
    }
}
