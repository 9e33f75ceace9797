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

    /// Authenticates `username` with `credential`: AUTH PLAIN or LOGIN for a password, AUTH XOAUTH2 for an
    /// OAuth 2.0 access token.
    func authenticate(
        username: String,
        credential: MailCredential,
        mechanisms: Set<String>
    ) async throws(MailTransportError) {
        switch credential {
        case .password(let password):
            try await authenticate(username: username, password: password, mechanisms: mechanisms)
        case .oauth2(let accessToken):
            try await authenticateXOAUTH2(username: username, accessToken: accessToken, mechanisms: mechanisms)
        }
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

    /// AUTH XOAUTH2. The initial response goes with the command unless that would make the line longer than
    /// 512 octets (RFC 4954 §4: real access tokens, JWTs of 1–2 KB, always do); then it follows the server's
    /// empty 334 challenge.
    func authenticateXOAUTH2(
        username: String,
        accessToken: String,
        mechanisms: Set<String>
    ) async throws(MailTransportError) {
        guard mechanisms.contains("XOAUTH2") else {
            let offered = mechanisms.isEmpty ? "none" : mechanisms.sorted().joined(separator: " ")
            throw MailTransportError(.authenticationFailed, "server does not offer AUTH XOAUTH2; offered: \(offered)")
        }
        let response = try XOAUTH2Exchange.initialResponse(username: username, accessToken: accessToken)
        let inline = "AUTH XOAUTH2 \(response)"
        let fitsOnLine = inline.utf8.count + 2 <= 512
        var exchange = try XOAUTH2Exchange(
            username: username, accessToken: accessToken, sendsInitialResponseWithCommand: fitsOnLine)
        var reply = try await command(fitsOnLine ? inline : "AUTH XOAUTH2")
        while reply.code == 334 {
            reply = try await command(try exchange.answer(challenge: reply.lines.joined()))
        }
        guard reply.code == 235 else {
            let detail = exchange.serverError.map { "; server error: \($0)" } ?? ""
            throw MailTransportError(
                .authenticationFailed, "XOAUTH2 refused: \(reply.text)\(detail)", replyCode: reply.code)
        }
    }

    /// Says goodbye and closes; never fails.
    func quit() async {
        _ = try? await command("QUIT")
        await connection.close()
    }
}
