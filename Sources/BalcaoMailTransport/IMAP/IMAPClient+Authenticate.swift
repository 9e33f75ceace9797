/// Logging in: LOGIN with a password, AUTHENTICATE XOAUTH2 with an OAuth 2.0 access token.
extension IMAPClient {
    /// Logs in with the endpoint's username and credential: LOGIN for a password (or none), AUTHENTICATE XOAUTH2
    /// (RFC 3501 §6.2.2, with the initial response inline when the server offers SASL-IR, RFC 4959) for an
    /// OAuth 2.0 access token.
    ///
    /// - Throws: `.authenticationFailed` when the server refuses them, with its error for XOAUTH2 (the connection
    ///   is then closed). It is permanent unless the server said `[UNAVAILABLE]` (RFC 5530: its authentication
    ///   backend is down).
    public func login() async throws {
        try await exclusively { () async throws(MailTransportError) in
            guard let username = endpoint.username else {
                throw MailTransportError(.authenticationFailed, "no username configured for \(endpoint)")
            }
            let reply: CommandReply
            switch endpoint.credential {
            case .oauth2(let accessToken):
                reply = try await authenticateXOAUTH2(username: username, accessToken: accessToken)
            case .password(let password):
                reply = try await loginCommand(username: username, password: password)
            case nil:
                reply = try await loginCommand(username: username, password: "")
            }
            if !reply.updatedCapabilities {
                try await refreshCapabilities()
            }
        }
    }

    private func loginCommand(username: String, password: String) async throws(MailTransportError) -> CommandReply {
        if capabilities.contains("LOGINDISABLED") {
            throw MailTransportError(.authenticationFailed, "server does not allow LOGIN on this connection")
        }
        let reply = try await execute(IMAPCommand("LOGIN").string(username).string(password))
        guard reply.tagged.status == .ok else {
            throw Self.authenticationError("login refused: \(reply.tagged.serverText)", reply.tagged)
        }
        return reply
    }

    private func authenticateXOAUTH2(
        username: String,
        accessToken: String
    ) async throws(MailTransportError) -> CommandReply {
        guard capabilities.contains("AUTH=XOAUTH2") else {
            let offered = capabilities.filter { $0.hasPrefix("AUTH=") }.sorted().joined(separator: " ")
            throw MailTransportError(
                .authenticationFailed,
                "server does not offer AUTH=XOAUTH2 (offers: \(offered.isEmpty ? "none" : offered))")
        }
        let initialResponseInline = capabilities.contains("SASL-IR")
        var exchange = try XOAUTH2Exchange(
            username: username, accessToken: accessToken, sendsInitialResponseWithCommand: initialResponseInline)
        var command = IMAPCommand("AUTHENTICATE").atom("XOAUTH2")
        if initialResponseInline {
            command = command.atom(exchange.initialResponse)
        }
        let reply = try await execute(command) { challenge throws(MailTransportError) in
            try exchange.answer(challenge: challenge)
        }
        guard reply.tagged.status == .ok else {
            let detail = exchange.serverError.map { "; server error: \($0)" } ?? ""
            throw Self.authenticationError("XOAUTH2 refused: \(reply.tagged.serverText)\(detail)", reply.tagged)
        }
        return reply
    }

    private static func authenticationError(_ message: String, _ status: IMAPStatusResponse) -> MailTransportError {
        MailTransportError(.authenticationFailed, message, isPermanent: status.code?.name != "UNAVAILABLE")
    }
}
