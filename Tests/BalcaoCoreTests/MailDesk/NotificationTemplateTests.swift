import Foundation
import Testing

@testable import BalcaoCore

@Suite("Notification templates")
struct NotificationTemplateTests {
    @Test("Every kind has a built-in text in every language that uses only its own placeholders")
    func builtInsAreValid() throws {
        for kind in NotificationTemplate.Kind.allCases {
            for language in SupportedLanguage.allCases {
                let template = NotificationTemplate.builtIn(kind, language)
                #expect(template.language == language)
                try template.validate()
            }
        }
    }

    @Test("Rendering fills placeholders; the HTML escapes values but keeps the reply's sanitized HTML")
    func rendering() {
        let template = NotificationTemplate(
            kind: .agentReply, language: .english, subject: "Re: {{ticket.subject}}\n",
            body: "Hi {{requester.name}},\n\n{{reply}}\n\n{{agent.name}}")
        let rendered = template.render(
            TemplateValues(
                text: ["ticket.subject": "Printer <b>", "requester.name": "Ana & Co", "reply": "Fixed.", "agent.name": "Bruno"],
                replyHTML: "<p><strong>Fixed.</strong></p>"))
        #expect(rendered.subject == "Re: Printer <b>")
        #expect(rendered.text == "Hi Ana & Co,\n\nFixed.\n\nBruno")
        #expect(rendered.html.contains("Ana &amp; Co"))
        #expect(rendered.html.contains("<p><strong>Fixed.</strong></p>"))
        #expect(!rendered.html.contains("\u{E000}"))
    }

    @Test("An unknown placeholder or a blank part is refused with the field named")
    func validation() {
        let unknown = NotificationTemplate(
            kind: .ticketReceived, language: .portugueseBrazil, subject: "Oi", body: "{{reply}} {{ticket.number}}")
        #expect(throws: ValidationError.self) { try unknown.validate() }
        do {
            try unknown.validate()
        } catch {
            #expect(error.issues.map(\.field) == ["body"])
            #expect(error.issues[0].message.contains("{{reply}}"))
        }
        let blank = NotificationTemplate(kind: .ticketSolved, language: .english, subject: " ", body: "x")
        #expect(throws: ValidationError.self) { try blank.validate() }
    }

    @Test("Retries back off from a minute to hours, then give up; permanent failures are not retried")
    func retryPolicy() {
        let policy = OutboxRetryPolicy()
        let now = Date(timeIntervalSince1970: 0)
        #expect(policy.nextAttempt(afterFailures: 1, permanent: false, now: now) == Date(timeIntervalSince1970: 60))
        #expect(policy.nextAttempt(afterFailures: 4, permanent: false, now: now) == Date(timeIntervalSince1970: 3600))
        #expect(policy.nextAttempt(afterFailures: policy.delays.count + 1, permanent: false, now: now) == nil)
        #expect(policy.nextAttempt(afterFailures: 1, permanent: true, now: now) == nil)
    }

    @Test("IMAP settings from a form: default port by security, password kept when left empty, bad fields named")
    func imapDraft() throws {
        let previous = IMAPSettings(host: "imap.x.example", port: 993, security: .tls, username: "u", password: "old")
        var collector = ValidationCollector()
        let draft = IMAPDraft(
            host: "imap.empresa.example", port: nil, security: "starttls", username: "suporte", password: "",
            folder: "", moveToFolder: "Processados", pollInterval: nil)
        let settings = try #require(draft.settings(previous: previous, into: &collector))
        #expect(collector.issues.isEmpty)
        #expect(settings.port == 143)
        #expect(settings.password == "old")
        #expect(settings.folder == "INBOX")
        #expect(settings.afterFetch == .move(folder: "Processados"))

        var bad = ValidationCollector()
        let wrong = IMAPDraft(
            host: "imap host", port: 70000, security: "ssl3", username: "", password: nil, folder: "", moveToFolder: "",
            pollInterval: 1)
        #expect(wrong.settings(previous: nil, into: &bad) == nil)
        #expect(bad.issues.map(\.field) == ["imap.host", "imap.security"])
    }

    @Test("Mail without a Message-ID gets an id from what every copy shares, not from the delivery headers")
    func syntheticMessageID() {
        let body = "From: a@b.example\r\nTo: c@d.example\r\nSubject: oi\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\n\r\nhi"
        let one = MIMEParser.parse(Array(("Received: from x\r\n" + body).utf8))
        let other = MIMEParser.parse(Array(("Received: from y\r\nDelivered-To: e@d.example\r\n" + body).utf8))
        let changed = MIMEParser.parse(Array((body + "!").utf8))
        #expect(MailIntake.syntheticMessageID(one) == MailIntake.syntheticMessageID(other))
        #expect(MailIntake.syntheticMessageID(one) != MailIntake.syntheticMessageID(changed))
    }
}

@Suite("Signed mail references")
struct MailReferenceTests {
    /// Stands in for the HMAC (BalcaoStore): deterministic, keyed, hex.
    struct KeyedSigner: MailSigner {
        let key: String
        func signature(for text: String) -> String {
            var hash: UInt64 = 1469598103934665603
            for byte in (key + "|" + text).utf8 { hash = (hash ^ UInt64(byte)) &* 1099511628211 }
            let second = hash &* 6364136223846793005 &+ 1442695040888963407
            return String(format: "%016llx%016llx", hash, second)
        }
    }

    @Test("A reference round-trips through a Message-ID and a body marker; each one is unique")
    func roundTrip() throws {
        let signer = KeyedSigner(key: "desk")
        let reference = MailReference(ticket: TicketNumber(1042), recipient: "Ana@Cliente.example", signer: signer)
        let id = reference.messageID(domain: "desk.example", signer: signer)
        #expect(id.hasPrefix("b1.1042."))
        #expect(MailReference.decode(id, signer: signer) == reference)
        let body = "Obrigada!\n> Resposta anterior\n> \(reference.marker(signer: signer))\n"
        #expect(MailReference.markers(in: body, signer: signer) == [reference])
        let other = MailReference(ticket: TicketNumber(1042), recipient: "ana@cliente.example", signer: signer)
        #expect(other.token != reference.token)
        #expect(other.recipientTag == reference.recipientTag)  // the address, not its case, is what is bound
    }

    @Test("Forged, altered or foreign references are refused")
    func forgeries() {
        let signer = KeyedSigner(key: "desk")
        let encoded = MailReference(ticket: TicketNumber(1042), recipient: "ana@cliente.example", signer: signer)
            .encoded(signer: signer)
        let otherDesk = KeyedSigner(key: "another desk")
        #expect(MailReference.decode(encoded, signer: otherDesk) == nil)
        #expect(MailReference.decode(encoded.replacingOccurrences(of: "b1.1042.", with: "b1.1043."), signer: signer) == nil)
        #expect(MailReference.decode("b1.1042.abc.12345678.0000000000000000", signer: signer) == nil)
        #expect(MailReference.decode("CAF3x=abc@mail.gmail.com", signer: signer) == nil)
        #expect(MailReference.markers(in: "[ref:b1.1.x.y.z] [ref:", signer: signer).isEmpty)
    }
}
