import NIOCore
import NIOPosix

/// Sends mail through an SMTP submission server (RFC 5321, STARTTLS RFC 3207, AUTH RFC 4954).
public struct SMTPClient: Sendable {
    public let endpoint: MailServerEndpoint
    public let heloName: String
    private let group: any EventLoopGroup

    /// - Parameters:
    ///   - heloName: the name this host gives in EHLO/HELO.
    ///   - group: where the connection's I/O runs.
    public init(
        endpoint: MailServerEndpoint,
        heloName: String = "localhost",
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.endpoint = endpoint
        self.heloName = heloName
        self.group = group
    }

    /// Sends one message over a new connection: greeting, EHLO (HELO fallback), STARTTLS when the endpoint asks
    /// for it, AUTH when it has a username (PLAIN or LOGIN with a password, XOAUTH2 with an OAuth 2.0 access
    /// token), MAIL FROM, RCPT TO for each recipient, DATA, QUIT.
    ///
    /// - Parameters:
    ///   - from: the envelope sender; `""` sends the null reverse-path `<>` (bounces).
    ///   - recipients: envelope recipients. Some may be refused: see the returned report.
    ///   - message: the message as it should arrive (headers and body). Line breaks become CRLF and lines starting
    ///     with "." are dot-stuffed on the wire.
    /// - Returns: which recipients the server accepted and refused.
    /// - Throws: ``MailTransportError``; `.rejected` when the server refused the sender, every recipient or the
    ///   message (with `replyCode`, `isPermanent` for 5xx), `.authenticationFailed` for refused credentials.
    @discardableResult
    public func send(from: String, recipients: [String], message: [UInt8]) async throws -> SMTPDeliveryReport {
        guard !heloName.isEmpty, !heloName.contains(where: { $0.isNewline || $0 == " " }) else {
            throw MailTransportError(.rejected, "invalid HELO name \"\(heloName)\"", isPermanent: true)
        }
        try Self.validate(address: from, allowsEmpty: true)
        guard !recipients.isEmpty else {
            throw MailTransportError(.rejected, "no recipients", isPermanent: true)
        }
        for recipient in recipients {
            try Self.validate(address: recipient, allowsEmpty: false)
        }
        let session = SMTPSession(connection: try await MailConnection.connect(to: endpoint, group: group))
        do {
            var capabilities = try await hello(session)
            if endpoint.security == .startTLS {
                capabilities = try await startTLS(session, capabilities: capabilities)
            }
            if let username = endpoint.username {
                try await session.authenticate(
                    username: username,
                    credential: endpoint.credential ?? .password(""),
                    mechanisms: capabilities.authMechanisms
                )
            }
            let report = try await transaction(
                session, capabilities, from: from, recipients: recipients, message: message)
            await session.quit()
            return report
        } catch {
            let error = MailTransportError(wrapping: error)
            // A refusal leaves the connection healthy: say goodbye. After anything else, just close.
            if error.kind == .rejected || error.kind == .authenticationFailed {
                await session.quit()
            } else {
                await session.connection.close()
            }
            throw error
        }
    }

    private func hello(_ session: SMTPSession) async throws -> SMTPCapabilities {
        let greeting = try await session.connection.receive()
        guard greeting.code == 220 else {
            throw MailTransportError(
                .rejected, "server refused the session: \(greeting.text)", replyCode: greeting.code)
        }
        return try await ehlo(session)
    }

    private func ehlo(_ session: SMTPSession) async throws -> SMTPCapabilities {
        let reply = try await session.command("EHLO \(heloName)")
        if reply.isPositiveCompletion {
            return SMTPCapabilities(ehlo: reply)
        }
        guard (500..<600).contains(reply.code) else {
            throw MailTransportError(.rejected, "EHLO refused: \(reply.text)", replyCode: reply.code)
        }
        // An RFC 821 server that does not know EHLO.
        try await session.command("HELO \(heloName)", expecting: 250)
        return SMTPCapabilities()
    }

    private func startTLS(_ session: SMTPSession, capabilities: SMTPCapabilities) async throws -> SMTPCapabilities {
        guard capabilities.supports("STARTTLS") else {
            throw MailTransportError(.tlsFailed, "server does not offer STARTTLS")
        }
        let reply = try await session.command("STARTTLS")
        guard reply.code == 220 else {
            throw MailTransportError(.tlsFailed, "STARTTLS refused: \(reply.text)", replyCode: reply.code)
        }
        try await session.connection.startTLS()
        // RFC 3207 §4.2: forget what was learnt in the clear and ask again.
        return try await ehlo(session)
    }

    private func transaction(
        _ session: SMTPSession,
        _ capabilities: SMTPCapabilities,
        from: String,
        recipients: [String],
        message: [UInt8]
    ) async throws -> SMTPDeliveryReport {
        var mailFrom = "MAIL FROM:<\(from)>"
        if SMTPMessageEncoding.hasEightBitBytes(message) && capabilities.supports("8BITMIME") {
            mailFrom += " BODY=8BITMIME"
        }
        if !([from] + recipients).allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) && capabilities.supports("SMTPUTF8")
        {
            mailFrom += " SMTPUTF8"
        }
        try await session.command(mailFrom, expecting: 250)

        var accepted: [String] = []
        var rejected: [SMTPDeliveryReport.Rejection] = []
        for recipient in recipients {
            let reply = try await session.command("RCPT TO:<\(recipient)>")
            if reply.code == 250 || reply.code == 251 {
                accepted.append(recipient)
            } else if reply.code == 421 {
                throw MailTransportError(.rejected, "server is closing: \(reply.text)", replyCode: reply.code)
            } else {
                rejected.append(.init(recipient: recipient, replyCode: reply.code, message: reply.text))
            }
        }
        guard !accepted.isEmpty else {
            let detail = rejected.map { "<\($0.recipient)>: \($0.replyCode) \($0.message)" }.joined(separator: "; ")
            // Permanent only when every refusal was; a 4xx for any recipient is worth a retry.
            let code = rejected.first(where: { !$0.isPermanent })?.replyCode ?? rejected.first?.replyCode
            throw MailTransportError(.rejected, "all recipients refused: \(detail)", replyCode: code)
        }

        let data = try await session.command("DATA")
        guard data.code == 354 else {
            throw MailTransportError(.rejected, "DATA refused: \(data.text)", replyCode: data.code)
        }
        try await session.connection.send(SMTPMessageEncoding.dataPayload(for: message))
        let stored = try await session.connection.receive()
        guard stored.isPositiveCompletion else {
            throw MailTransportError(.rejected, "message refused: \(stored.text)", replyCode: stored.code)
        }
        return SMTPDeliveryReport(acceptedRecipients: accepted, rejectedRecipients: rejected)
    }

    /// Refuses addresses that would break the command line (CR, LF, angle brackets) before anything is sent.
    static func validate(address: String, allowsEmpty: Bool) throws(MailTransportError) {
        let forbidden: Set<Character> = ["\r", "\n", "<", ">", "\0"]
        guard allowsEmpty || !address.isEmpty, !address.contains(where: forbidden.contains) else {
            throw MailTransportError(.rejected, "invalid address <\(address)>", isPermanent: true)
        }
    }
}
