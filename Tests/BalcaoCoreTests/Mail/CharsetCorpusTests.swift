import Foundation
import Testing

@testable import BalcaoCore

@Suite("MIME parser: legacy and Unicode charsets")
struct CharsetCorpusTests {
    /// Each message holds the same text in an encoded-word subject and in its body.
    static let messages: [(name: String, bytes: [UInt8], subject: String, text: String)] = [
        (
            "iso2022JPBody", MailCorpus.iso2022JPBody, "お問い合わせの件について",
            "いつもお世話になっております。\n請求書の再発行をお願いいたします。\n①の金額が㈱サンプル宛になっています。"
        ),
        ("shiftJISBody", MailCorpus.shiftJISBody, "見積もりのご依頼", "お世話になっております。\n添付の見積書をご確認ください。\n①②③の順でお願いします。"),
        ("eucJPBody", MailCorpus.eucJPBody, "配送状況の確認", "注文番号12345の配送状況を教えてください。"),
        ("gb2312Body", MailCorpus.gb2312Body, "关于发票的问题", "您好，我的发票金额不正确，请帮忙核实。\n联系人：朱镕基"),
        ("gb18030Body", MailCorpus.gb18030Body, "订单𠮷野家", "您好，附件是发票。价格：€20（含税）"),
        ("big5Body", MailCorpus.big5Body, "關於帳單的問題", "您好，我的帳單金額有誤，請協助確認。\n謝謝！"),
        ("big5HKSCSBody", MailCorpus.big5HKSCSBody, "查詢訂單", "你好，我想查詢訂單嘅進度，唔該晒。"),
        ("eucKRBody", MailCorpus.eucKRBody, "주문 취소 문의", "안녕하세요. 주문 취소를 요청합니다.\n담당자: 김똠"),
        ("koi8RBody", MailCorpus.koi8RBody, "Вопрос по счёту", "Здравствуйте!\nПрошу выставить новый счёт.\nСпасибо."),
        (
            "koi8UBody", MailCorpus.koi8UBody, "Питання щодо рахунку",
            "Доброго дня!\nПрошу надіслати рахунок ще раз. Ґудзик, їжак, єнот."
        ),
        (
            "windows1251Body", MailCorpus.windows1251Body, "Заявка на обслуживание",
            "Добрый день!\nНе работает принтер\nв офисе №5 — срочно."
        ),
        (
            "latin2Body", MailCorpus.latin2Body, "Zgłoszenie reklamacyjne",
            "Dzień dobry,\nproszę o zwrot pieniędzy za zamówienie. Zażółć gęślą jaźń."
        ),
        (
            "windows1250Body", MailCorpus.windows1250Body, "Dotaz k faktuře",
            "Dobrý den,\nprosím o opravu faktury – děkuji.\nJiří Novák"
        ),
        (
            "latin9Subject", MailCorpus.latin9Subject, "Orçamento em €",
            "O preço final é 1.250,00 € (com IVA).\nŒuvre, Šárka."
        ),
        (
            "utf16WithBOM", MailCorpus.utf16WithBOM, "Não consigo acessar",
            "Olá, não consigo acessar o portal desde ontem.\nObrigado!"
        ),
        (
            "utf16LittleEndianNoBOM", MailCorpus.utf16LittleEndianNoBOM, "Segunda via do boleto",
            "Bom dia, preciso da segunda via do boleto de março."
        ),
        (
            "utf16BigEndianNoBOM", MailCorpus.utf16BigEndianNoBOM, "Atualização cadastral",
            "Seguem os dados atualizados, ação concluída."
        ),
        (
            "utf7Body", MailCorpus.utf7Body, "Solicitação de orçamento",
            "Olá, gostaria de um orçamento.\nAtenção: é urgente!"
        ),
    ]

    @Test("Subjects and bodies decode exactly in every supported charset", arguments: messages.map(\.name))
    func decodesCorpus(name: String) throws {
        let message = try #require(Self.messages.first { $0.name == name })

        let mail = MIMEParser.parse(message.bytes)

        #expect(mail.subject == message.subject)
        #expect(mail.text == message.text)
        #expect(mail.warnings.isEmpty)
    }

    @Test("Raw 8-bit header bytes are read as UTF-8, else Windows-1252, per field")
    func rawEightBitHeaders() {
        let raw =
            MailCorpus.latin1Wire("From: Jos\u{E9} Ara\u{FA}jo <jose@example.com.br>\n")
            + MailCorpus.wire("Subject: Dúvida sobre a cobrança\nTo: suporte@balcao.example\n\nCorpo.\n")

        let mail = MIMEParser.parse(raw)

        #expect(mail.from?.name == "José Araújo")
        #expect(mail.subject == "Dúvida sobre a cobrança")
    }

    @Test("A raw ISO-2022-JP subject and an unlabelled ISO-2022-JP body are recognised by their escapes")
    func unlabelledISO2022JP() {
        let raw = MailCorpus.wire(
            "Subject: \u{1B}$BF|K\\8l\u{1B}(B\nContent-Type: text/plain\n\n\u{1B}$B$3$s$K$A$O\u{1B}(B\n")

        let mail = MIMEParser.parse(raw)

        #expect(mail.subject == "日本語")
        #expect(mail.text == "こんにちは")
    }

    @Test("An invalid byte in a multi-byte charset becomes U+FFFD, with a warning, and decoding goes on")
    func invalidMultiByte() {
        let raw =
            MailCorpus.wire("Content-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: 8bit\n\n")
            + [0xC4, 0xE3, 0xFF, 0xBA, 0xC3, 0x21]

        let mail = MIMEParser.parse(raw)

        #expect(mail.text == "你\u{FFFD}好!")
        #expect(mail.warnings.contains { $0.contains("invalid gb2312") })
    }

    @Test("RFC 2231 file names and HTML <meta> charsets use the same decoders")
    func parametersAndMeta() {
        let raw =
            MailCorpus.wire(
                """
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/html
                Content-Transfer-Encoding: 8bit

                <html><head><meta charset="big5"></head><body>
                """) + [0xC1, 0x63, 0xC5, 0xE9]
            + MailCorpus.wire(
                """
                </body></html>
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=shift_jis''%8C%A9%90%CF.pdf

                %PDF-1.4
                --b--

                """)

        let mail = MIMEParser.parse(raw)

        #expect(mail.text == "繁體")
        #expect(mail.attachments.map(\.fileName) == ["見積.pdf"])
    }
}
