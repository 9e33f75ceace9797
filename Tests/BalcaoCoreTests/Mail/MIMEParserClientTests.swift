import Foundation
import Testing

@testable import BalcaoCore

@Suite("MIME parser: messages from real clients")
struct MIMEParserClientTests {
    @Test("A Gmail reply gives its ids, addresses, decoded subject and plain text")
    func gmailReply() throws {
        let mail = MIMEParser.parse(MailCorpus.gmailReplyPortuguese)

        #expect(mail.messageID == "CAJz=XYZ789+abc@mail.gmail.com")
        #expect(mail.inReplyTo == ["CAJz=ABC123@mail.gmail.com"])
        #expect(mail.references == ["t1042.1@balcao.example", "CAJz=ABC123@mail.gmail.com"])
        #expect(mail.from == MailAddress(name: "Beatriz Lima", address: "beatriz.lima@gmail.com"))
        #expect(mail.to == [MailAddress(name: "Suporte Balcão", address: "suporte@balcao.example")])
        #expect(mail.subject == "Re: [#1042] Fatura em atraso")
        #expect(mail.text.hasPrefix("Olá, ainda não consegui acessar a fatura nº 42.\n\nPodem verificar?"))
        #expect(mail.html?.contains("gmail_quote") == true)
        #expect(mail.attachments.isEmpty)
        #expect(mail.automation == nil)
        #expect(mail.warnings.isEmpty)
    }

    @Test("The Gmail date is read with its -0300 offset")
    func gmailDate() {
        let mail = MIMEParser.parse(MailCorpus.gmailReplyPortuguese)

        #expect(mail.date == Date(timeIntervalSince1970: 1_772_545_337))  // 2026-03-03 13:42:17 UTC
    }

    @Test("The visible part of a Gmail reply stops at the wrapped Portuguese attribution")
    func gmailVisibleReply() {
        let mail = MIMEParser.parse(MailCorpus.gmailReplyPortuguese)

        #expect(
            ReplyTrimmer.visibleReply(mail.text)
                == "Olá, ainda não consegui acessar a fatura nº 42.\n\nPodem verificar?")
    }

    @Test("Outlook: quoted \"Souza, Carlos\", folded Cc, Latin-1 text and the winmail.dat attachment")
    func outlookExchange() throws {
        let mail = MIMEParser.parse(MailCorpus.outlookExchangeWithWinmail)

        #expect(mail.from == MailAddress(name: "Souza, Carlos", address: "carlos.souza@empresa.com.br"))
        #expect(mail.cc.map(\.address) == ["ana.paula@empresa.com.br", "financeiro@empresa.com.br"])
        #expect(mail.cc.map(\.name) == ["Ana Paula", "Financeiro"])
        #expect(mail.subject == "RES: [#1042] Fatura em atraso")
        #expect(mail.text.contains("A fatura não aparece no portal."))
        let winmail = try #require(mail.attachments.first)
        #expect(mail.attachments.count == 1)
        #expect(winmail.fileName == "winmail.dat")
        #expect(winmail.contentType == "application/ms-tnef")
        #expect(winmail.data.prefix(4) == [0x78, 0x9F, 0x3E, 0x22])
        #expect(!winmail.isInline)
    }

    @Test("Outlook's X-Auto-Response-Suppress asks for no auto-reply but does not make a human reply machine mail")
    func outlookIsHuman() {
        let automation = MIMEParser.parse(MailCorpus.outlookExchangeWithWinmail).automation

        #expect(automation == .autoResponseSuppressed)
        #expect(automation?.isMachineSent == false)
    }

    @Test("The visible part of an Outlook reply stops at the underscore rule before De:/Enviado:")
    func outlookVisibleReply() {
        let mail = MIMEParser.parse(MailCorpus.outlookExchangeWithWinmail)

        let visible = ReplyTrimmer.visibleReply(mail.text)

        #expect(visible.hasSuffix("Carlos Souza\nGerente Financeiro"))
        #expect(!visible.contains("Enviado:"))
    }

    @Test("Apple Mail: the related HTML and its inline image with Content-ID")
    func appleMailInlineImage() throws {
        let mail = MIMEParser.parse(MailCorpus.appleMailInlineImage)

        #expect(mail.from?.name == "João Pedro")
        #expect(mail.text == "Bom dia,\n\nSegue o print do erro:\n\n\nJoão")
        #expect(mail.html?.contains("cid:E1F2A3B4-C5D6-4E7F-8091-A2B3C4D5E6F7@home") == true)
        let image = try #require(mail.attachments.first)
        #expect(image.fileName == "erro.png")
        #expect(image.contentType == "image/png")
        #expect(image.contentID == "E1F2A3B4-C5D6-4E7F-8091-A2B3C4D5E6F7@home")
        #expect(image.isInline)
        #expect(image.data.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test("Apple Mail text after an inline image is appended to the body")
    func appleMailLaterTextIsAppended() throws {
        let mail = MIMEParser.parse(MailCorpus.appleMailTextImageText)

        #expect(mail.text == "Here is the first screenshot:\n\nAnd the error happens after clicking Save.")
        #expect(mail.html == nil)
        let image = try #require(mail.attachments.first)
        #expect(image.fileName == "tela1.jpg")
        #expect(image.isInline)
    }

    @Test("Thunderbird format=flowed text is unflowed; the encoded subject uses lower-case hex")
    func thunderbirdFlowed() {
        let mail = MIMEParser.parse(MailCorpus.thunderbirdFlowed)

        #expect(mail.subject == "Re: [#1043] Impressão não funciona")
        #expect(mail.text.contains("Já reiniciei o computador duas vezes e o erro persiste."))
        #expect(mail.text.contains("> Olá Marcos, tente reiniciar o computador e nos avise se o problema continuar."))
        #expect(mail.text.contains("\n-- \nMarcos Oliveira"))
        #expect(SubjectTag.ticketNumber(in: mail.subject) == TicketNumber(1043))
    }

    @Test("The visible part of a Thunderbird reply drops the quote and the signature")
    func thunderbirdVisibleReply() {
        let mail = MIMEParser.parse(MailCorpus.thunderbirdFlowed)

        #expect(
            ReplyTrimmer.visibleReply(mail.text)
                == "Oi,\n\nA impressora continua sem funcionar depois da atualização. Já reiniciei o computador duas vezes e o erro persiste."
        )
    }

    @Test("An iPhone reply keeps only the new line, without the sign-off or the quote")
    func iPhoneReply() {
        let mail = MIMEParser.parse(MailCorpus.iPhoneReply)

        #expect(mail.text.contains("<suporte@balcao.example> escreveu:"))  // soft break inside the address
        #expect(ReplyTrimmer.visibleReply(mail.text) == "Consegui entrar, obrigada!")
    }

    @Test("Outlook for Android: base64 text, unquoted name before an encoded word, trimmed reply")
    func outlookAndroid() {
        let mail = MIMEParser.parse(MailCorpus.outlookAndroidReply)

        #expect(mail.to == [MailAddress(name: "Suporte Balcão", address: "suporte@balcao.example")])
        #expect(mail.references == ["t1045.1@balcao.example", "t1045.3@balcao.example"])
        #expect(mail.text.hasPrefix("Consegue me ligar amanhã de manhã?"))
        #expect(
            ReplyTrimmer.visibleReply(mail.text) == "Consegue me ligar amanhã de manhã? Meu telefone é (11) 98765-4321."
        )
    }

    @Test("A raw ISO-8859-1 body and Latin-1 encoded words are read")
    func latin1() {
        let mail = MIMEParser.parse(MailCorpus.latin1Body)

        #expect(mail.from?.name == "José Araújo")
        #expect(mail.subject == "Solicitação de 2ª via")
        #expect(mail.text.contains("Solicito a 2ª via do boleto referente ao mês de março.\nNão recebi"))
        #expect(mail.warnings.isEmpty)
    }

    @Test("Windows-1252 quotes, dashes, ellipsis and euro signs are read")
    func windows1252() {
        let mail = MIMEParser.parse(MailCorpus.windows1252Body)

        #expect(mail.subject == "Cobrança indevida – € 150,00")
        #expect(mail.text.contains("Fui cobrada em € 150,00 pelo plano “Empresarial” – mas contratei o plano básico…"))
        #expect(mail.messageID == "000001da6f12$3a4b5c60$af0e1f20$@empresa.com.br")
    }

    @Test("ISO-8859-15 reads 0xA4 as the euro sign")
    func latin9() {
        #expect(MIMEParser.parse(MailCorpus.latin9Body).text == "O valor cobrado foi 99,90 €.")
    }
}
