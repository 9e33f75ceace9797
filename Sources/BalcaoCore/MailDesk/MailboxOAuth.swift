import Foundation

/// An OAuth 2.0 authorization server a mailbox signs in with (SASL XOAUTH2 over IMAP).
public struct OAuthProvider: Sendable, Hashable, Codable {
    public var name: String
    public var authorizeURL: String
    public var tokenURL: String
    public var scope: String
    /// Where the mailbox sends its mail with the same token (SMTP XOAUTH2); nil sends through the desk's relay.
    public var smtpHost: String?
    public var smtpPort: Int?
    /// `starttls` or `tls`.
    public var smtpSecurity: String?

    public init(
        name: String, authorizeURL: String, tokenURL: String, scope: String, smtpHost: String? = nil,
        smtpPort: Int? = nil, smtpSecurity: String? = nil
    ) {
        self.name = name
        self.authorizeURL = authorizeURL
        self.tokenURL = tokenURL
        self.scope = scope
        self.smtpHost = smtpHost
        self.smtpPort = smtpPort
        self.smtpSecurity = smtpSecurity
    }

    /// Microsoft 365 (Exchange Online); `tenant` is the directory id or domain, or `common`/`organizations`.
    public static func microsoft(tenant: String) -> OAuthProvider {
        let base = "https://login.microsoftonline.com/\(tenant)/oauth2/v2.0"
        return OAuthProvider(
            name: "microsoft", authorizeURL: base + "/authorize", tokenURL: base + "/token",
            scope: "https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access",
            smtpHost: "smtp.office365.com", smtpPort: 587, smtpSecurity: "starttls")
    }

    /// Google Workspace and Gmail.
    public static let google = OAuthProvider(
        name: "google", authorizeURL: "https://accounts.google.com/o/oauth2/v2/auth",
        tokenURL: "https://oauth2.googleapis.com/token", scope: "https://mail.google.com/",
        smtpHost: "smtp.gmail.com", smtpPort: 465, smtpSecurity: "tls")
}

/// A mailbox's OAuth client and tokens. Secrets are sealed with the desk's key (`SecretSealer`), never stored plain.
public struct OAuthConnection: Sendable, Hashable, Codable {
    public var provider: OAuthProvider
    public var clientID: String
    public var sealedClientSecret: String
    public var sealedRefreshToken: String?
    public var sealedAccessToken: String?
    public var accessTokenExpiresAt: Date?
    public var connectedAt: Date?

    public var isConnected: Bool { sealedRefreshToken != nil || sealedAccessToken != nil }
}

/// What a token endpoint answered (RFC 6749 §5.1).
public struct OAuthTokenResponse: Sendable, Hashable {
    public let accessToken: String
    public let refreshToken: String?
    public let expiresIn: Int?

    public init(accessToken: String, refreshToken: String?, expiresIn: Int?) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresIn = expiresIn
    }
}

/// Posts a form to a token endpoint (the HTTP client lives in BalcaoWeb).
public protocol OAuthTokenEndpoint: Sendable {
    func requestTokens(at tokenURL: String, form: [String: String]) async throws -> OAuthTokenResponse
}

/// Encrypts small secrets (client secrets, refresh tokens) with the desk's key; BalcaoStore uses AES-GCM.
public protocol SecretSealer: Sendable {
    func seal(_ plain: String) throws -> String
    func open(_ sealed: String) throws -> String
}

public enum MailboxOAuthError: Error, Sendable, Equatable {
    /// The callback's state is forged, for another mailbox, or older than `MailboxOAuth.stateLifetime`.
    case invalidState
    /// The mailbox has no IMAP settings, no OAuth client, or was never connected.
    case notConfigured(Mailbox.ID)
}

/// Connects mailboxes to Microsoft 365, Google or another OAuth 2.0 provider with the authorization-code flow, and
/// keeps a fresh access token for polling: refreshed before it expires, the rotated refresh token saved sealed.
public struct MailboxOAuth: Sendable {
    let mail: any MailStore
    let endpoint: any OAuthTokenEndpoint
    let sealer: any SecretSealer
    let signer: any MailSigner
    let clock: any Clock

    /// How long an admin has to finish signing in at the provider.
    public static let stateLifetime: TimeInterval = 900
    /// Tokens expiring sooner than this are refreshed first.
    public static let refreshMargin: TimeInterval = 300

    public init(
        mail: any MailStore, endpoint: any OAuthTokenEndpoint, sealer: any SecretSealer, signer: any MailSigner,
        clock: any Clock
    ) {
        self.mail = mail
        self.endpoint = endpoint
        self.sealer = sealer
        self.signer = signer
        self.clock = clock
    }

    /// Saves the OAuth client on the mailbox and returns the provider's sign-in URL to send the admin to.
    /// An empty `clientSecret` keeps the one already saved.
    public func begin(
        _ id: Mailbox.ID, provider: OAuthProvider, clientID: String, clientSecret: String, redirectURI: String,
        by actor: Agent
    ) async throws -> String {
        try DirectoryService.requireAdmin(actor)
        guard var mailbox = try await mail.mailbox(id), var imap = mailbox.imap else {
            throw ValidationError(field: "imap.host", "set the mailbox's IMAP server and user name first")
        }
        var collector = ValidationCollector()
        collector.requireText(clientID, field: "oauth.clientId", maxLength: 500)
        for (field, url) in [("oauth.authorizeUrl", provider.authorizeURL), ("oauth.tokenUrl", provider.tokenURL)] {
            if URL(string: url)?.scheme.map({ ["https", "http"].contains($0) }) != true {
                collector.add(field, "must be an https URL")
            }
        }
        let secret = clientSecret.isEmpty ? nil : try sealer.seal(clientSecret)
        if secret == nil && imap.oauth == nil { collector.add("oauth.clientSecret", "must not be blank") }
        try collector.check()
        imap.oauth = OAuthConnection(
            provider: provider, clientID: clientID.trimmingCharacters(in: .whitespaces),
            sealedClientSecret: secret ?? imap.oauth!.sealedClientSecret)
        mailbox.imap = imap
        mailbox.updatedAt = clock.now
        try await mail.save(mailbox)

        var components = URLComponents(string: provider.authorizeURL)!
        components.queryItems =
            (components.queryItems ?? []) + [
                URLQueryItem(name: "response_type", value: "code"),
                URLQueryItem(name: "client_id", value: imap.oauth!.clientID),
                URLQueryItem(name: "redirect_uri", value: redirectURI),
                URLQueryItem(name: "scope", value: provider.scope),
                URLQueryItem(name: "state", value: state(for: id)),
                // Google gives a refresh token only with offline access and consent.
                URLQueryItem(name: "access_type", value: "offline"), URLQueryItem(name: "prompt", value: "consent"),
                URLQueryItem(name: "login_hint", value: imap.username),
            ]
        return components.string!
    }

    /// Finishes the flow at the callback: checks the state, trades the code for tokens and saves them sealed.
    @discardableResult
    public func complete(code: String, state: String, redirectURI: String, by actor: Agent) async throws -> Mailbox {
        try DirectoryService.requireAdmin(actor)
        guard let id = mailboxID(fromState: state) else { throw MailboxOAuthError.invalidState }
        guard var mailbox = try await mail.mailbox(id), var imap = mailbox.imap, var connection = imap.oauth else {
            throw MailboxOAuthError.notConfigured(id)
        }
        let tokens = try await endpoint.requestTokens(
            at: connection.provider.tokenURL,
            form: [
                "grant_type": "authorization_code", "code": code, "redirect_uri": redirectURI,
                "client_id": connection.clientID, "client_secret": try sealer.open(connection.sealedClientSecret),
            ])
        try store(tokens, in: &connection)
        connection.connectedAt = clock.now
        imap.oauth = connection
        mailbox.imap = imap
        mailbox.updatedAt = clock.now
        try await mail.save(mailbox)
        return mailbox
    }

    /// A valid access token for polling `mailbox`, refreshed (and saved) when it is missing or about to expire.
    public func accessToken(for mailbox: Mailbox) async throws -> String {
        guard var imap = mailbox.imap, var connection = imap.oauth, connection.isConnected else {
            throw MailboxOAuthError.notConfigured(mailbox.id)
        }
        if let sealed = connection.sealedAccessToken, let expiry = connection.accessTokenExpiresAt,
            expiry.timeIntervalSince(clock.now) > Self.refreshMargin
        {
            return try sealer.open(sealed)
        }
        guard let refresh = connection.sealedRefreshToken else { throw MailboxOAuthError.notConfigured(mailbox.id) }
        let tokens = try await endpoint.requestTokens(
            at: connection.provider.tokenURL,
            form: [
                "grant_type": "refresh_token", "refresh_token": try sealer.open(refresh),
                "client_id": connection.clientID, "client_secret": try sealer.open(connection.sealedClientSecret),
                "scope": connection.provider.scope,
            ])
        try store(tokens, in: &connection)
        // Re-read: an admin may have edited the mailbox while the token was being fetched.
        guard var current = try await mail.mailbox(mailbox.id), current.imap?.oauth != nil else { return tokens.accessToken }
        imap = current.imap!
        imap.oauth = connection
        current.imap = imap
        try await mail.save(current)
        return tokens.accessToken
    }

    private func store(_ tokens: OAuthTokenResponse, in connection: inout OAuthConnection) throws {
        connection.sealedAccessToken = try sealer.seal(tokens.accessToken)
        connection.accessTokenExpiresAt = clock.now.addingTimeInterval(TimeInterval(tokens.expiresIn ?? 3600))
        // Providers may rotate the refresh token; keep the old one when they do not send a new one.
        if let refresh = tokens.refreshToken { connection.sealedRefreshToken = try sealer.seal(refresh) }
    }

    /// `<mailbox uuid>.<expiry>.<signature>`: no server-side state, and useless for another mailbox or later.
    func state(for id: Mailbox.ID) -> String {
        let body = "\(id.rawValue.uuidString).\(Int(clock.now.timeIntervalSince1970 + Self.stateLifetime))"
        return "\(body).\(signer.signature(for: "oauth-state:" + body).prefix(32))"
    }

    /// The mailbox a callback's state names, if the state is genuine and fresh.
    public func mailboxID(in state: String) -> Mailbox.ID? { mailboxID(fromState: state) }

    func mailboxID(fromState state: String) -> Mailbox.ID? {
        let parts = state.split(separator: ".").map(String.init)
        guard parts.count == 3, let uuid = UUID(uuidString: parts[0]), let expiry = TimeInterval(parts[1]),
            expiry >= clock.now.timeIntervalSince1970,
            String(signer.signature(for: "oauth-state:\(parts[0]).\(parts[1])").prefix(32)) == parts[2]
        else { return nil }
        return Mailbox.ID(rawValue: uuid)
    }
}
