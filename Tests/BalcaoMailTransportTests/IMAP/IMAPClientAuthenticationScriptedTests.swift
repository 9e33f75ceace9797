import BalcaoMailTransport
import Testing

/// IMAPClient.login() with an OAuth 2.0 token against scripted servers: the AUTHENTICATE XOAUTH2 exchange.
@Suite("IMAP XOAUTH2 login against scripted servers")
struct IMAPClientAuthenticationScriptedTests {
    private static let greeting = "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2] ready\r\n"
    private static let capability = "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2\r\n{tag} OK done\r\n"
    private static let bye = "* BYE logging out\r\n{tag} OK bye\r\n"
    /// base64("user=ana\u{1}auth=Bearer tok\u{1}\u{1}").
    private static let response = "dXNlcj1hbmEBYXV0aD1CZWFyZXIgdG9rAQE="
    /// Dovecot's error challenge: {"status":"401","schemes":"bearer","scope":"mail"}.
    private static let errorChallenge = "+ eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJtYWlsIn0=\r\n"

    private func connect(to server: ScriptedServer) async throws -> IMAPClient {
        let endpoint = MailServerEndpoint(
            host: "127.0.0.1", port: server.port, security: .none, username: "ana",
            credential: .oauth2(accessToken: "tok"), timeout: .seconds(5))
        return try await IMAPClient.connect(to: endpoint)
    }

    @Test("With SASL-IR the token goes in the AUTHENTICATE line, and the capabilities of the OK are taken")
    func initialResponseInline() async throws {
        let server = try await ScriptedServer.start([
            Self.greeting, Self.capability, "{tag} OK [CAPABILITY IMAP4rev1 MOVE] Logged in\r\n", Self.bye,
        ])
        let client = try await connect(to: server)

        try await client.login()
        let capabilities = await client.capabilities
        await client.logout()

        #expect(server.receivedLines == ["A1 CAPABILITY", "A2 AUTHENTICATE XOAUTH2 \(Self.response)", "A3 LOGOUT"])
        #expect(capabilities == ["IMAP4REV1", "MOVE"])
        await server.stop()
    }

    @Test("Without SASL-IR the token follows the server's empty + challenge")
    func initialResponseAfterContinuation() async throws {
        let server = try await ScriptedServer.start([
            "* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2] ready\r\n", "* CAPABILITY IMAP4rev1 AUTH=XOAUTH2\r\n{tag} OK\r\n",
            "+ \r\n", "A2 OK Logged in\r\n", "* CAPABILITY IMAP4rev1 IDLE\r\n{tag} OK done\r\n", Self.bye,
        ])
        let client = try await connect(to: server)

        try await client.login()
        let capabilities = await client.capabilities
        await client.logout()

        #expect(
            server.receivedLines == [
                "A1 CAPABILITY", "A2 AUTHENTICATE XOAUTH2", Self.response, "A3 CAPABILITY", "A4 LOGOUT",
            ])
        #expect(capabilities == ["IMAP4REV1", "IDLE"])
        await server.stop()
    }

    @Test("A refused token: the error challenge gets an empty line, then NO is a permanent authenticationFailed")
    func refusedToken() async throws {
        let server = try await ScriptedServer.start([
            Self.greeting, Self.capability, Self.errorChallenge,
            "A2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
        ])
        let client = try await connect(to: server)

        let error = await #expect(throws: MailTransportError.self) { try await client.login() }
        let afterwards = await #expect(throws: MailTransportError.self) { _ = try await client.select("INBOX") }

        #expect(server.receivedLines == ["A1 CAPABILITY", "A2 AUTHENTICATE XOAUTH2 \(Self.response)", ""])
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.isPermanent == true)
        #expect(error?.message.contains("AUTHENTICATIONFAILED") == true)
        #expect(error?.message.contains(#"{"status":"401","schemes":"bearer","scope":"mail"}"#) == true)
        #expect(afterwards?.kind == .authenticationFailed)  // the session is closed
        await server.stop()
    }

    @Test("NO [UNAVAILABLE] is an authentication failure worth retrying")
    func unavailable() async throws {
        let server = try await ScriptedServer.start([
            Self.greeting, Self.capability, Self.errorChallenge,
            "A2 NO [UNAVAILABLE] Temporary authentication failure.\r\n",
        ])
        let client = try await connect(to: server)

        let error = await #expect(throws: MailTransportError.self) { try await client.login() }

        #expect(error?.kind == .authenticationFailed)
        #expect(error?.isPermanent == false)
        await server.stop()
    }

    @Test("A server without AUTH=XOAUTH2 never sees the token")
    func mechanismNotOffered() async throws {
        let server = try await ScriptedServer.start([
            "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n", "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK\r\n",
        ])
        let client = try await connect(to: server)

        let error = await #expect(throws: MailTransportError.self) { try await client.login() }

        #expect(error?.kind == .authenticationFailed)
        #expect(error?.message.contains("AUTH=PLAIN") == true)
        #expect(server.receivedLines == ["A1 CAPABILITY"])
        await server.stop()
    }

    @Test("A second challenge after the error is a protocol violation")
    func secondChallenge() async throws {
        let server = try await ScriptedServer.start([
            Self.greeting, Self.capability, Self.errorChallenge, "+ more?\r\n",
        ])
        let client = try await connect(to: server)

        let error = await #expect(throws: MailTransportError.self) { try await client.login() }

        #expect(error?.kind == .protocolViolation)
        await server.stop()
    }
}
