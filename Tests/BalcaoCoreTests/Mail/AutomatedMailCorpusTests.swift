import Foundation
import Testing

@testable import BalcaoCore

@Suite("Automated mail and bounces: one message per vendor")
struct AutomatedMailCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var automation: AutomatedMail?
        var bounce: BounceReport?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Exchange Online out-of-office", bytes: MailCorpus.exchangeOutOfOffice, automation: .autoReply),
        Case(name: "Exchange out-of-office in Portuguese", bytes: MailCorpus.outOfOffice, automation: .autoReply),
        Case(name: "French Exchange out-of-office", bytes: MailCorpus.frenchOutOfOffice, automation: .autoReply),
        Case(name: "Gmail vacation responder", bytes: MailCorpus.gmailVacation, automation: .autoReply),
        Case(name: "Zimbra out-of-office", bytes: MailCorpus.zimbraOutOfOffice, automation: .autoReply),
        Case(name: "Yahoo vacation response", bytes: MailCorpus.yahooVacation, automation: .autoReply),
        Case(name: "iCloud vacation reply", bytes: MailCorpus.iCloudVacation, automation: .autoReply),
        Case(name: "Help desk with X-Loop", bytes: MailCorpus.helpDeskLoop, automation: .loop),
        Case(name: "Mailman list", bytes: MailCorpus.mailingList, automation: .mailingList),
        Case(name: "Newsletter with List-Unsubscribe", bytes: MailCorpus.htmlOnlyNewsletter, automation: .mailingList),
        Case(
            name: "Monitoring notification", bytes: MailCorpus.systemNotification,
            automation: .autoSubmitted("auto-generated")),
        Case(name: "Human mail from Thunderbird", bytes: MailCorpus.humanThunderbird, automation: nil),
        Case(name: "Human mail from Gmail", bytes: MailCorpus.gmailReplyPortuguese, automation: nil),
        Case(
            name: "Human mail from Outlook", bytes: MailCorpus.outlookExchangeWithWinmail,
            automation: .autoResponseSuppressed),
        Case(
            name: "Postfix DSN without a diagnostic code", bytes: MailCorpus.deliveryStatusBounce, automation: .bounce,
            bounce: BounceReport(
                isPermanent: true, failedRecipients: ["cliente@dominio-inexistente.com.br"],
                originalMessageID: "t1050.1@balcao.example", diagnostic: "Host or domain name not found.")),
        Case(
            name: "Postfix DSN for an expanded alias", bytes: MailCorpus.postfixDSN, automation: .bounce,
            bounce: BounceReport(
                isPermanent: true, failedRecipients: ["ana.souza@cliente.com.br"],
                originalMessageID: "t1070.4@balcao.example",
                diagnostic:
                    "550 5.1.1 <asouza@mail.cliente.com.br>: Recipient address rejected: User unknown in local recipient table"
            )),
        Case(
            name: "Gmail bounce", bytes: MailCorpus.gmailBounce, automation: .bounce,
            bounce: BounceReport(
                isPermanent: true, failedRecipients: ["joao.pereira.cliente@gmail.com"],
                originalMessageID: "t1071.2@balcao.example",
                diagnostic:
                    "The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. 41be03b00d2f7-5ee5c0c8d0bsor1234567a12.62 - gsmtp"
            )),
        Case(
            name: "Exchange Online NDR", bytes: MailCorpus.office365NDR, automation: .bounce,
            bounce: BounceReport(
                isPermanent: true, failedRecipients: ["carla@empresa.com.br"],
                originalMessageID: "t1075.1@balcao.example",
                diagnostic:
                    "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")),
        Case(
            name: "Exchange text NDR", bytes: MailCorpus.exchangeNDR, automation: .bounce,
            bounce: BounceReport(
                isPermanent: true, failedRecipients: ["joao.silva@empresa.com.br"],
                originalMessageID: "t1072.1@balcao.example",
                diagnostic: "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found")),
        Case(
            name: "qmail failure notice", bytes: MailCorpus.qmailBounce, automation: .bounce,
            bounce: BounceReport(
                isPermanent: true, failedRecipients: ["marcos@provedor.example.net"],
                originalMessageID: "t1073.2@balcao.example",
                diagnostic: "Remote host said: 550 5.1.1 <marcos@provedor.example.net>... User unknown")),
        Case(
            name: "Exim text bounce", bytes: MailCorpus.eximBounce, automation: .bounce,
            bounce: BounceReport(
                isPermanent: true, failedRecipients: ["paula@clinica.example.com.br"],
                originalMessageID: "t1074.1@balcao.example", diagnostic: "552 5.2.2 Mailbox full")),
    ]

    @Test("Each message gets its automation and bounce details", arguments: cases)
    func classifies(_ expected: Case) {
        let mail = MIMEParser.parse(expected.bytes)

        #expect(mail.automation == expected.automation)
        #expect(mail.bounce == expected.bounce)
    }
}
