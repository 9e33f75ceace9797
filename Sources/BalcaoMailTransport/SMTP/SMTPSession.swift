import Foundation

/// Command/reply steps on one SMTP connection.
struct SMTPSession: Sendable {
    let connection: MailConnection<SMTPReplyFramer>

    @discardableResult
    func command(_ line: String) async throws(MailTransportError) -> SMTPReply {
        try await connection.send(line + "\r\n")
        return try await connection.receive()
    }

    /// Sends `line` and throws `.rejected` (with the reply code) unless the reply has code `expected`.
    @discardableResult
    func command(_ line: String, expecting expected: Int) async throws(MailTransportError) -> SMTPReply {
        let reply = try await command(line)
        guard reply.code == expected else {
            let verb = line.prefix { $0 != " " && $0 != ":" }
            throw MailTransportError(.rejected, "\(verb) refused: \(reply.text)", replyCode: reply.code)
        }
        return reply
    }

    /// AUTH PLAIN, or AUTH LOGIN when the server offers only that (RFC 4954, RFC 4616).
    func authenticate(username: String, password: String, mechanisms: Set<String>) async throws(MailTransportError) {
        let reply: SMTPReply
        if mechanisms.contains("PLAIN") {
            let credentials = Data([0] + Array(username.utf8) + [0] + Array(password.utf8)).base64EncodedString()
            reply = try await command("AUTH PLAIN \(credentials)")
        } else if mechanisms.contains("LOGIN") {
            reply = try await authenticateLogin(username: username, password: password)
        } else {
            let offered = mechanisms.isEmpty ? "none" : mechanisms.sorted().joined(separator: " ")
            throw MailTransportError(
                .authenticationFailed,
                "server offers no AUTH mechanism this client supports (PLAIN, LOGIN); offered: \(offered)"
            )
        }
        guard reply.code == 235 else {
            throw MailTransportError(
                .authenticationFailed, "authentication refused: \(reply.text)", replyCode: reply.code)
        }
    }

    private func authenticateLogin(username: String, password: String) async throws(MailTransportError) -> SMTPReply {
        var reply = try await command("AUTH LOGIN")
        for secret in [username, password] where reply.code == 334 {
            reply = try await command(Data(secret.utf8).base64EncodedString())
        }
        return reply
    }

    /// Says goodbye and closes; never fails.
    func quit() async {
        _ = try? await command("QUIT")
        await connection.close()
    }
}
