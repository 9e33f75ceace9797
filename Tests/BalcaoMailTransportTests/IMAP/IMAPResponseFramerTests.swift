import NIOCore
import Testing

@testable import BalcaoMailTransport

@Suite("IMAP response framing")
struct IMAPResponseFramerTests {
    @Test("Plain lines are one response each")
    func lines() throws {
        var framer = IMAPResponseFramer()
        let text = "* OK ready\r\n* 3 EXISTS\r\nA1 OK done\r\n"

        let responses = try framer.frames(feeding: [Array(text.utf8)])

        #expect(responses.count == 3)
        #expect(responses.last == .tagged(tag: "A1", IMAPStatusResponse(status: .ok, code: nil, text: "done")))
    }

    @Test("A FETCH with a literal is one response even when the literal holds line breaks")
    func literalWithLineBreaks() throws {
        var framer = IMAPResponseFramer()
        let body = "Subject: hi\r\n\r\n* 9 EXISTS\r\nA1 OK fake\r\n"
        let text = "* 1 FETCH (UID 7 BODY[] {\(body.utf8.count)}\r\n\(body))\r\nA1 OK done\r\n"

        let responses = try framer.frames(feeding: [Array(text.utf8)])

        #expect(responses.count == 2)
        guard case .untagged(.fetch(1, let attributes)) = responses.first else {
            Issue.record("expected FETCH, got \(responses)")
            return
        }
        #expect(attributes.uid == 7)
        #expect(attributes.body == Array(body.utf8))
    }

    @Test("A literal split across reads at every possible point arrives whole, nothing before")
    func literalSplitAcrossReads() throws {
        let body = Array("From: a@b\r\n\r\nolá {3}\r\n".utf8)
        let text = Array("* 2 FETCH (BODY[] {\(body.count)}\r\n".utf8) + body + Array(" UID 12)\r\n".utf8)

        for cut in 1..<text.count {
            var framer = IMAPResponseFramer()
            var buffer = ByteBuffer(bytes: text[..<cut])
            #expect(try framer.nextFrame(from: &buffer) == nil)
            buffer.writeBytes(text[cut...])

            let response = try framer.nextFrame(from: &buffer)

            #expect(response == .untagged(.fetch(sequenceNumber: 2, IMAPFetchAttributes(uid: 12, body: body))))
        }
    }

    @Test("Several literals in one response are all skipped over")
    func severalLiterals() throws {
        var framer = IMAPResponseFramer()
        let chunks = ["* 1 FETCH (BODY[HEADER] {4}\r\n", "a\r\nb", " BODY[TEXT] {2}\r\n", "x\n", " UID 3)\r\n"]

        let responses = try framer.frames(feeding: chunks.map { Array($0.utf8) })

        #expect(responses == [.untagged(.fetch(sequenceNumber: 1, IMAPFetchAttributes(uid: 3)))])
    }

    @Test("A literal over the size limit is refused before it is buffered")
    func literalLimit() {
        var framer = IMAPResponseFramer()
        framer.maxLiteralLength = 10

        #expect(throws: MailTransportError.self) {
            _ = try framer.frames(feeding: [Array("* 1 FETCH (BODY[] {11}\r\n".utf8)])
        }
    }
}
