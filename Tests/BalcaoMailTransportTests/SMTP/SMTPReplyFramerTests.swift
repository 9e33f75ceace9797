import NIOCore
import Testing

@testable import BalcaoMailTransport

@Suite("SMTP reply framing")
struct SMTPReplyFramerTests {
    @Test("A single-line reply is one frame with its code and text")
    func singleLine() throws {
        var framer = SMTPReplyFramer()
        var buffer = ByteBuffer(text: "220 mail.balcao.test ESMTP ready\r\n")

        let reply = try framer.nextFrame(from: &buffer)

        #expect(reply == SMTPReply(code: 220, lines: ["mail.balcao.test ESMTP ready"]))
        #expect(buffer.readableBytes == 0)
    }

    @Test("A multi-line reply is collected until the line with a space after the code")
    func multiLine() throws {
        var framer = SMTPReplyFramer()
        let text = "250-mail.balcao.test\r\n250-SIZE 1000\r\n250-8BITMIME\r\n250 STARTTLS\r\n221 bye\r\n"

        let replies = try framer.frames(feeding: [Array(text.utf8)])

        #expect(replies.map(\.code) == [250, 221])
        #expect(replies.first?.lines == ["mail.balcao.test", "SIZE 1000", "8BITMIME", "STARTTLS"])
    }

    @Test("A reply split across reads, mid-line and between lines, arrives whole")
    func splitAcrossReads() throws {
        var framer = SMTPReplyFramer()
        let chunks = ["25", "0-first\r", "\n250-sec", "ond\r\n", "250 last\r\n"].map { Array($0.utf8) }

        let replies = try framer.frames(feeding: chunks)

        #expect(replies == [SMTPReply(code: 250, lines: ["first", "second", "last"])])
        #expect(!framer.hasPartialFrame)
    }

    @Test("Bare LF line ends and a code without text are accepted")
    func lenientLines() throws {
        var framer = SMTPReplyFramer()

        let replies = try framer.frames(feeding: [Array("354\n250 ok\n".utf8)])

        #expect(replies == [SMTPReply(code: 354, lines: [""]), SMTPReply(code: 250, lines: ["ok"])])
    }

    @Test(
        "Lines that are not SMTP replies are protocol violations",
        arguments: ["HELLO there\r\n", "25x ok\r\n", "250_ok\r\n", "099 low\r\n", "250-a\r\n251 b\r\n"]
    )
    func garbage(_ text: String) {
        var framer = SMTPReplyFramer()

        #expect {
            _ = try framer.frames(feeding: [Array(text.utf8)])
        } throws: { ($0 as? MailTransportError)?.kind == .protocolViolation }
    }

    @Test("An endless line without a line break is refused, not buffered forever")
    func endlessLine() {
        var framer = SMTPReplyFramer()
        let flood = [UInt8](repeating: UInt8(ascii: "2"), count: SMTPReplyFramer.maxLineLength + 1)

        #expect(throws: MailTransportError.self) {
            _ = try framer.frames(feeding: [flood])
        }
    }
}
