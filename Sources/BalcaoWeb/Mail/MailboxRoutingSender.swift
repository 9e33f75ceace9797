import BalcaoCore
import BalcaoMailTransport
import Foundation

/// Sends each mail the way its sender address can: a mailbox connected with OAuth (Microsoft 365, Google) sends as
/// itself through its provider's SMTP with XOAUTH2 — a relay could not pass their DMARC checks —, anything else
/// goes through the desk's relay.
struct MailboxRoutingSender: MailSender {
    let mail: any MailStore
    let oauth: MailboxOAuth
    let relay: SMTPMailSender?
    let heloName: String
    /// A private CA for test or in-house servers; nil trusts the system roots only.
    let extraTrustRoots: String?

    func send(from: String, recipients: [String], message: Data) async throws {
        if let address = EmailAddress(from), let mailbox = try await mail.mailbox(address: address),
            let imap = mailbox.imap, let connection = imap.oauth, connection.isConnected,
            let host = connection.provider.smtpHost
        {
            let token = try await oauth.accessToken(for: mailbox)
            let security: MailSecurity = connection.provider.smtpSecurity == "tls" ? .tls : .startTLS
            let endpoint = MailServerEndpoint(
                host: host, port: connection.provider.smtpPort ?? (security == .tls ? 465 : 587), security: security,
                username: imap.username, credential: .oauth2(accessToken: token), trustRootsPEMFile: extraTrustRoots)
            do {
                try await SMTPClient(endpoint: endpoint, heloName: heloName)
                    .send(from: from, recipients: recipients, message: Array(message))
            } catch let error as MailTransportError {
                throw MailSendFailure(error.description, isPermanent: error.isPermanent)
            }
            return
        }
        guard let relay else {
            throw MailSendFailure(
                "no SMTP relay is configured (BALCAO_SMTP_HOST) and \(from) is not a mailbox connected with OAuth",
                isPermanent: false)
        }
        try await relay.send(from: from, recipients: recipients, message: message)
    }
}
