import Foundation

/// The portal's settings (branding, sign-up); read on every portal page, so implementations may keep them briefly.
public protocol PortalSettingsStore: Sendable {
    func portalSettings() async throws -> PortalSettings
    func save(_ settings: PortalSettings) async throws
}

/// Portal passwords and the one-time links mailed for signing in and signing up.
public protocol PortalAccountStore: Sendable {
    func passwordHash(of contact: Contact.ID) async throws -> String?
    func setPasswordHash(_ hash: String, of contact: Contact.ID, at: Date) async throws
    /// Stores a link and returns its secret (only a hash of it is kept).
    func createLink(_ link: PortalLink) async throws -> String
    /// The link for `secret` if it is unused and unexpired at `now`, marking it used in the same step, so a link
    /// works exactly once even when opened twice at the same moment.
    func redeemLink(secret: String, at now: Date) async throws -> PortalLink?
}

/// Satisfaction ratings, one per request (a new verdict replaces the old one).
public protocol SatisfactionStore: Sendable {
    func rating(of ticket: Ticket.ID) async throws -> SatisfactionRating?
    func save(_ rating: SatisfactionRating) async throws
}

/// A one-time link mailed to a portal user.
public struct PortalLink: Sendable, Hashable {
    public enum Purpose: String, Sendable, Codable, CaseIterable {
        /// Signs a known contact in.
        case signIn = "sign_in"
        /// Creates the account (and the contact when new) for someone who signed up.
        case signUp = "sign_up"
    }

    public let purpose: Purpose
    public let email: EmailAddress
    /// For sign-up: the name they gave. No password travels with a link: whoever opens it gets a session and
    /// sets a password then, so signing up with someone else's address cannot plant a password on their account.
    public let name: String?
    public let languageTag: String?
    public let createdAt: Date
    public let expiresAt: Date

    public init(
        purpose: Purpose, email: EmailAddress, name: String? = nil, languageTag: String? = nil, createdAt: Date,
        expiresAt: Date
    ) {
        self.purpose = purpose
        self.email = email
        self.name = name
        self.languageTag = languageTag
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// Sends the portal's own mail: sign-in and sign-up links.
public protocol PortalMailer: Sendable {
    func sendLink(_ purpose: PortalLink.Purpose, url: String, to recipient: MailAddress, language: SupportedLanguage)
        async throws
}

public enum PortalError: Error, Sendable, Hashable {
    /// The desk does not let unknown people sign up.
    case signUpClosed
    /// The link was used, expired or never existed.
    case linkInvalid
    /// Not the user's request, or no such request: the same answer, so numbers cannot be probed.
    case requestNotFound
    /// The department is not one this user can open requests with.
    case departmentNotAvailable
    /// The request's state does not allow this (reply to a closed request, reopen after the window, rate too early).
    case notAllowed
}
