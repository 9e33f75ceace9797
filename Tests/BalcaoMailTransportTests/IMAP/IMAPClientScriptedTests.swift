import BalcaoMailTransport
import Testing

/// IMAPClient against scripted servers on loopback: server mistakes become MailTransportErrors.
@Suite("IMAP client against scripted servers")
struct IMAPClientScriptedTests {
    private static let greeting = "* OK [CAPABILITY IMAP4rev1 UIDPLUS] ready\r\n"
    private static let capability = "* CAPABILITY IMAP4rev1 UIDPLUS\r\n{tag} OK done\r\n"

    private static let bye = "* BYE logging out\r\n{tag} OK bye\r\n"

    private func connect(_ script: [String?], timeout: Duration = .seconds(5)) async throws -> IMAPClient {
        try await connect(to: ScriptedServer.start(script), timeout: timeout)
    }

    private func connect(to server: ScriptedServer, timeout: Duration = .seconds(5)) async throws -> IMAPClient {
        let endpoint = MailServerEndpoint(
            host: "127.0.0.1",
            port: server.port,
            security: .none,
            username: "ana",
            password: "p\"w",
            timeout: timeout
        )
        return try await IMAPClient.connect(to: endpoint)
    }

    @Test("Without MOVE, a move is COPY, \\Deleted and UID EXPUNGE")
    func moveWithoutMoveCapability() async throws {
        let server = try await ScriptedServer.start([
            Self.greeting, Self.capability,
            "{tag} OK [COPYUID 1 5 9] copied\r\n", "{tag} OK stored\r\n", "* 1 EXPUNGE\r\n{tag} OK expunged\r\n",
            Self.bye,
        ])
        let client = try await connect(to: server)

        try await client.move(uid: 5, to: "Caixa de Saída")
        await client.logout()

        #expect(
            server.receivedLines == [
                "A1 CAPABILITY", "A2 UID COPY 5 \"Caixa de Sa&AO0-da\"", "A3 UID STORE 5 +FLAGS.SILENT (\\Deleted)",
                "A4 UID EXPUNGE 5", "A5 LOGOUT",
            ])
        await server.stop()
    }

    @Test("LOGIN sends 8-bit credentials as a literal after the server's +, and quotes the rest")
    func loginWithLiteral() async throws {
        let server = try await ScriptedServer.start([
            Self.greeting, Self.capability, "+ go ahead\r\n", "A2 OK [CAPABILITY IMAP4rev1 MOVE] logged in\r\n",
            Self.bye,
        ])
        let endpoint = MailServerEndpoint(
            host: "127.0.0.1", port: server.port, security: .none, username: "joão", password: "p\"w"
        )
        let client = try await IMAPClient.connect(to: endpoint)

        try await client.login()
        let capabilities = await client.capabilities
        await client.logout()

        #expect(server.receivedLines == ["A1 CAPABILITY", "A2 LOGIN {5}", "joão \"p\\\"w\"", "A3 LOGOUT"])
        #expect(capabilities == ["IMAP4REV1", "MOVE"])
        await server.stop()
    }

    @Test("An APPEND refused instead of a + is rejected, and the literal is never sent")
    func appendRefused() async throws {
        let server = try await ScriptedServer.start([
            Self.greeting, Self.capability, "{tag} NO [OVERQUOTA] Quota exceeded\r\n", Self.bye,
        ])
        let client = try await connect(to: server)

        let error = await #expect(throws: MailTransportError.self) {
            try await client.append(Array("x\r\n".utf8), to: "INBOX")
        }
        await client.logout()

        #expect(error?.kind == .rejected)
        #expect(error?.message.contains("OVERQUOTA") == true)
        #expect(server.receivedLines == ["A1 CAPABILITY", "A2 APPEND \"INBOX\" {3}", "A3 LOGOUT"])
        await server.stop()
    }

    @Test("A tagged NO is rejected with the server's text and the session goes on")
    func taggedNo() async throws {
        let client = try await connect([
            Self.greeting, Self.capability,
            "{tag} NO [NONEXISTENT] Mailbox doesn't exist\r\n",
            "* 4 EXISTS\r\n* OK [UIDVALIDITY 77] ok\r\n{tag} OK [READ-WRITE] selected\r\n", Self.bye,
        ])

        let error = await #expect(throws: MailTransportError.self) { _ = try await client.select("Nope") }
        let status = try await client.select("INBOX")

        #expect(error?.kind == .rejected)
        #expect(error?.message.contains("Mailbox doesn't exist") == true)
        #expect(status == IMAPMailboxStatus(exists: 4, uidValidity: 77, uidNext: nil))
        await client.logout()
    }

    @Test("SELECT reads UIDVALIDITY and UIDNEXT wherever they come among the other responses")
    func selectStatus() async throws {
        let client = try await connect([
            Self.greeting, Self.capability,
            "* OK [UIDNEXT 4294967295] next\r\n* FLAGS (\\Seen)\r\n* OK [UIDVALIDITY 4294967295] valid\r\n"
                + "* 0 RECENT\r\n* 12 EXISTS\r\n{tag} OK [READ-WRITE] selected\r\n",
            "* 3 EXISTS\r\n{tag} OK [READ-WRITE] selected\r\n", Self.bye,
        ])

        let status = try await client.select("INBOX")
        let withoutValidity = await #expect(throws: MailTransportError.self) { _ = try await client.select("Other") }

        #expect(status == IMAPMailboxStatus(exists: 12, uidValidity: 4_294_967_295, uidNext: 4_294_967_295))
        #expect(withoutValidity?.kind == .protocolViolation)  // never a made-up validity
        await client.logout()
    }

    @Test("UIDs above n are searched from n+1, and the highest UID that n+1:* always matches is dropped")
    func searchUIDsGreaterThan() async throws {
        let server = try await ScriptedServer.start([
            Self.greeting, Self.capability,
            "* SEARCH 9 8\r\n{tag} OK done\r\n", "* SEARCH 9\r\n{tag} OK done\r\n", "* SEARCH\r\n{tag} OK done\r\n",
            Self.bye,
        ])
        let client = try await connect(to: server)

        let newer = try await client.searchUIDs(greaterThan: 7)
        let noneNewer = try await client.searchUIDs(greaterThan: 9)
        let emptyMailbox = try await client.searchUIDs(greaterThan: 0)
        let atTheTop = try await client.searchUIDs(greaterThan: .max)
        await client.logout()

        #expect(newer == [8, 9])
        #expect(noneNewer == [])
        #expect(emptyMailbox == [])
        #expect(atTheTop == [])
        #expect(
            server.receivedLines == [
                "A1 CAPABILITY", "A2 UID SEARCH UID 8:*", "A3 UID SEARCH UID 10:*", "A4 UID SEARCH UID 1:*",
                "A5 LOGOUT",
            ])
        await server.stop()
    }

    @Test("A FETCH for a message that is gone is nil; a literal cut short by a hang-up is connectionFailed")
    func fetchGoneAndHangUp() async throws {
        let client = try await connect([
            Self.greeting, Self.capability,
            "{tag} OK nothing\r\n",
            "* 1 FETCH (UID 8 BODY[] {100}\r\nonly part", nil,
        ])

        let gone = try await client.fetchMessage(uid: 7)
        let error = await #expect(throws: MailTransportError.self) { _ = try await client.fetchMessage(uid: 8) }
        let afterwards = await #expect(throws: MailTransportError.self) { _ = try await client.searchUnseenUIDs() }

        #expect(gone == nil)
        #expect(error?.kind == .connectionFailed)
        #expect(afterwards?.kind == .connectionFailed)
        await client.logout()
    }

    @Test("A response for a tag never sent is a protocol violation")
    func unknownTag() async throws {
        let client = try await connect([Self.greeting, Self.capability, "Z99 OK what\r\n"])

        let error = await #expect(throws: MailTransportError.self) { _ = try await client.searchUnseenUIDs() }

        #expect(error?.kind == .protocolViolation)
    }

    @Test("A greeting that is not IMAP is a protocol violation; BYE is a refused session")
    func badGreetings() async {
        let garbage = await #expect(throws: MailTransportError.self) { _ = try await connect(["220 smtp here\r\n"]) }
        let bye = await #expect(throws: MailTransportError.self) { _ = try await connect(["* BYE too busy\r\n"]) }

        #expect(garbage?.kind == .protocolViolation)
        #expect(bye?.kind == .connectionFailed)
        #expect(bye?.message.contains("too busy") == true)
    }

    @Test("LOGIN NO is authenticationFailed, and a silent server times out")
    func loginFailures() async throws {
        let refused = try await connect([Self.greeting, Self.capability, "{tag} NO [AUTHENTICATIONFAILED] nope\r\n"])
        // 2 s, not less: on a loaded machine the greeting itself can take longer than a tight timeout.
        let silent = try await connect([Self.greeting, Self.capability], timeout: .seconds(2))

        let refusedError = await #expect(throws: MailTransportError.self) { try await refused.login() }
        let silentError = await #expect(throws: MailTransportError.self) { try await silent.login() }

        #expect(refusedError?.kind == .authenticationFailed)
        #expect(silentError?.kind == .timedOut)
    }
}
