import Testing

@testable import BalcaoMailTransport

@Suite("SMTP EHLO capabilities")
struct SMTPCapabilitiesTests {
    @Test("Extensions after the greeting line are keywords with parameters")
    func extensions() {
        let reply = SMTPReply(
            code: 250,
            lines: ["mail.balcao.test Hello", "SIZE 33554432", "8BITMIME", "starttls", "AUTH PLAIN LOGIN", "SMTPUTF8"]
        )

        let capabilities = SMTPCapabilities(ehlo: reply)

        #expect(capabilities.supports("STARTTLS"))
        #expect(capabilities.supports("8bitmime"))
        #expect(capabilities.keywords["SIZE"] == ["33554432"])
        #expect(capabilities.authMechanisms == ["PLAIN", "LOGIN"])
        #expect(!capabilities.supports("MAIL.BALCAO.TEST"))
        #expect(!capabilities.supports("PIPELINING"))
    }

    @Test("The old AUTH=… form counts as AUTH")
    func oldAuthSyntax() {
        let reply = SMTPReply(code: 250, lines: ["host", "AUTH=LOGIN", "AUTH login cram-md5"])

        #expect(SMTPCapabilities(ehlo: reply).authMechanisms == ["LOGIN", "CRAM-MD5"])
    }

    @Test("A one-line EHLO reply has no extensions")
    func noExtensions() {
        let capabilities = SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["host"]))

        #expect(capabilities.keywords.isEmpty)
        #expect(capabilities.authMechanisms.isEmpty)
    }
}
