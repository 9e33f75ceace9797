import Testing

@testable import BalcaoMailTransport

@Suite("SMTP DATA encoding")
struct SMTPMessageEncodingTests {
    private func payload(_ text: String) -> String {
        String(decoding: SMTPMessageEncoding.dataPayload(for: Array(text.utf8)), as: UTF8.self)
    }

    @Test(
        "Line breaks become CRLF and the payload ends with CRLF.CRLF",
        arguments: [
            ("a\r\nb\r\n", "a\r\nb\r\n.\r\n"),
            ("a\nb\n", "a\r\nb\r\n.\r\n"),
            ("a\rb", "a\r\nb\r\n.\r\n"),
            ("a\r\n\r\nb", "a\r\n\r\nb\r\n.\r\n"),
            ("a\n\rb", "a\r\n\r\nb\r\n.\r\n"),
            ("", ".\r\n"),
        ]
    )
    func lineBreaks(input: String, expected: String) {
        #expect(payload(input) == expected)
    }

    @Test("Lines starting with a dot are dot-stuffed, dots elsewhere are not")
    func dotStuffing() {
        let message = ".first\r\nmiddle.dot\r\n.\r\n..two\n.\n"

        #expect(payload(message) == "..first\r\nmiddle.dot\r\n..\r\n...two\r\n..\r\n.\r\n")
    }

    @Test("8-bit bytes pass through unchanged and are detected")
    func eightBit() {
        let message = Array("Assunto: impressão\r\n".utf8)

        #expect(SMTPMessageEncoding.dataPayload(for: message) == message + Array(".\r\n".utf8))
        #expect(SMTPMessageEncoding.hasEightBitBytes(message))
        #expect(!SMTPMessageEncoding.hasEightBitBytes(Array("plain".utf8)))
    }

    @Test("Addresses that could inject commands are refused before connecting")
    func addressValidation() throws {
        try SMTPClient.validate(address: "", allowsEmpty: true)
        try SMTPClient.validate(address: "ana@balcao.test", allowsEmpty: false)

        #expect(throws: MailTransportError.self) { try SMTPClient.validate(address: "", allowsEmpty: false) }
        #expect(throws: MailTransportError.self) {
            try SMTPClient.validate(address: "a@b>\r\nRCPT TO:<evil@x", allowsEmpty: false)
        }
    }
}
