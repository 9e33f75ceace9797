import BalcaoMailTransport
import Foundation
import Testing

/// SMTPClient with an OAuth 2.0 token against scripted servers: the AUTH XOAUTH2 exchange.
@Suite("SMTP XOAUTH2 against scripted servers")
struct SMTPClientAuthenticationScriptedTests {
    private static let ehlo = "250-scripted\r\n250 AUTH PLAIN LOGIN XOAUTH2\r\n"
    private static let delivery = ["250 ok\r\n", "250 ok\r\n", "354 go\r\n", "250 queued\r\n", "221 bye\r\n"]
    /// base64("user=ana\u{1}auth=Bearer tok\u{1}\u{1}").
    private static let response = "dXNlcj1hbmEBYXV0aD1CZWFyZXIgdG9rAQE="
    /// Gmail's error challenge: {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}.
    private static let gmailError =
        "eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ=="

    private func send(to server: ScriptedServer, token: String = "tok") async throws -> SMTPDeliveryReport {
        let endpoint = MailServerEndpoint(
            host: "127.0.0.1", port: server.port, security: .none, username: "ana",
            credential: .oauth2(accessToken: token), timeout: .seconds(5))
        return try await SMTPClient(endpoint: endpoint).send(
            from: "helpdesk@balcao.test", recipients: ["a@x.test"], message: Array("Subject: t\r\n\r\nbody\r\n".utf8))
    }

    @Test("A short token goes with AUTH XOAUTH2 as its initial response")
    func initialResponseInline() async throws {
        let server = try await ScriptedServer.start(
            ["220 hi\r\n", Self.ehlo, "235 2.7.0 Accepted\r\n"] + Self.delivery)

        let report = try await send(to: server)

        #expect(report.acceptedRecipients == ["a@x.test"])
        #expect(
            server.receivedLines.prefix(3) == [
                "EHLO localhost", "AUTH XOAUTH2 \(Self.response)", "MAIL FROM:<helpdesk@balcao.test>",
            ])
        await server.stop()
    }

    @Test("A token too long for a 512-octet command line follows the server's empty 334")
    func longTokenAfterChallenge() async throws {
        let token = String(repeating: "eyJ0", count: 300)
        let server = try await ScriptedServer.start(
            ["220 hi\r\n", Self.ehlo, "334 \r\n", "235 2.7.0 Accepted\r\n"] + Self.delivery)

        _ = try await send(to: server, token: token)

        let lines = server.receivedLines
        let expected = Data("user=ana\u{1}auth=Bearer \(token)\u{1}\u{1}".utf8).base64EncodedString()
        #expect(lines.prefix(3) == ["EHLO localhost", "AUTH XOAUTH2", expected])
        await server.stop()
    }

    @Test("A refused token: the 334 error gets an empty line, then 535 is a permanent authenticationFailed")
    func refusedToken() async throws {
        let server = try await ScriptedServer.start([
            "220 hi\r\n", Self.ehlo, "334 \(Self.gmailError)\r\n",
            "535-5.7.8 Username and Password not accepted.\r\n"
                + "535 5.7.8 https://support.google.com/mail/?p=BadCredentials\r\n", "221 bye\r\n",
        ])

        let error = await #expect(throws: MailTransportError.self) { try await send(to: server) }

        #expect(server.receivedLines == ["EHLO localhost", "AUTH XOAUTH2 \(Self.response)", "", "QUIT"])
        #expect(error?.kind == .authenticationFailed)
        #expect(error?.replyCode == 535)
        #expect(error?.isPermanent == true)
        #expect(error?.message.contains(#""scope":"https://mail.google.com/""#) == true)
        await server.stop()
    }

    @Test("A server without AUTH XOAUTH2 never sees the token")
    func mechanismNotOffered() async throws {
        let server = try await ScriptedServer.start(["220 hi\r\n", "250-scripted\r\n250 AUTH PLAIN\r\n", "221 bye\r\n"])

        let error = await #expect(throws: MailTransportError.self) { try await send(to: server) }

        #expect(error?.kind == .authenticationFailed)
        #expect(error?.message.contains("PLAIN") == true)
        #expect(server.receivedLines == ["EHLO localhost", "QUIT"])
        await server.stop()
    }
}
