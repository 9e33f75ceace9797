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

    @Test("Mail without a Message-ID gets a stable synthetic one, so a second delivery is still recognised")
    func syntheticMessageID() {
        let raw = Data("From: a@b.example\r\n\r\nhi".utf8)
        #expect(MailIntake.syntheticMessageID(raw) == MailIntake.syntheticMessageID(raw))
        #expect(MailIntake.syntheticMessageID(raw) != MailIntake.syntheticMessageID(raw + Data("!".utf8)))
    }
}
