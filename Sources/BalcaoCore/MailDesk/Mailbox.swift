import Foundation

/// An address the desk receives mail on (`suporte@empresa.com.br`), the department its new tickets go to, and
/// optionally the IMAP mailbox Balcão polls for it. Replies to customers go out from (and route back to) it.
public struct Mailbox: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<Mailbox>

    public let id: ID
    public var address: EmailAddress
    /// The sender name customers see ("Suporte Balcão").
    public var displayName: String
    public var departmentID: Department.ID?
    public var imap: IMAPSettings?
    public var isActive: Bool
    /// When the poller last finished, and what went wrong if it failed (shown to admins).
    public var lastPolledAt: Date?
    public var lastError: String?
    /// Polls failed in a row (0 when the last one worked).
    public let failureCount: Int
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID = ID(), address: EmailAddress, displayName: String, departmentID: Department.ID? = nil,
        imap: IMAPSettings? = nil, isActive: Bool = true, lastPolledAt: Date? = nil, lastError: String? = nil,
        failureCount: Int = 0, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.address = address
        self.displayName = displayName
        self.departmentID = departmentID
        self.imap = imap
        self.isActive = isActive
        self.lastPolledAt = lastPolledAt
        self.lastError = lastError
        self.failureCount = failureCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// How to reach the IMAP mailbox behind a `Mailbox`.
public struct IMAPSettings: Sendable, Hashable, Codable {
    public enum Security: String, Sendable, Codable, CaseIterable {
        case none, startTLS = "starttls", tls
    }

    /// What happens to a message once it became a ticket or reply: flagged \Seen, or moved to a folder.
    public enum AfterFetch: Sendable, Hashable, Codable {
        case markSeen
        case move(folder: String)
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String
    public var password: String
    public var folder: String
    public var afterFetch: AfterFetch
    /// Seconds between polls.
    public var pollInterval: Int
    /// Set for Microsoft 365 / Google mailboxes that sign in with OAuth 2.0 (XOAUTH2) instead of the password.
    public var oauth: OAuthConnection?

    public init(
        host: String, port: Int, security: Security, username: String, password: String, folder: String = "INBOX",
        afterFetch: AfterFetch = .markSeen, pollInterval: Int = 60
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.folder = folder
        self.afterFetch = afterFetch
        self.pollInterval = pollInterval
    }

    public static let minPollInterval = 10
}

/// The fields an admin submits to create or change a mailbox.
public struct MailboxDraft: Sendable, Hashable {
    public var address: String
    public var displayName: String
    public var departmentID: Department.ID?
    public var isActive: Bool
    public var imap: IMAPDraft?

    public init(
        address: String, displayName: String, departmentID: Department.ID?, isActive: Bool = true,
        imap: IMAPDraft? = nil
    ) {
        self.address = address
        self.displayName = displayName
        self.departmentID = departmentID
        self.isActive = isActive
        self.imap = imap
    }
}

/// IMAP fields as typed into a form; `password` nil keeps the stored one.
public struct IMAPDraft: Sendable, Hashable {
    public var host: String
    public var port: Int?
    public var security: String
    public var username: String
    public var password: String?
    public var folder: String
    /// Empty: mark seen; otherwise the folder to move fetched mail to.
    public var moveToFolder: String
    public var pollInterval: Int?

    public init(
        host: String, port: Int?, security: String, username: String, password: String?, folder: String,
        moveToFolder: String, pollInterval: Int?
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.folder = folder
        self.moveToFolder = moveToFolder
        self.pollInterval = pollInterval
    }

    /// Checks the fields and builds settings, keeping `previous`'s password when none was typed.
    func settings(previous: IMAPSettings?, into collector: inout ValidationCollector) -> IMAPSettings? {
        let host = host.trimmingCharacters(in: .whitespaces)
        if host.isEmpty || host.contains(where: { $0.isWhitespace || $0 == "/" }) {
            collector.add("imap.host", "must be a host name such as imap.empresa.com.br")
        }
        guard let security = IMAPSettings.Security(rawValue: security) else {
            collector.add("imap.security", "must be none, starttls or tls")
            return nil
        }
        let port = port ?? (security == .tls ? 993 : 143)
        if !(1...65535).contains(port) { collector.add("imap.port", "must be between 1 and 65535") }
        collector.requireText(username, field: "imap.username", maxLength: 254)
        // A mailbox signed in with OAuth needs no password.
        let password = (password.flatMap { $0.isEmpty ? nil : $0 }) ?? previous?.password
            ?? (previous?.oauth != nil ? "" : nil)
        if password == nil { collector.add("imap.password", "must not be blank") }
        let folder = folder.trimmingCharacters(in: .whitespaces).isEmpty ? "INBOX" : folder
        let moveTo = moveToFolder.trimmingCharacters(in: .whitespaces)
        let interval = pollInterval ?? 60
        if interval < IMAPSettings.minPollInterval {
            collector.add("imap.pollInterval", "must be at least \(IMAPSettings.minPollInterval) seconds")
        }
        guard let password, collector.issues.isEmpty else { return nil }
        var settings = IMAPSettings(
            host: host, port: port, security: security, username: username.trimmingCharacters(in: .whitespaces),
            password: password, folder: folder, afterFetch: moveTo.isEmpty ? .markSeen : .move(folder: moveTo),
            pollInterval: interval)
        settings.oauth = previous?.oauth
        return settings
    }
}
