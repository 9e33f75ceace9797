import BalcaoMailTransport
import Foundation
import Testing

@Suite(
    "IMAP client against Dovecot",
    .enabled(if: TestMailServers.imap != nil, "needs BALCAO_TEST_IMAP_* from scripts/mail-servers start")
)
struct IMAPClientIntegrationTests {
    let server = TestMailServers.imap!

    @Test("STARTTLS on the plain port, then login", arguments: ["localhost", "127.0.0.1"])
    func startTLSLogin(host: String) async throws {
        let client = try await IMAPClient.connect(to: server.endpoint(.startTLS, host: host))

        try await client.login()

        let capabilities = await client.capabilities
        #expect(capabilities.contains("IMAP4REV1"))
        #expect(!capabilities.contains("STARTTLS"))  // Dovecot stops offering it once TLS is on
        await client.logout()
    }

    @Test("Implicit TLS on the IMAPS port, then login")
    func implicitTLSLogin() async throws {
        let client = try await IMAPClient.connect(to: server.endpoint(.tls))

        try await client.login()

        let status = try await client.select("INBOX")
        #expect(status.uidValidity > 0)
        await client.logout()
    }

    @Test("A wrong password is authenticationFailed, permanent")
    func wrongPassword() async throws {
        let client = try await IMAPClient.connect(to: server.endpoint(.tls, password: "wrong"))

        let error = await #expect(throws: MailTransportError.self) { try await client.login() }

        #expect(error?.kind == .authenticationFailed)
        #expect(error?.isPermanent == true)
        await client.logout()
    }

    @Test(
        "A valid OAuth 2.0 access token logs in with XOAUTH2 and selects INBOX",
        .enabled(if: TestMailServers.imap?.oauthToken != nil, "needs BALCAO_TEST_IMAP_OAUTH_TOKEN"),
        arguments: [MailSecurity.tls, .startTLS]
    )
    func oauthLogin(security: MailSecurity) async throws {
        let token = try #require(server.oauthToken)
        let client = try await IMAPClient.connect(to: server.endpoint(security, accessToken: token))

        try await client.login()
        let inbox = try await client.select("INBOX")

        #expect(inbox.uidValidity > 0)
        #expect(await client.capabilities.contains("IMAP4REV1"))
        await client.logout()
    }

    @Test(
        "An unknown access token is authenticationFailed, permanent, with Dovecot's XOAUTH2 error",
        .enabled(if: TestMailServers.imap?.oauthToken != nil, "needs BALCAO_TEST_IMAP_OAUTH_TOKEN")
    )
    func oauthUnknownToken() async throws {
        let client = try await IMAPClient.connect(to: server.endpoint(.tls, accessToken: "ya29.not-the-right-one"))

        let error = await #expect(throws: MailTransportError.self) { try await client.login() }

        #expect(error?.kind == .authenticationFailed)
        #expect(error?.isPermanent == true)
        #expect(error?.message.contains(#""status":"401""#) == true, "\(String(describing: error))")
        await client.logout()
    }

    @Test("A certificate nobody vouches for is tlsFailed", arguments: [MailSecurity.tls, .startTLS])
    func untrustedCertificate(security: MailSecurity) async throws {
        let error = await #expect(throws: MailTransportError.self) {
            _ = try await IMAPClient.connect(to: server.endpoint(security, trustingCA: false))
        }

        #expect(error?.kind == .tlsFailed, "\(String(describing: error))")
    }

    @Test("Appended messages are unseen, fetched byte for byte, marked seen and moved away")
    func mailboxRoundTrip() async throws {
        let client = try await IMAPClient.connect(to: server.endpoint(.startTLS))
        try await client.login()
        let small = Self.message(subject: "Impressora não imprime — ação urgente", body: "Olá, equipe!\r\nçãõé\r\n")
        let large = Self.message(
            subject: "Log", body: String(repeating: "linha de log 0123456789 abcdefghij\r\n", count: 5_700))
        #expect(large.count > 200_000)

        let smallUID = try #require(try await client.append(small, to: "INBOX"))
        let largeUID = try #require(try await client.append(large, to: "INBOX"))
        let inbox = try await client.select("INBOX")
        let unseen = try await client.searchUnseenUIDs()
        let fetchedSmall = try await client.fetchMessage(uid: smallUID)
        let fetchedLarge = try await client.fetchMessage(uid: largeUID)
        try await client.markSeen(uid: smallUID)
        let unseenAfterMark = try await client.searchUnseenUIDs()

        #expect(inbox.exists >= 2)
        #expect(inbox.uidNext.map { $0 > largeUID } ?? true)
        #expect(unseen.contains(smallUID) && unseen.contains(largeUID))
        #expect(fetchedSmall == small)
        #expect(fetchedLarge == large)
        #expect(!unseenAfterMark.contains(smallUID))
        #expect(unseenAfterMark.contains(largeUID))

        try await client.create("Processed")
        try await client.create("Processed")  // already there: not an error
        try await client.move(uid: smallUID, to: "Processed")
        try await client.move(uid: largeUID, to: "Processed")

        #expect(try await client.fetchMessage(uid: smallUID) == nil)
        #expect(try await client.searchUnseenUIDs().contains(largeUID) == false)
        let processed = try await client.select("Processed")
        #expect(processed.exists >= 2)
        await client.logout()
    }

    @Test("UIDs above a known one are the newer messages, seen or not; above the highest there are none")
    func searchUIDsGreaterThan() async throws {
        let client = try await IMAPClient.connect(to: server.endpoint(.tls))
        try await client.login()
        let mailbox = "Intake \(UUID().uuidString.prefix(8))"
        try await client.create(mailbox)
        var uids: [UInt32] = []
        for number in 1...3 {
            let message = Self.message(subject: "Pedido \(number)", body: "corpo\r\n")
            uids.append(
                try #require(try await client.append(message, to: mailbox, flags: number == 3 ? ["\\Seen"] : [])))
        }

        let status = try await client.select(mailbox)
        let afterFirst = try await client.searchUIDs(greaterThan: uids[0])
        let afterLast = try await client.searchUIDs(greaterThan: uids[2])
        let all = try await client.searchUIDs(greaterThan: 0)
        let reselected = try await client.select(mailbox)

        #expect(afterFirst == [uids[1], uids[2]])
        #expect(afterLast == [])
        #expect(all == uids)
        #expect(status.exists == 3)
        #expect(status.uidNext == uids[2] + 1)
        #expect(status.uidValidity > 0)
        #expect(reselected.uidValidity == status.uidValidity)
        await client.logout()
    }

    @Test("Mailbox names outside ASCII are created, appended to and selected")
    func internationalMailboxName() async throws {
        let client = try await IMAPClient.connect(to: server.endpoint(.tls))
        try await client.login()
        let name = "Caixa de Saída \(UUID().uuidString.prefix(8))"

        try await client.create(name)
        try await client.append(Self.message(subject: "copy", body: "sent\r\n"), to: name, flags: ["\\Seen"])
        let status = try await client.select(name)
        let unseen = try await client.searchUnseenUIDs()

        #expect(status.exists == 1)
        #expect(unseen.isEmpty)
        await client.logout()
    }

    @Test("A refused command leaves the session usable; selecting a missing mailbox is rejected")
    func rejectionKeepsSession() async throws {
        let client = try await IMAPClient.connect(to: server.endpoint(.tls))
        try await client.login()

        let error = await #expect(throws: MailTransportError.self) { _ = try await client.select("No such \(UUID())") }
        let inbox = try await client.select("INBOX")

        #expect(error?.kind == .rejected)
        #expect(inbox.uidValidity > 0)
        await client.logout()
    }

    @Test("Calls made concurrently run one after another")
    func concurrentCalls() async throws {
        let client = try await IMAPClient.connect(to: server.endpoint(.tls))
        try await client.login()
        _ = try await client.select("INBOX")

        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await client.searchUnseenUIDs().count >= 0 ? 1 : 0 }
            }
            return try await group.reduce(0, +)
        }

        #expect(counts == 8)
        await client.logout()
    }

    static func message(subject: String, body: String) -> [UInt8] {
        let id = UUID().uuidString
        let text =
            "From: Ana <ana@cliente.test>\r\nTo: helpdesk@balcao.test\r\nSubject: \(subject)\r\n"
            + "Message-ID: <\(id)@cliente.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n\(body)"
        return Array(text.utf8)
    }
}
