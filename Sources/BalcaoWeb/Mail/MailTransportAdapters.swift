import BalcaoCore
import BalcaoMailTransport
import Foundation

/// The outbox's way out: one SMTP conversation per mail with the configured relay.
struct SMTPMailSender: MailSender {
    let client: SMTPClient

    init(_ settings: BalcaoConfig.Mail.SMTP, heloName: String) {
        let endpoint = MailServerEndpoint(
            host: settings.host, port: settings.port, security: MailSecurity(rawValue: settings.security) ?? .startTLS,
            username: settings.username, password: settings.password, trustRootsPEMFile: settings.caFile)
        client = SMTPClient(endpoint: endpoint, heloName: heloName)
    }

    func send(from: String, recipients: [String], message: Data) async throws {
        do {
            try await client.send(from: from, recipients: recipients, message: Array(message))
        } catch let error as MailTransportError {
            throw MailSendFailure(error.description, isPermanent: error.isPermanent)
        }
    }
}

/// A polled IMAP mailbox: the messages of its folder by UID, marked \Seen or moved once stored.
struct IMAPMailboxReader: MailboxReader {
    let client: IMAPClient
    let settings: IMAPSettings
    let status: IMAPMailboxStatus

    /// Signs in with `accessToken` (XOAUTH2) when given, else with the stored password.
    static func open(_ settings: IMAPSettings, caFile: String?, accessToken: String? = nil) async throws
        -> IMAPMailboxReader
    {
        let endpoint = MailServerEndpoint(
            host: settings.host, port: settings.port,
            security: MailSecurity(rawValue: settings.security.rawValue) ?? .tls, username: settings.username,
            credential: accessToken.map { .oauth2(accessToken: $0) } ?? .password(settings.password),
            trustRootsPEMFile: caFile)
        let client = try await IMAPClient.connect(to: endpoint)
        do {
            try await client.login()
            if case .move(let folder) = settings.afterFetch { try await client.create(folder) }
            let status = try await client.select(settings.folder)
            return IMAPMailboxReader(client: client, settings: settings, status: status)
        } catch {
            await client.logout()
            throw error
        }
    }

    func uidValidity() async throws -> UInt32 { status.uidValidity }

    func messages(after uid: UInt32) async throws -> [UInt32] {
        try await client.searchUIDs(greaterThan: uid)
    }

    func unseenMessages() async throws -> [UInt32] {
        try await client.searchUnseenUIDs()
    }

    func message(_ id: UInt32) async throws -> Data? {
        try await client.fetchMessage(uid: id).map { Data($0) }
    }

    func markProcessed(_ id: UInt32) async throws {
        switch settings.afterFetch {
        case .markSeen: try await client.markSeen(uid: id)
        case .move(let folder): try await client.move(uid: id, to: folder)
        }
    }

    func close() async { await client.logout() }
}
