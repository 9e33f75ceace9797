import BalcaoMailTransport
import Foundation
import Testing

@Suite(
    "SMTP client against the aiosmtpd sink",
    .enabled(if: TestMailServers.smtp != nil, "needs BALCAO_TEST_SMTP_* from scripts/mail-servers start")
)
struct SMTPClientIntegrationTests {
    let server = TestMailServers.smtp!

    @Test("STARTTLS and AUTH deliver the message byte for byte, dot lines included")
    func deliversMessage() async throws {
        let id = UUID().uuidString
        let message = Array(
            ("From: helpdesk@balcao.test\r\nTo: ana@cliente.test\r\nSubject: Re: [#1042] Impressora\r\n"
                + "Message-ID: <\(id)@balcao.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Olá Ana,\r\n.\r\n.linha que começa com ponto\r\n..duas\r\nAtenciosamente\r\n").utf8
        )
        let client = SMTPClient(endpoint: server.endpoint(), heloName: "balcao.test")

        let report = try await client.send(
            from: "helpdesk@balcao.test",
            recipients: ["ana@cliente.test", "bruno@cliente.test"],
            message: message
        )

        #expect(report.acceptedRecipients == ["ana@cliente.test", "bruno@cliente.test"])
        #expect(!report.isPartial)
        let stored = try #require(try await storedMessage(containing: id))
        #expect(stored.eml == message)
        #expect(stored.meta["tls"] as? Bool == true)
        #expect(stored.meta["auth_user"] as? String == server.username)
        #expect(stored.meta["rcpt_tos"] as? [String] == ["ana@cliente.test", "bruno@cliente.test"])
    }

    @Test("A message with bare LF line ends arrives with CRLF")
    func normalizesLineEnds() async throws {
        let id = UUID().uuidString
        let message = Array("Subject: lf\nMessage-ID: <\(id)@balcao.test>\n\nline\n.dot\n".utf8)

        try await SMTPClient(endpoint: server.endpoint()).send(from: "", recipients: ["x@y.test"], message: message)

        let stored = try #require(try await storedMessage(containing: id))
        #expect(stored.eml == Array("Subject: lf\r\nMessage-ID: <\(id)@balcao.test>\r\n\r\nline\r\n.dot\r\n".utf8))
        #expect(stored.meta["mail_from"] as? String == "<>")  // the null reverse-path
    }

    @Test("A wrong password is authenticationFailed and permanent")
    func wrongPassword() async throws {
        let client = SMTPClient(endpoint: server.endpoint(password: "wrong"))

        let error = await #expect(throws: MailTransportError.self) {
            try await client.send(from: "a@b.test", recipients: ["c@d.test"], message: Array("x\r\n".utf8))
        }

        #expect(error?.kind == .authenticationFailed)
        #expect(error?.isPermanent == true)
        #expect(error?.replyCode == 535)
    }

    @Test(
        "XOAUTH2 with the sink's access token delivers the message",
        .enabled(if: TestMailServers.smtp?.oauthToken != nil, "needs BALCAO_TEST_SMTP_OAUTH_TOKEN")
    )
    func oauthDelivers() async throws {
        let token = try #require(server.oauthToken)
        let id = UUID().uuidString
        let message = Array("Subject: oauth\r\nMessage-ID: <\(id)@balcao.test>\r\n\r\nvia XOAUTH2\r\n".utf8)

        try await SMTPClient(endpoint: server.endpoint(accessToken: token))
            .send(from: "helpdesk@balcao.test", recipients: ["ana@cliente.test"], message: message)

        let stored = try #require(try await storedMessage(containing: id))
        #expect(stored.eml == message)
        #expect(stored.meta["auth_user"] as? String == server.oauthUsername)
    }

    @Test(
        "A wrong access token is authenticationFailed 535, with the server's XOAUTH2 error",
        .enabled(if: TestMailServers.smtp?.oauthToken != nil, "needs BALCAO_TEST_SMTP_OAUTH_TOKEN")
    )
    func oauthWrongToken() async throws {
        let client = SMTPClient(endpoint: server.endpoint(accessToken: "ya29.not-the-right-one"))

        let error = await #expect(throws: MailTransportError.self) {
            try await client.send(from: "a@b.test", recipients: ["c@d.test"], message: Array("x\r\n".utf8))
        }

        #expect(error?.kind == .authenticationFailed)
        #expect(error?.replyCode == 535)
        #expect(error?.isPermanent == true)
        #expect(error?.message.contains(#""status":"401""#) == true, "\(String(describing: error))")
    }

    @Test("A certificate nobody vouches for is tlsFailed")
    func untrustedCertificate() async throws {
        let client = SMTPClient(endpoint: server.endpoint(trustingCA: false))

        let error = await #expect(throws: MailTransportError.self) {
            try await client.send(from: "a@b.test", recipients: ["c@d.test"], message: Array("x\r\n".utf8))
        }

        #expect(error?.kind == .tlsFailed)
    }

    @Test("Without STARTTLS the sink offers no AUTH, so credentials are never sent in the clear")
    func noAuthInClear() async throws {
        var endpoint = server.endpoint()
        endpoint.security = .none
        let client = SMTPClient(endpoint: endpoint)

        let error = await #expect(throws: MailTransportError.self) {
            try await client.send(from: "a@b.test", recipients: ["c@d.test"], message: Array("x\r\n".utf8))
        }

        #expect(error?.kind == .authenticationFailed)
    }

    /// Polls the sink's outbox (files appear atomically) for the .eml containing `marker`.
    private func storedMessage(containing marker: String) async throws -> (eml: [UInt8], meta: [String: Any])? {
        for _ in 0..<50 {
            let files = try FileManager.default.contentsOfDirectory(at: server.outbox, includingPropertiesForKeys: nil)
            for file in files where file.pathExtension == "eml" {
                let eml = try Data(contentsOf: file)
                guard String(decoding: eml, as: UTF8.self).contains(marker) else { continue }
                let metaData = try Data(contentsOf: file.deletingPathExtension().appendingPathExtension("json"))
                let meta = try JSONSerialization.jsonObject(with: metaData) as? [String: Any] ?? [:]
                return ([UInt8](eml), meta)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }
}
