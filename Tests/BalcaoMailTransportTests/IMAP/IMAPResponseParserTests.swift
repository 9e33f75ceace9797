import Testing

@testable import BalcaoMailTransport

@Suite("IMAP response parsing")
struct IMAPResponseParserTests {
    private func parse(_ text: String) throws -> IMAPResponse {
        try IMAPResponseParser.parse(Array(text.utf8))
    }

    @Test("Tagged responses keep tag, status, code and text")
    func tagged() throws {
        let response = try parse("A12 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")

        let code = IMAPResponseCode(name: "AUTHENTICATIONFAILED", arguments: "")
        #expect(
            response == .tagged(tag: "A12", IMAPStatusResponse(status: .no, code: code, text: "Authentication failed."))
        )
    }

    @Test("A tagged OK without text is accepted")
    func taggedWithoutText() throws {
        #expect(try parse("A1 OK\r\n") == .tagged(tag: "A1", IMAPStatusResponse(status: .ok, code: nil, text: "")))
    }

    @Test("The greeting's CAPABILITY code is read with its arguments")
    func greeting() throws {
        let response = try parse("* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] Dovecot ready.\r\n")

        guard case .untagged(.status(let status)) = response else {
            Issue.record("expected a status, got \(response)")
            return
        }
        #expect(status.status == .ok)
        #expect(status.code?.name == "CAPABILITY")
        #expect(status.code?.words == ["IMAP4rev1", "STARTTLS", "AUTH=PLAIN"])
        #expect(status.text == "Dovecot ready.")
    }

    @Test(
        "Untagged data responses",
        arguments: [
            (
                "* CAPABILITY IMAP4rev1 move UIDPLUS\r\n",
                IMAPUntaggedResponse.capability(["IMAP4REV1", "MOVE", "UIDPLUS"])
            ),
            ("* 23 EXISTS\r\n", .exists(23)),
            ("* 4 EXPUNGE\r\n", .expunge(4)),
            ("* SEARCH 2 84 882\r\n", .search([2, 84, 882])),
            ("* SEARCH\r\n", .search([])),
            ("* SEARCH 5 \r\n", .search([5])),
            ("* SEARCH 1 3 (MODSEQ 917162500)\r\n", .search([1, 3])),
            ("* FLAGS (\\Answered \\Seen)\r\n", .other("FLAGS")),
            ("* 2 RECENT\r\n", .other("RECENT")),
            (
                "* OK [UIDNEXT 4392] Predicted next UID\r\n",
                .status(
                    IMAPStatusResponse(
                        status: .ok, code: IMAPResponseCode(name: "UIDNEXT", arguments: "4392"),
                        text: "Predicted next UID"))
            ),
            (
                "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n",
                .status(
                    IMAPStatusResponse(
                        status: .ok,
                        code: IMAPResponseCode(name: "PERMANENTFLAGS", arguments: "(\\Deleted \\Seen \\*)"),
                        text: "Limited"))
            ),
            ("* BYE Logging out\r\n", .status(IMAPStatusResponse(status: .bye, code: nil, text: "Logging out"))),
        ]
    )
    func untagged(text: String, expected: IMAPUntaggedResponse) throws {
        #expect(try parse(text) == .untagged(expected))
    }

    @Test("FETCH reads UID, FLAGS and the body from a literal or a quoted string")
    func fetch() throws {
        let literal = try parse("* 3 FETCH (UID 17 FLAGS (\\Seen $Forwarded) BODY[] {5}\r\nhello)\r\n")
        let quoted = try parse("* 3 FETCH (BODY[] \"a \\\"q\\\" \\\\ b\" UID 18)\r\n")
        let missing = try parse("* 3 FETCH (UID 19 BODY[] NIL)\r\n")

        #expect(
            literal
                == .untagged(
                    .fetch(
                        sequenceNumber: 3,
                        IMAPFetchAttributes(uid: 17, flags: ["\\Seen", "$Forwarded"], body: Array("hello".utf8)))))
        #expect(
            quoted
                == .untagged(.fetch(sequenceNumber: 3, IMAPFetchAttributes(uid: 18, body: Array("a \"q\" \\ b".utf8)))))
        #expect(missing == .untagged(.fetch(sequenceNumber: 3, IMAPFetchAttributes(uid: 19))))
    }

    @Test("FETCH items this client does not read are skipped, nested lists included")
    func fetchSkipsUnknownItems() throws {
        let text =
            "* 1 FETCH (INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 44827 "
            + "ENVELOPE (\"date\" \"subj\" ((NIL NIL \"a\" \"b.c\")) NIL) BODY[HEADER.FIELDS (FROM)] {3}\r\nx\r\n UID 9)\r\n"

        #expect(try parse(text) == .untagged(.fetch(sequenceNumber: 1, IMAPFetchAttributes(uid: 9))))
    }

    @Test("Continuation requests with and without text")
    func continuation() throws {
        #expect(try parse("+ Ready for literal data\r\n") == .continuation("Ready for literal data"))
        #expect(try parse("+\r\n") == .continuation(""))
    }

    @Test(
        "Malformed responses are protocol violations, never crashes",
        arguments: [
            "\r\n", "garbage\r\n", "A1 MAYBE fine\r\n", "* 1 FETCH UID 3\r\n", "* 1 FETCH (UID x)\r\n",
            "* 1 FETCH (UID 3\r\n", "* 1 FETCH (BODY[] {10}\r\nshort)\r\n", "* 1 FETCH (BODY[] \"open\r\n",
            "* SEARCH 1 two\r\n", "* 1 FETCH (UID\r\n", "* 7\r\n",
        ]
    )
    func malformed(_ text: String) {
        #expect {
            _ = try parse(text)
        } throws: { ($0 as? MailTransportError)?.kind == .protocolViolation }
    }
}
