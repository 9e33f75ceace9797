import Foundation
import Testing

@testable import BalcaoCore

@Suite("Mail composer")
struct MailComposerTests {
    static let sampleDate = Date(timeIntervalSince1970: 1_772_542_800)  // Tue, 03 Mar 2026 13:00:00 +0000

    static func sample(
        subject: String = "[#1042] Fatura em atraso", text: String = "Olá!", html: String? = nil,
        attachments: [MailAttachment] = []
    ) -> OutgoingMail {
        OutgoingMail(
            from: MailAddress(name: "Suporte Balcão", address: "suporte@balcao.example"),
            to: [MailAddress(name: "Beatriz Lima", address: "beatriz@example.com")], subject: subject,
            messageID: "t1042.5@balcao.example", date: sampleDate, text: text, html: html, attachments: attachments)
    }

    private func rendered(_ mail: OutgoingMail) -> String {
        String(decoding: MailComposer.render(mail), as: UTF8.self)
    }

    private func headerBlock(_ mail: OutgoingMail) -> String {
        rendered(mail).components(separatedBy: "\r\n\r\n").first ?? ""
    }

    @Test("Writes the standard headers in RFC 5322 form")
    func standardHeaders() {
        var mail = Self.sample()
        mail.cc = [MailAddress(address: "financeiro@example.com")]
        mail.replyTo = MailAddress(address: "suporte+1042@balcao.example")
        mail.inReplyTo = "CAJz=ABC@mail.gmail.com"
        mail.references = ["t1042.1@balcao.example", "CAJz=ABC@mail.gmail.com"]
        mail.extraHeaders = [("Auto-Submitted", "auto-replied"), ("X-Balcao-Ticket", "1042")]

        let head = headerBlock(mail)

        #expect(head.contains("Date: Tue, 03 Mar 2026 13:00:00 +0000\r\n"))
        #expect(head.contains("From: =?utf-8?Q?Suporte_Balc=C3=A3o?= <suporte@balcao.example>\r\n"))
        #expect(head.contains("To: Beatriz Lima <beatriz@example.com>\r\n"))
        #expect(head.contains("Cc: financeiro@example.com\r\n"))
        #expect(head.contains("Reply-To: suporte+1042@balcao.example\r\n"))
        #expect(head.contains("Subject: [#1042] Fatura em atraso\r\n"))
        #expect(head.contains("Message-ID: <t1042.5@balcao.example>\r\n"))
        #expect(head.contains("In-Reply-To: <CAJz=ABC@mail.gmail.com>\r\n"))
        #expect(head.contains("References: <t1042.1@balcao.example> <CAJz=ABC@mail.gmail.com>\r\n"))
        #expect(head.contains("MIME-Version: 1.0\r\n"))
        #expect(head.contains("Auto-Submitted: auto-replied\r\nX-Balcao-Ticket: 1042\r\n"))
    }

    @Test("Every line ends in CRLF and no header line passes 78 characters")
    func lineEndsAndLengths() {
        var mail = Self.sample(subject: String(repeating: "Não consigo acessar a fatura — ", count: 6))
        mail.references = (1...12).map { "t1042.\($0)@balcao.example" }
        mail.to = (1...6).map { MailAddress(name: "Cliente Número \($0)", address: "cliente\($0)@example.com") }

        let bytes = MailComposer.render(mail)
        let head = headerBlock(mail)

        #expect(!zip(bytes, bytes.dropFirst()).contains { $0.1 == MailBytes.lf && $0.0 != MailBytes.cr })
        #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(head.components(separatedBy: "\r\n").filter { $0.hasPrefix(" ") }.count > 10)
    }

    @Test("A subject with a word too long to fold is encoded so that lines stay short")
    func unfoldableWord() {
        let subject = "Link: https://example.com/" + String(repeating: "a", count: 2000)

        let bytes = MailComposer.render(Self.sample(subject: subject))

        #expect(
            headerBlock(Self.sample(subject: subject)).components(separatedBy: "\r\n").allSatisfy {
                $0.utf8.count <= 78
            })
        #expect(MIMEParser.parse(bytes).subject == subject)
    }

    @Test("Encoded words never pass 75 characters")
    func encodedWordLength() {
        let head = headerBlock(Self.sample(subject: String(repeating: "ação ", count: 60)))

        let words = head.split(whereSeparator: { $0 == " " || $0 == "\r\n" }).filter { $0.hasPrefix("=?") }

        #expect(words.count > 3)
        #expect(words.allSatisfy { $0.count <= 75 })
    }

    @Test("Display names are quoted when they hold specials")
    func quotedNames() {
        #expect(HeaderWriter.mailbox(MailAddress(name: "Souza, Ana", address: "a@b.com")) == #""Souza, Ana" <a@b.com>"#)
        #expect(
            HeaderWriter.mailbox(MailAddress(name: #"Ana "Aninha""#, address: "a@b.com"))
                == #""Ana \"Aninha\"" <a@b.com>"#)
        #expect(HeaderWriter.mailbox(MailAddress(name: "Ana Souza", address: "a@b.com")) == "Ana Souza <a@b.com>")
        #expect(HeaderWriter.mailbox(MailAddress(name: "", address: "a@b.com")) == "a@b.com")
    }

    @Test("Line breaks in header values cannot inject headers")
    func noHeaderInjection() {
        var mail = Self.sample(subject: "Oi\r\nBcc: vitima@example.com")
        mail.extraHeaders = [("X-Evil\r\nBcc", "x"), ("X-Note", "a\nBcc: b@c.com")]

        let head = headerBlock(mail)

        #expect(!head.components(separatedBy: "\r\n").contains { $0.hasPrefix("Bcc") })
        #expect(!head.contains("X-Evil"))
    }

    @Test("Text only is one quoted-printable text/plain part")
    func textOnly() {
        let head = headerBlock(Self.sample(text: "Olá"))

        #expect(head.contains("Content-Type: text/plain; charset=utf-8\r\n"))
        #expect(head.hasSuffix("\r\nContent-Transfer-Encoding: quoted-printable"))
        #expect(rendered(Self.sample(text: "Olá")).hasSuffix("\r\n\r\nOl=C3=A1"))
    }

    @Test("Text and HTML make a multipart/alternative")
    func alternative() {
        let text = rendered(Self.sample(text: "Olá", html: "<p>Olá</p>"))

        #expect(text.contains("Content-Type: multipart/alternative;"))
        #expect(!text.contains("multipart/mixed"))
        #expect(text.contains("Content-Type: text/html; charset=utf-8"))
    }

    @Test("Attachments wrap the body in multipart/mixed; inline images with Content-ID go in multipart/related")
    func mixedAndRelated() throws {
        let logo = MailAttachment(
            fileName: "logo.png", contentType: "image/png", data: [1, 2, 3], contentID: "logo@balcao", isInline: true)
        let pdf = MailAttachment(fileName: "boleto.pdf", contentType: "application/pdf", data: MailCorpus.samplePDF)

        let text = rendered(Self.sample(html: "<img src=\"cid:logo@balcao\">", attachments: [logo, pdf]))

        let mixed = try #require(text.range(of: "multipart/mixed"))
        let alternative = try #require(text.range(of: "multipart/alternative"))
        let related = try #require(text.range(of: "multipart/related"))
        #expect(mixed.lowerBound < alternative.lowerBound && alternative.lowerBound < related.lowerBound)
        #expect(text.contains("Content-ID: <logo@balcao>"))
        #expect(text.contains("Content-Disposition: inline; filename=\"logo.png\""))
        #expect(text.contains("Content-Disposition: attachment; filename=\"boleto.pdf\""))
    }

    @Test("Attachments are base64 in lines of at most 76 characters")
    func base64Lines() {
        let data = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let mail = Self.sample(attachments: [
            MailAttachment(fileName: "dados.bin", contentType: "application/octet-stream", data: data)
        ])

        let lines = rendered(mail).components(separatedBy: "\r\n")

        #expect(lines.contains("Content-Transfer-Encoding: base64"))
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test("Non-ASCII file names get an RFC 2231 name plus an ASCII fallback")
    func nonASCIIFileName() {
        let file = MailAttachment(fileName: "relatório março.pdf", contentType: "application/pdf", data: [1])

        let text = rendered(Self.sample(attachments: [file]))

        #expect(text.contains("filename=\"relatorio marco.pdf\";"))
        #expect(text.contains("filename*=utf-8''relat%C3%B3rio%20mar%C3%A7o.pdf"))
    }

    @Test("Long non-ASCII file names use RFC 2231 continuations")
    func longFileName() {
        let name = String(repeating: "ação-", count: 20) + ".pdf"
        let file = MailAttachment(fileName: name, contentType: "application/pdf", data: [1])

        let text = rendered(Self.sample(attachments: [file]))

        #expect(text.contains("filename*0*=utf-8''"))
        #expect(text.contains("filename*1*="))
        #expect(
            MIMEParser.parse(MailComposer.render(Self.sample(attachments: [file]))).attachments.first?.fileName == name)
    }

    @Test("Boundaries are random and do not appear in the content")
    func boundaries() throws {
        let mail = Self.sample(
            html: "<p>--=_Balcao_ in the text</p>",
            attachments: [MailAttachment(fileName: "a.txt", contentType: "text/plain", data: [65])])

        let first = rendered(mail)
        let second = rendered(mail)

        let boundary = try #require(first.firstMatch(of: /boundary="([^"]+)"/)?.1)
        #expect(first.components(separatedBy: "--" + boundary).count == 4)
        #expect(first != second)
    }

    @Test("New message ids are random, unbracketed and end with the domain")
    func newMessageID() {
        let first = MailComposer.newMessageID(domain: "Balcao.Example")
        let second = MailComposer.newMessageID(domain: "balcao.example")

        #expect(first.hasSuffix("@balcao.example"))
        #expect(!first.contains("<") && !first.contains(">"))
        #expect(first != second)
        #expect(first.count > 30)
        #expect(MailComposer.newMessageID(domain: "<>").hasSuffix("@balcao.invalid"))
    }

    @Test("An empty text is derived from the HTML")
    func textFromHTML() {
        let parsed = MIMEParser.parse(MailComposer.render(Self.sample(text: "", html: "<p>Olá <b>Ana</b></p>")))

        #expect(parsed.text == "Olá Ana")
    }
}
