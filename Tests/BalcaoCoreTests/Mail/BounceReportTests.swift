import Foundation
import Testing

@testable import BalcaoCore

@Suite("Bounce reports")
struct BounceReportTests {
    /// A minimal RFC 3464 report around one per-recipient block.
    private func report(
        _ recipientFields: String, contentType: String = "multipart/report; report-type=delivery-status"
    )
        -> [UInt8]
    {
        MailCorpus.wire(
            """
            From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
            Subject: Delivery Status Notification
            Content-Type: \(contentType); boundary="b"

            --b
            Content-Type: text/plain

            Report.

            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; googlemail.com

            \(recipientFields)

            --b--

            """)
    }

    @Test("A delay is a temporary failure")
    func delayed() throws {
        let mail = MIMEParser.parse(report("Final-Recipient: rfc822; ana@x.com\nAction: delayed\nStatus: 4.4.1"))

        let bounce = try #require(mail.bounce)
        #expect(!bounce.isPermanent)
        #expect(bounce.failedRecipients == ["ana@x.com"])
    }

    @Test("A report of successful deliveries is not a bounce")
    func delivered() {
        let mail = MIMEParser.parse(report("Final-Recipient: rfc822; ana@x.com\nAction: delivered\nStatus: 2.0.0"))

        #expect(mail.automation == .bounce)
        #expect(mail.bounce == nil)
    }

    @Test("A 5.x.x status without an Action is permanent; a 4.x.x one is not")
    func statusWithoutAction() {
        let permanent = MIMEParser.parse(report("Final-Recipient: rfc822; ana@x.com\nStatus: 5.2.1"))
        let temporary = MIMEParser.parse(report("Final-Recipient: rfc822; ana@x.com\nStatus: 4.2.2"))

        #expect(permanent.bounce?.isPermanent == true)
        #expect(temporary.bounce?.isPermanent == false)
    }

    @Test("A delivery-status part marks a bounce even in a multipart/mixed from an unremarkable sender")
    func deliveryStatusPartAlone() {
        let raw = report("Final-Recipient: rfc822; ana@x.com\nAction: failed", contentType: "multipart/mixed")
            .replacing(Array("mailer-daemon@googlemail.com".utf8), with: Array("gateway@empresa.com.br".utf8))

        let mail = MIMEParser.parse(raw)

        #expect(mail.automation == .bounce)
        #expect(mail.bounce?.failedRecipients == ["ana@x.com"])
    }

    @Test("Several recipients are listed once each, in order, whatever their case")
    func severalRecipients() {
        let fields = """
            Final-Recipient: rfc822; ana@x.com
            Action: failed
            Status: 5.1.1

            Final-Recipient: rfc822; <bia@y.com>
            Action: failed
            Status: 5.2.2

            Final-Recipient: rfc822; ANA@x.com
            Action: failed
            Status: 5.1.1
            """

        let bounce = MIMEParser.parse(report(fields)).bounce

        #expect(bounce?.failedRecipients == ["ana@x.com", "bia@y.com"])
    }

    @Test("A bounce with nothing readable still says it is one, without inventing details")
    func unreadableBounce() {
        let mail = MIMEParser.parse(MailCorpus.wire("From: postmaster@x.com\nSubject: oops\n\nSomething went wrong.\n"))

        #expect(mail.automation == .bounce)
        #expect(mail.bounce == BounceReport(isPermanent: false))
    }

    @Test(
        "Status codes are found where they stand alone, not inside numbers, words or addresses",
        arguments: [
            ("Remote host said: 550 5.1.1 User unknown", [UInt8(ascii: "5"), UInt8(ascii: "5")]),
            ("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", [UInt8(ascii: "5"), UInt8(ascii: "5")]),
            ("550-5.1.1 The email account", [UInt8(ascii: "5"), UInt8(ascii: "5")]),
            ("421 4.4.2 Connection dropped", [UInt8(ascii: "4"), UInt8(ascii: "4")]),
            ("Giving up on 203.0.113.40.", []),
            ("host [192.0.2.54] 2.0.0 Ok", []),
            ("Date: 5.12.2026", []),
            ("Order 5501 shipped", []),
        ])
    func statusClasses(line: String, expected: [UInt8]) {
        #expect(BounceText.statusClasses(Substring(line)) == expected)
    }
}
