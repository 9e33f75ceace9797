import BalcaoCore
import Foundation
import SQLKit

/// Portal settings (a JSON document in `desk_settings`, kept 2 s like the automation settings: every portal page
/// reads it), portal passwords, one-time links and satisfaction ratings, in plain SQL for both databases.
public struct FluentPortalStore: PortalSettingsStore, PortalAccountStore, SatisfactionStore {
    let context: StoreContext
    let cache: SnapshotCache<PortalSettings>
    static let settingsKey = "portal"

    public init(context: StoreContext, cacheFor seconds: TimeInterval = 2) {
        self.context = context
        self.cache = SnapshotCache(lifetime: seconds)
    }

    // MARK: Settings

    public func portalSettings() async throws -> PortalSettings {
        try await cache.value {
            try await DeskSettings(context: context).document(Self.settingsKey, as: PortalSettings.self) ?? PortalSettings()
        }
    }

    public func save(_ settings: PortalSettings) async throws {
        try await DeskSettings(context: context).save(Self.settingsKey, settings)
        await cache.clear()
    }

    // MARK: Accounts

    public func passwordHash(of contact: Contact.ID) async throws -> String? {
        try await context.sql.raw(
            "SELECT password_hash FROM portal_credentials WHERE contact_id = \(bind: contact.rawValue)"
        ).first()?.decode(column: "password_hash", as: String.self)
    }

    public func setPasswordHash(_ hash: String, of contact: Contact.ID, at date: Date) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO portal_credentials (contact_id, password_hash, updated_at) VALUES \
                (\(bind: contact.rawValue), \(bind: hash), \(bind: date)) \
                ON CONFLICT (contact_id) DO UPDATE SET password_hash = excluded.password_hash, \
                updated_at = excluded.updated_at
                """
            ).run()
        }
    }

    public func createLink(_ link: PortalLink) async throws -> String {
        let secret = Hex.random(bytes: 32)
        try await context.write { db in
            let sql = db as! any SQLDatabase
            // Housekeeping: links a day past their expiry go when a new one is made.
            try await sql.raw(
                "DELETE FROM portal_links WHERE expires_at < \(bind: link.createdAt.addingTimeInterval(-86400))"
            ).run()
            try await sql.raw(
                """
                INSERT INTO portal_links (token_hash, purpose, email, name, language_tag, created_at, expires_at) \
                VALUES (\(bind: CredentialStore.hash(secret)), \(bind: link.purpose.rawValue), \
                \(bind: link.email.value), \(bind: link.name), \(bind: link.languageTag), \(bind: link.createdAt), \
                \(bind: link.expiresAt))
                """
            ).run()
        }
        return secret
    }

    public func redeemLink(secret: String, at now: Date) async throws -> PortalLink? {
        guard secret.count == 64, secret.allSatisfy(\.isHexDigit) else { return nil }
        let hash = CredentialStore.hash(secret)
        // One conditional UPDATE claims the link: of two concurrent openings only one gets a row back.
        return try await context.write { db in
            guard
                let row = try await (db as! any SQLDatabase).raw(
                    """
                    UPDATE portal_links SET used_at = \(bind: now) WHERE token_hash = \(bind: hash) \
                    AND used_at IS NULL AND expires_at > \(bind: now) \
                    RETURNING purpose, email, name, language_tag, created_at, expires_at
                    """
                ).first(),
                let purpose = PortalLink.Purpose(rawValue: try row.decode(column: "purpose", as: String.self)),
                let email = EmailAddress(try row.decode(column: "email", as: String.self))
            else { return nil }
            return PortalLink(
                purpose: purpose, email: email, name: try row.decode(column: "name", as: String?.self),
                languageTag: try row.decode(column: "language_tag", as: String?.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                expiresAt: try row.decode(column: "expires_at", as: Date.self))
        }
    }

    // MARK: Satisfaction

    public func rating(of ticket: Ticket.ID) async throws -> SatisfactionRating? {
        guard
            let row = try await context.sql.raw(
                "SELECT contact_id, score, comment, rated_at FROM ticket_ratings WHERE ticket_id = \(bind: ticket.rawValue)"
            ).first(),
            let score = SatisfactionRating.Score(rawValue: try row.decode(column: "score", as: String.self))
        else { return nil }
        return SatisfactionRating(
            ticketID: ticket, contactID: .init(rawValue: try row.uuid("contact_id")), score: score,
            comment: try row.decode(column: "comment", as: String?.self),
            ratedAt: try row.decode(column: "rated_at", as: Date.self))
    }

    public func save(_ rating: SatisfactionRating) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO ticket_ratings (ticket_id, contact_id, score, comment, rated_at) VALUES \
                (\(bind: rating.ticketID.rawValue), \(bind: rating.contactID.rawValue), \(bind: rating.score.rawValue), \
                \(bind: rating.comment), \(bind: rating.ratedAt)) \
                ON CONFLICT (ticket_id) DO UPDATE SET contact_id = excluded.contact_id, score = excluded.score, \
                comment = excluded.comment, rated_at = excluded.rated_at
                """
            ).run()
        }
    }
}
