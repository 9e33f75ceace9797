import Testing

@testable import BalcaoMailTransport

@Suite("IMAP commands")
struct IMAPCommandTests {
    private func wire(_ command: IMAPCommand, tag: String = "A1") -> [String] {
        command.segments(tag: tag).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(
        "LOGIN arguments are quoted with backslash and quote escaped",
        arguments: [
            ("helpdesk@balcao.test", "\"helpdesk@balcao.test\""),
            ("pa ss", "\"pa ss\""),
            ("a\"b\\c", "\"a\\\"b\\\\c\""),
            ("", "\"\""),
            ("{3}", "\"{3}\""),
        ]
    )
    func quoting(input: String, expected: String) {
        #expect(IMAPCommand.quoted(input) == expected)
    }

    @Test("A LOGIN with plain credentials is a single line")
    func loginLine() {
        let command = IMAPCommand("LOGIN").string("ana").string("se\"cret")

        #expect(wire(command) == ["A1 LOGIN \"ana\" \"se\\\"cret\"\r\n"])
    }

    @Test("Arguments with 8-bit or line-break bytes are sent as literals, cut where the server must answer +")
    func literals() {
        let command = IMAPCommand("LOGIN").string("joão").string("line\nbreak")

        #expect(wire(command, tag: "A7") == ["A7 LOGIN {5}\r\n", "joão {10}\r\n", "line\nbreak\r\n"])
    }

    @Test("APPEND sends the message as a literal after the flags")
    func append() {
        let command = IMAPCommand("APPEND").mailbox("INBOX").atom("(\\Seen)").literal(Array("hi\r\n".utf8))

        #expect(wire(command) == ["A1 APPEND \"INBOX\" (\\Seen) {4}\r\n", "hi\r\n\r\n"])
    }

    @Test(
        "Mailbox names are modified UTF-7 and decode back",
        arguments: [
            ("INBOX", "INBOX"),
            ("Processed", "Processed"),
            ("Caixa de Saída", "Caixa de Sa&AO0-da"),
            ("Tom & Jerry", "Tom &- Jerry"),
            ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
            ("😀", "&2D3eAA-"),
        ]
    )
    func mailboxNames(name: String, encoded: String) {
        #expect(IMAPMailboxName.encode(name) == encoded)
        #expect(IMAPMailboxName.decode(encoded) == name)
    }
}
