import BalcaoMailTransport
import Testing

/// SMTPClient against misbehaving servers on loopback: every failure must be a MailTransportError.
@Suite("SMTP client against scripted servers")
struct SMTPClientScriptedTests {
    private static let ehlo = "250-scripted\r\n250 AUTH PLAIN\r\n"

    private func send(
        _ script: [String?],
        security: MailSecurity = .none,
        recipients: [String] = ["a@x.test"],
        timeout: Duration = .seconds(5)
    ) async throws -> SMTPDeliveryReport {
        let server = try await ScriptedServer.start(script)
        defer { Task { await server.stop() } }
        let endpoint = MailServerEndpoint(
            host: "127.0.0.1",
            port: server.port,
            security: security,
            verifiesCertificates: false,
            timeout: timeout
        )
        return try await SMTPClient(endpoint: endpoint).send(
            from: "helpdesk@balcao.test",
            recipients: recipients,
            message: Array("Subject: t\r\n\r\nbody\r\n".utf8)
        )
    }

    private func error(
        _ script: [String?],
        security: MailSecurity = .none,
        recipients: [String] = ["a@x.test"],
        timeout: Duration = .seconds(5)
    ) async -> MailTransportError? {
        await #expect(throws: MailTransportError.self) {
            _ = try await send(script, security: security, recipients: recipients, timeout: timeout)
        }
    }

    @Test("Some refused recipients are reported while the message goes to the others")
    func partialRecipients() async throws {
        let script = [
            "220 hi\r\n", Self.ehlo, "250 ok\r\n", "250 ok\r\n", "550 no such user\r\n", "354 go\r\n",
            "250 queued\r\n", "221 bye\r\n",
        ]

        let report = try await send(script, recipients: ["a@x.test", "b@x.test"])

        #expect(report.acceptedRecipients == ["a@x.test"])
        #expect(report.rejectedRecipients == [.init(recipient: "b@x.test", replyCode: 550, message: "no such user")])
        #expect(report.rejectedRecipients.first?.isPermanent == true)
    }

    @Test("All recipients refused is a rejection, permanent only when every refusal is")
    func allRecipientsRefused() async {
        let permanent = await error(["220 hi\r\n", Self.ehlo, "250 ok\r\n", "550 unknown\r\n", "221 bye\r\n"])
        let temporary = await error(
            ["220 hi\r\n", Self.ehlo, "250 ok\r\n", "550 unknown\r\n", "450 mailbox busy\r\n", "221 bye\r\n"],
            recipients: ["a@x.test", "b@x.test"]
        )

        #expect(permanent?.kind == .rejected)
        #expect(permanent?.replyCode == 550)
        #expect(permanent?.isPermanent == true)
        #expect(temporary?.replyCode == 450)
        #expect(temporary?.isPermanent == false)
    }

    @Test("A refused message after DATA is a rejection with the server's code")
    func messageRefused() async {
        let script = [
            "220 hi\r\n", Self.ehlo, "250 ok\r\n", "250 ok\r\n", "354 go\r\n", "554 5.7.1 spam\r\n", "221 bye\r\n",
        ]

        let error = await error(script)

        #expect(error?.kind == .rejected)
        #expect(error?.replyCode == 554)
        #expect(error?.message.contains("spam") == true)
    }

    @Test("A server without EHLO gets HELO")
    func heloFallback() async throws {
        let script = [
            "220 old\r\n", "502 what?\r\n", "250 hello\r\n", "250 ok\r\n", "250 ok\r\n", "354 go\r\n",
            "250 ok\r\n", "221 bye\r\n",
        ]

        let report = try await send(script)

        #expect(report.acceptedRecipients == ["a@x.test"])
    }

    @Test("Garbage instead of a greeting is a protocol violation")
    func garbageGreeting() async {
        let error = await error(["HTTP/1.1 400 Bad Request\r\n"])

        #expect(error?.kind == .protocolViolation)
    }

    @Test("A 554 greeting is a permanent rejection")
    func refusedGreeting() async {
        let error = await error(["554 go away\r\n", "221 bye\r\n"])

        #expect(error?.kind == .rejected)
        #expect(error?.isPermanent == true)
    }

    @Test("A silent server times out")
    func silentServer() async {
        let clock = ContinuousClock()
        let start = clock.now

        let error = await error([], timeout: .milliseconds(300))

        #expect(error?.kind == .timedOut)
        // Only "it gave up instead of hanging": a loaded CI machine may take seconds to get there.
        #expect(clock.now - start < .seconds(30))
    }

    @Test("A server that hangs up mid-reply is a lost connection")
    func hangUp() async {
        let error = await error(["220 hi\r\n", "250-scripted\r\n250-SIZE", nil])

        #expect(error?.kind == .connectionFailed)
    }

    @Test("Nobody listening is connectionFailed")
    func nobodyListening() async throws {
        let server = try await ScriptedServer.start([])
        let port = server.port
        await server.stop()
        let endpoint = MailServerEndpoint(host: "127.0.0.1", port: port, security: .none)

        let error = await #expect(throws: MailTransportError.self) {
            try await SMTPClient(endpoint: endpoint).send(from: "", recipients: ["a@x.test"], message: [])
        }

        #expect(error?.kind == .connectionFailed)
    }

    @Test("STARTTLS requested but not offered is tlsFailed")
    func startTLSNotOffered() async {
        let error = await error(["220 hi\r\n", Self.ehlo, "221 bye\r\n"], security: .startTLS)

        #expect(error?.kind == .tlsFailed)
    }

    @Test("Plaintext injected after the STARTTLS go-ahead ends the connection (CVE-2011-0411)")
    func startTLSInjection() async {
        let script = ["220 hi\r\n", "250-scripted\r\n250 STARTTLS\r\n", "220 go ahead\r\n250-injected\r\n"]

        let error = await error(script, security: .startTLS)

        #expect(error?.kind == .protocolViolation)
    }

    @Test("A complete reply injected after the STARTTLS go-ahead also ends the connection")
    func startTLSInjectedReply() async {
        let script = ["220 hi\r\n", "250-scripted\r\n250 STARTTLS\r\n", "220 go ahead\r\n250 injected\r\n"]

        let error = await error(script, security: .startTLS)

        #expect(error?.kind == .protocolViolation)
    }

    @Test("A server that is not TLS behind STARTTLS is tlsFailed")
    func startTLSWithoutTLS() async {
        let script = ["220 hi\r\n", "250-scripted\r\n250 STARTTLS\r\n", "220 go ahead\r\n", "250 not tls at all\r\n"]

        let error = await error(script, security: .startTLS)

        #expect(error?.kind == .tlsFailed)
    }
}
