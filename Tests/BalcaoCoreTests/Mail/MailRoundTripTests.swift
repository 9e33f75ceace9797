import Foundation
import Testing

@testable import BalcaoCore

@Suite("Compose then parse")
struct MailRoundTripTests {
    private static let portuguese = "Olá, não consigo acessar a fatura nº 42 — é urgente"

    @Test("Headers, ids and Portuguese text survive a round trip")
    func headersAndText() {
        var mail = MailComposerTests.sample(
            subject: "Re: [#1042] " + Self.portuguese, text: Self.portuguese + "\n\nAtenciosamente,\nJoão")
        mail.cc = [
            MailAddress(name: "Souza, Ana", address: "ana@example.com"), MailAddress(address: "bia@example.com"),
        ]
        mail.replyTo = MailAddress(name: "Suporte (tickets)", address: "suporte+1042@balcao.example")
        mail.inReplyTo = "CAJz=ABC@mail.gmail.com"
        mail.references = ["t1042.1@balcao.example", "CAJz=ABC@mail.gmail.com"]

        let parsed = MIMEParser.parse(MailComposer.render(mail))

        #expect(parsed.subject == "Re: [#1042] " + Self.portuguese)
        #expect(parsed.from == mail.from)
        #expect(parsed.to == mail.to)
        #expect(parsed.cc == mail.cc)
        #expect(parsed.replyTo == [mail.replyTo].compactMap { $0 })
        #expect(parsed.messageID == mail.messageID)
        #expect(parsed.inReplyTo == ["CAJz=ABC@mail.gmail.com"])
        #expect(parsed.references == mail.references)
        #expect(parsed.date == mail.date)
        #expect(parsed.text == mail.text)
        #expect(parsed.html == nil)
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.automation == nil)
    }

    @Test("Text, HTML, inline images and attachments survive a round trip")
    func bodiesAndAttachments() {
        let logo = MailAttachment(
            fileName: "logo.png", contentType: "image/png", data: [0x89, 0x50, 0x4E, 0x47], contentID: "logo@balcao",
            isInline: true)
        let pdf = MailAttachment(
            fileName: "relatório nº 42.pdf", contentType: "application/pdf", data: MailCorpus.samplePDF)
        let binary = MailAttachment(
            fileName: "dados.bin", contentType: "application/octet-stream", data: (0...255).map { UInt8($0) })
        let html = "<p>\(Self.portuguese)</p>\n<p><img src=\"cid:logo@balcao\"></p>"
        let mail = MailComposerTests.sample(text: Self.portuguese, html: html, attachments: [pdf, logo, binary])

        let parsed = MIMEParser.parse(MailComposer.render(mail))

        #expect(parsed.text == Self.portuguese)
        #expect(parsed.html == html)
        #expect(parsed.attachments.map(\.fileName) == ["logo.png", "relatório nº 42.pdf", "dados.bin"])
        #expect(parsed.attachments.map(\.data) == [logo.data, pdf.data, binary.data])
        #expect(parsed.attachments.map(\.contentType) == ["image/png", "application/pdf", "application/octet-stream"])
        #expect(parsed.attachments.first?.contentID == "logo@balcao")
        #expect(parsed.attachments.map(\.isInline) == [true, false, false])
        #expect(parsed.warnings.isEmpty)
    }

    @Test("Awkward text survives: long lines, dots, From, trailing spaces, equals signs, emoji")
    func awkwardText() {
        let text = [
            String(repeating: "palavra-longa ", count: 20), ".ponto no início", "From the start", "espaço no fim ",
            "a=b e =41 literal", "emoji 👩‍👩‍👧‍👦 e 日本語", "\ttabulação",
        ].joined(separator: "\n")

        let parsed = MIMEParser.parse(MailComposer.render(MailComposerTests.sample(text: text)))

        #expect(parsed.text == text)
    }

    @Test("Extra headers come back from the parsed headers")
    func extraHeaders() {
        var mail = MailComposerTests.sample()
        mail.extraHeaders = [("Auto-Submitted", "auto-replied"), ("X-Nota", "ação")]

        let parsed = MIMEParser.parse(MailComposer.render(mail))

        #expect(parsed.automation == .autoReply)
        #expect(parsed.headers["X-Nota"].map(EncodedWords.decode) == "ação")
    }

    @Test(
        "Subjects of any shape survive a round trip",
        arguments: [
            "", "Simples", "=?utf-8?Q?parece_codificado?=", "  espaços   internos  ",
            String(repeating: "longo ", count: 40),
            "ação", String(repeating: "ç", count: 200), "tab\tinside", "Re: [#1042] 👍",
        ])
    func subjects(subject: String) {
        let parsed = MIMEParser.parse(MailComposer.render(MailComposerTests.sample(subject: subject)))

        let expected = subject.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\t", with: " ")
        #expect(parsed.subject == expected)
    }

    @Test("Display names of any shape survive a round trip")
    func displayNames() {
        let names = [
            "Ana", "Souza, Ana", #"Ana "Aninha" Souza"#, "João da Conceição", "O'Brien", "a@b", "日本 太郎", "Ana (RH)",
        ]
        var mail = MailComposerTests.sample()
        mail.to = names.enumerated().map { MailAddress(name: $1, address: "p\($0)@example.com") }

        let parsed = MIMEParser.parse(MailComposer.render(mail))

        #expect(parsed.to == mail.to)
    }
}
