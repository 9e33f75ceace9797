import Foundation
import Testing

@testable import BalcaoCore

@Suite("Automated mail detection")
struct AutomatedMailTests {
    private func headers(_ fields: [(String, String)]) -> MailHeaders {
        MailHeaders(fields.map { (name: $0.0, value: $0.1) })
    }

    @Test("A delivery-status report from MAILER-DAEMON is a bounce")
    func deliveryStatusBounce() throws {
        let mail = MIMEParser.parse(MailCorpus.deliveryStatusBounce)

        #expect(mail.automation == .bounce)
        #expect(mail.from?.address == "MAILER-DAEMON@mx.balcao.example")
        #expect(mail.from?.name == "Mail Delivery System")
        #expect(mail.text.hasPrefix("This is the mail system at host mx.balcao.example."))
        #expect(mail.attachments.map(\.contentType) == ["message/delivery-status", "text/rfc822-headers"])
        #expect(mail.date == Date(timeIntervalSince1970: 1_773_320_401))
    }

    @Test("The report type alone marks a bounce, whoever sends it")
    func reportTypeAlone() {
        let fields = [
            ("From", "Exchange <exchange@empresa.com.br>"),
            ("Content-Type", "multipart/report; report-type=\"delivery-status\"; boundary=x"),
        ]

        #expect(AutomatedMail(headers: headers(fields)) == .bounce)
    }

    @Test("postmaster@ is a bounce")
    func postmaster() {
        #expect(AutomatedMail(headers: headers([("From", "postmaster@example.com")])) == .bounce)
    }

    @Test("A null Return-Path without auto-reply headers is a bounce")
    func nullReturnPath() {
        #expect(AutomatedMail(headers: headers([("From", "x@example.com"), ("Return-Path", "< >")])) == .bounce)
    }

    @Test("A Portuguese out-of-office subject marks an auto-reply")
    func outOfOfficeMessage() {
        let mail = MIMEParser.parse(MailCorpus.outOfOffice)

        #expect(mail.subject == "Resposta automática: [#1051] Atualização do chamado")
        #expect(mail.automation == .autoReply)
    }

    @Test(
        "Out-of-office subjects in English and Portuguese",
        arguments: [
            "Auto: Fatura", "Automatic reply: [#1042] Fatura", "Out of Office: Re: pedido",
            "Resposta automática: chamado",
            "Ausência temporária", "Fora do escritório até 20/03", "AutoReply: hello", "Auto Response",
            "Out of Office AutoReply: Fatura", "Réponse automatique : Facture", "Automatische Antwort: Rechnung",
        ])
    func outOfOfficeSubjects(subject: String) {
        #expect(AutomatedMail(headers: headers([("From", "a@b.com"), ("Subject", subject)])) == .autoReply)
    }

    @Test(
        "A subject that merely mentions being out of office is human",
        arguments: ["Re: out of office policy", "Out of office policy for the team?", "Auto response time is slow"])
    func humanSubjectMentioningAbsence(subject: String) {
        #expect(AutomatedMail(headers: headers([("From", "a@b.com"), ("Subject", subject)])) == nil)
    }

    @Test("X-Autoreply and X-Autorespond mark an auto-reply")
    func autoreplyHeaders() {
        #expect(AutomatedMail(headers: headers([("From", "a@b.com"), ("X-Autoreply", "yes")])) == .autoReply)
        #expect(AutomatedMail(headers: headers([("From", "a@b.com"), ("X-Autorespond", "Vacation")])) == .autoReply)
    }

    @Test("Auto-Submitted: auto-replied is an auto-reply; other values keep their value")
    func autoSubmitted() {
        #expect(AutomatedMail(headers: headers([("Auto-Submitted", "auto-replied")])) == .autoReply)
        #expect(
            AutomatedMail(headers: headers([("Auto-Submitted", "Auto-Generated")])) == .autoSubmitted("auto-generated"))
        #expect(MIMEParser.parse(MailCorpus.systemNotification).automation == .autoSubmitted("auto-generated"))
    }

    @Test("Auto-Submitted: no is a person")
    func autoSubmittedNo() {
        #expect(AutomatedMail(headers: headers([("Auto-Submitted", "no")])) == nil)
    }

    @Test(
        "X-Auto-Response-Suppress with All, AutoReply or OOF asks for no auto-reply, and is told apart from machine mail",
        arguments: ["All", "OOF, AutoReply", "DR, RN, NRN, OOF, AutoReply", "autoreply"])
    func suppressAsksForNoAutoReply(value: String) {
        let automation = AutomatedMail(headers: headers([("From", "a@b.com"), ("X-Auto-Response-Suppress", value)]))

        #expect(automation == .autoResponseSuppressed)
        #expect(automation?.isMachineSent == false)
    }

    @Test("X-Auto-Response-Suppress without All, AutoReply or OOF is a person", arguments: ["None", "DR, RN, NRN", ""])
    func suppressWithoutAutoReplies(value: String) {
        #expect(AutomatedMail(headers: headers([("X-Auto-Response-Suppress", value)])) == nil)
    }

    @Test("X-Loop, X-Balcao-Loop and Exchange's inbox-rule loop header mark a loop")
    func loopHeaders() {
        #expect(AutomatedMail(headers: headers([("X-Loop", "yes")])) == .loop)
        #expect(AutomatedMail(headers: headers([("X-Balcao-Loop", "balcao.example")])) == .loop)
        #expect(AutomatedMail(headers: headers([("X-MS-Exchange-Inbox-Rules-Loop", "ana@x.com")])) == .loop)
        #expect(AutomatedMail.loop.isMachineSent)
    }

    @Test("Precedence and X-Precedence auto_reply are auto-replies; X-Precedence bulk is bulk")
    func precedenceAutoReply() {
        #expect(AutomatedMail(headers: headers([("Precedence", "auto_reply")])) == .autoReply)
        #expect(AutomatedMail(headers: headers([("X-Precedence", "auto_reply")])) == .autoReply)
        #expect(AutomatedMail(headers: headers([("X-Precedence", "bulk")])) == .bulk("bulk"))
    }

    @Test("X-Autoresponder and Auto-Submitted with a comment or parameters are auto-replies")
    func autoReplyVariants() {
        #expect(AutomatedMail(headers: headers([("X-Autoresponder", "true")])) == .autoReply)
        #expect(AutomatedMail(headers: headers([("Auto-Submitted", "auto-replied (zimbra; vacation)")])) == .autoReply)
        #expect(
            AutomatedMail(headers: headers([("Auto-Submitted", "Auto-Replied; owner-email=\"a@b.com\"")])) == .autoReply
        )
        #expect(
            AutomatedMail(headers: headers([("Auto-Submitted", "auto-notified")])) == .autoSubmitted("auto-notified"))
    }

    @Test("Exchange-generated mail is automated; X-Failed-Recipients and an Exchange NDR marker are bounces")
    func exchangeMarkers() {
        let generated = headers([("X-MS-Exchange-Generated-Message-Source", "Transport Rule Agent")])

        #expect(AutomatedMail(headers: generated) == .autoSubmitted("auto-generated"))
        #expect(AutomatedMail(headers: headers([("X-Failed-Recipients", "a@b.com")])) == .bounce)
        #expect(AutomatedMail(headers: headers([("X-MS-Exchange-Message-Is-Ndr", "")])) == .bounce)
        #expect(AutomatedMail(headers: headers([("Return-Path", "<MAILER-DAEMON>")])) == .bounce)
    }

    @Test("List-Id or List-Unsubscribe marks list mail")
    func mailingList() {
        #expect(MIMEParser.parse(MailCorpus.mailingList).automation == .mailingList)
        #expect(MIMEParser.parse(MailCorpus.htmlOnlyNewsletter).automation == .mailingList)
        #expect(AutomatedMail(headers: headers([("List-Unsubscribe", "<mailto:sair@x.com>")])) == .mailingList)
    }

    @Test("Precedence bulk, junk and list are bulk mail", arguments: ["bulk", "junk", "list", "Bulk"])
    func precedence(value: String) {
        #expect(AutomatedMail(headers: headers([("Precedence", value)])) == .bulk(value.lowercased()))
    }

    @Test("Ordinary mail is not automated")
    func human() {
        #expect(AutomatedMail(headers: headers([("From", "Ana <ana@x.com>"), ("Subject", "Re: Fatura")])) == nil)
        #expect(MIMEParser.parse(MailCorpus.gmailReplyPortuguese).automation == nil)
    }
}
