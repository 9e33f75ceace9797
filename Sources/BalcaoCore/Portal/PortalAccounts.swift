import Foundation

/// Portal accounts: signing up, one-time sign-in links, passwords. Passwords arrive hashed (bcrypt lives in
/// BalcaoWeb) and are only ever set by someone signed in; links are mailed and only their hash is stored.
///
/// Nothing here tells whether an address is known: asking for a link for an unknown address "succeeds" without
/// sending anything, and signing up with a known address mails a link that signs that contact in. (The caller
/// should not make the answer wait on the mail either, so timing does not tell.)
public struct PortalAccounts: Sendable {
    let store: any PortalAccountStore
    let settings: any PortalSettingsStore
    let directory: any DirectoryStore
    let mailer: any PortalMailer
    let clock: any Clock
    /// Where links point: the portal's public address, e.g. `https://ajuda.empresa.com.br/portal`.
    let portalURL: String

    /// Long enough to switch to the mail app and back; short enough that an old mail is useless.
    public static let linkLifetime: TimeInterval = 30 * 60

    public init(
        store: any PortalAccountStore, settings: any PortalSettingsStore, directory: any DirectoryStore,
        mailer: any PortalMailer, clock: any Clock, portalURL: String
    ) {
        self.store = store
        self.settings = settings
        self.directory = directory
        self.mailer = mailer
        self.clock = clock
        self.portalURL = portalURL
    }

    /// Mails a sign-in link to a known contact; for an unknown address nothing is sent (and the caller says the
    /// same "check your mail" either way).
    public func requestSignInLink(email: EmailAddress, language: SupportedLanguage) async throws {
        guard let contact = try await directory.contact(email: email) else { return }
        let now = clock.now
        let secret = try await store.createLink(
            PortalLink(
                purpose: .signIn, email: email, languageTag: contact.languageTag, createdAt: now,
                expiresAt: now.addingTimeInterval(Self.linkLifetime)))
        let mailLanguage = contact.languageTag.flatMap(SupportedLanguage.init(matching:)) ?? language
        try await mailer.sendLink(
            .signIn, url: link(secret), to: MailAddress(name: contact.name, address: email.value),
            language: mailLanguage)
    }

    /// Starts a sign-up: the account is made when the mailed link is opened, which proves the address is theirs.
    public func signUp(name: String, email: EmailAddress, language: SupportedLanguage) async throws {
        var collector = ValidationCollector()
        collector.requireText(name, field: "name", maxLength: 200)
        try collector.check()
        guard try await settings.portalSettings().signUp == .open else { throw PortalError.signUpClosed }
        let now = clock.now
        let secret = try await store.createLink(
            PortalLink(
                purpose: .signUp, email: email, name: name.trimmingCharacters(in: .whitespacesAndNewlines),
                languageTag: language.rawValue, createdAt: now,
                expiresAt: now.addingTimeInterval(Self.linkLifetime)))
        try await mailer.sendLink(
            .signUp, url: link(secret), to: MailAddress(name: name, address: email.value), language: language)
    }

    /// Opens a mailed link: the contact it signs in, created on sign-up.
    public func redeem(secret: String) async throws -> Contact {
        let now = clock.now
        guard let link = try await store.redeemLink(secret: secret, at: now) else { throw PortalError.linkInvalid }
        if let contact = try await directory.contact(email: link.email) { return contact }
        // A sign-in link for an address whose contact was deleted since: nothing to sign in to.
        guard link.purpose == .signUp, let name = link.name else { throw PortalError.linkInvalid }
        let portal = try await settings.portalSettings()
        let contact = Contact(
            kind: portal.kind(forEmail: link.email), name: name, emails: [link.email],
            organizationID: try await organizationID(for: link.email), languageTag: link.languageTag, createdAt: now)
        try await directory.insert(contact)
        return contact
    }

    /// The contact and password hash for a password sign-in; nil when the address is unknown or has no password.
    public func credentials(email: EmailAddress) async throws -> (contact: Contact, passwordHash: String)? {
        guard let contact = try await directory.contact(email: email),
            let hash = try await store.passwordHash(of: contact.id)
        else { return nil }
        return (contact, hash)
    }

    public func setPassword(hash: String, of contact: Contact.ID) async throws {
        try await store.setPasswordHash(hash, of: contact, at: clock.now)
    }

    public func hasPassword(_ contact: Contact.ID) async throws -> Bool {
        try await store.passwordHash(of: contact) != nil
    }

    func link(_ secret: String) -> String { "\(portalURL)/link/\(secret)" }

    /// New people join the organization that owns their mail domain, as mail senders do.
    private func organizationID(for email: EmailAddress) async throws -> Organization.ID? {
        guard let domain = email.value.split(separator: "@").last else { return nil }
        return try await directory.organization(domain: String(domain))?.id
    }
}
