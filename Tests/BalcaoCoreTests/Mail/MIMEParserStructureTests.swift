import Foundation
import Testing

@testable import BalcaoCore

@Suite("MIME parser: structure, names and encodings")
struct MIMEParserStructureTests {
    @Test("Encoded words split inside a character are joined before decoding")
    func splitEncodedWords() {
        let mail = MIMEParser.parse(MailCorpus.splitEncodedSubject)

        #expect(mail.subject == "Re: [#1046] Não consigo acessar a fatura nº 42 — é urgente")
        #expect(mail.from == MailAddress(name: "João Silva", address: "joao.silva@example.com.br"))
    }

    @Test("Adjacent encoded words in different charsets and a quoted encoded word are decoded")
    func mixedCharsetNames() {
        let mail = MIMEParser.parse(MailCorpus.splitEncodedSubject)

        #expect(mail.cc.map(\.name) == ["André Gonçalves", "Márcia"])
        #expect(mail.cc.map(\.address) == ["andre@example.com.br", "marcia@example.com.br"])
    }

    @Test("RFC 2231 file names, continuations, encoded-word names and generated names")
    func attachmentNames() {
        let mail = MIMEParser.parse(MailCorpus.rfc2231Filenames)

        #expect(mail.text == "Seguem os documentos.")
        #expect(
            mail.attachments.map(\.fileName) == [
                "relátorio mensal.pdf", "contrato de prestação de serviços.docx", "orçamento 2026.xls", "image-4.png",
                "attachment-5.bin",
            ])
        #expect(mail.attachments.first?.data == MailCorpus.samplePDF)
        #expect(mail.attachments.last?.data == [0, 1, 2, 3])
        #expect(mail.attachments.allSatisfy { !$0.isInline })
    }

    @Test("Attachment content types are lower-cased and have no parameters")
    func attachmentTypes() {
        let mail = MIMEParser.parse(MailCorpus.rfc2231Filenames)

        #expect(
            mail.attachments.map(\.contentType) == [
                "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.ms-excel", "image/png", "application/octet-stream",
            ])
    }

    @Test("mixed > related > alternative gives text, HTML, the inline logo and the PDF")
    func nestedMultiparts() throws {
        let mail = MIMEParser.parse(MailCorpus.nestedMixedRelatedAlternative)

        #expect(mail.text == "Segue o boleto de março.")
        #expect(mail.html?.contains("<b>março</b>") == true)
        #expect(mail.attachments.count == 2)
        let logo = try #require(mail.attachments.first)
        #expect(logo.fileName == "image-1.png")
        #expect(logo.contentID == "logo@fornecedor")
        #expect(logo.isInline)
        #expect(mail.attachments.last?.fileName == "boleto.pdf")
        #expect(mail.attachments.last?.data == MailCorpus.samplePDF)
        #expect(mail.warnings.isEmpty)
    }

    @Test("A forwarded message/rfc822 part is kept as an .eml named after its subject")
    func forwardedMessage() throws {
        let mail = MIMEParser.parse(MailCorpus.forwardedMessage)

        #expect(mail.subject == "Fwd: Confirmação de pedido nº 7788")
        #expect(mail.text == "Segue o e-mail abaixo.")
        #expect(mail.attachments.map(\.fileName) == ["Confirmação de pedido nº 7788.eml", "forwarded-message.eml"])
        #expect(mail.attachments.allSatisfy { $0.contentType == "message/rfc822" })
        let inner = MIMEParser.parse(try #require(mail.attachments.first).data)
        #expect(inner.messageID == "pedido-7788@loja.example")
        #expect(inner.text == "Seu pedido 7788 foi confirmado.")
    }

    @Test("A calendar part inside the alternative becomes an attachment; the body stays text and HTML")
    func meetingInvite() {
        let mail = MIMEParser.parse(MailCorpus.outlookMeetingInvite)

        #expect(mail.text == "Vamos alinhar o projeto.")
        #expect(mail.html == "<p>Vamos alinhar o projeto.</p>")
        #expect(mail.attachments.map(\.fileName) == ["attachment-1.ics", "invite.ics"])
        #expect(mail.attachments.first?.contentType == "text/calendar")
    }

    @Test("An HTML-only message is converted to readable text")
    func htmlOnly() throws {
        let mail = MIMEParser.parse(MailCorpus.htmlOnlyNewsletter)

        #expect(mail.subject == "Novidades de março")
        let html = try #require(mail.html)
        #expect(mail.text == HTMLSanitizer.plainText(fromHTML: html))
        #expect(mail.text.contains("Novidades de março"))
        #expect(mail.text.contains("Conheça o novo painel de relatórios."))
        #expect(!mail.text.contains("font-family"))
    }

    @Test("Bare LF line ends work like CRLF")
    func bareLineFeeds() {
        let mail = MIMEParser.parse(MailCorpus.bareLineFeeds)

        #expect(mail.subject == "Relatório diário")
        #expect(mail.text == "Execução concluída com sucesso.")
        #expect(mail.html == "<p>Execução concluída com sucesso.</p>")
        #expect(mail.warnings.isEmpty)
    }

    @Test("A message without MIME headers is read as text/plain, 8-bit UTF-8 included")
    func noContentType() {
        let mail = MIMEParser.parse(MailCorpus.noContentType8bit)

        #expect(mail.text == "Backup concluído às 02:00.")
        #expect(mail.from?.address == "cron@servidor.example")
        #expect(mail.from?.name == nil)
    }

    @Test("A text part with Content-Disposition attachment stays an attachment")
    func textAttachment() {
        let raw = MailCorpus.wire(
            """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            Corpo.
            --b
            Content-Type: text/plain; charset=utf-8
            Content-Disposition: attachment

            conteúdo do arquivo
            --b
            Content-Type: text/html; name="pagina.html"

            <p>arquivo</p>
            --b--
            """)

        let mail = MIMEParser.parse(raw)

        #expect(mail.text == "Corpo.")
        #expect(mail.html == nil)
        #expect(mail.attachments.map(\.fileName) == ["attachment-1.txt", "pagina.html"])
        #expect(mail.attachments.first?.data == Array("conteúdo do arquivo".utf8))
    }

    @Test("Preamble and epilogue around the parts are ignored")
    func preambleAndEpilogue() {
        let raw = MailCorpus.wire(
            """
            Content-Type: multipart/mixed; boundary="xyz"

            This is a multi-part message in MIME format.
            --xyz
            Content-Type: text/plain

            Só isto.
            --xyz--
            Epilogue text that nobody reads.
            """)

        #expect(MIMEParser.parse(raw).text == "Só isto.")
    }

    @Test("A boundary that starts another, longer boundary is not confused with it")
    func boundaryPrefix() {
        let raw = MailCorpus.wire(
            """
            Content-Type: multipart/mixed; boundary="ab"

            --ab
            Content-Type: multipart/alternative; boundary="abc"

            --abc
            Content-Type: text/plain

            interno
            --abc--
            --ab--
            """)

        let mail = MIMEParser.parse(raw)

        #expect(mail.text == "interno")
        #expect(mail.warnings.isEmpty)
    }

    @Test("multipart/digest parts default to message/rfc822")
    func digest() {
        let raw = MailCorpus.wire(
            """
            Content-Type: multipart/digest; boundary=d

            --d

            Subject: Primeira

            um
            --d

            Subject: Segunda

            dois
            --d--
            """)

        #expect(MIMEParser.parse(raw).attachments.map(\.fileName) == ["Primeira.eml", "Segunda.eml"])
    }

    @Test("An HTML part without a charset parameter uses its meta charset")
    func htmlMetaCharset() {
        let raw = MailCorpus.latin1Wire(
            """
            Content-Type: text/html

            <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>Olá</body></html>
            """)

        #expect(MIMEParser.parse(raw).text == "Olá")
    }

    @Test("Nesting deeper than the cap is skipped with a warning")
    func depthCap() {
        var raw = "Content-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1...60 { raw += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n" }
        raw += "--b60\nContent-Type: text/plain\n\nfundo\n"

        let mail = MIMEParser.parse(Array(raw.utf8))

        #expect(mail.warnings.contains { $0.contains("deeper than 50") })
        #expect(mail.text.isEmpty)
    }
}
