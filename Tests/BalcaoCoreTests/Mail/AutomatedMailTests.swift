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
            "Ausência temporária", "Fora do escritório até 20/03", "AutoReply: hello",
        ])
    func outOfOfficeSubjects(subject: String) {
        #expect(AutomatedMail(headers: headers([("From", "a@b.com"), ("Subject", subject)])) == .autoReply)
    }

    @Test("A subject that merely mentions being out of office is human")
    func humanSubjectMentioningAbsence() {
        #expect(AutomatedMail(headers: headers([("From", "a@b.com"), ("Subject", "Re: out of office policy")])) == nil)
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

    @Test("X-Auto-Response-Suppress is a request, not a sign of automation")
    func suppressIsNotAutomation() {
        #expect(AutomatedMail(headers: headers([("X-Auto-Response-Suppress", "All")])) == nil)
        #expect(AutomatedMail(headers: headers([("X-Auto-Response-Suppress", "OOF, AutoReply")])) == nil)
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
