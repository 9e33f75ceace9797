import BalcaoCore
import BalcaoTestSupport
import BalcaoWeb
import Foundation
import Testing
import Vapor

@Suite("Email admin pages")
struct MailAdminPagesTests {
    static func signedIn(_ app: TestApp) async throws -> (PageSession, String) {
        let browser = PageSession(app)
        try await browser.signIn(email: "ana@balcao.example", password: "senha-muito-segura")
        let page = try await browser.get("/agent/admin/mail")
        return (browser, try #require(PageSession.csrf(in: page.text)))
    }

    @Test("An admin adds a mailbox with IMAP polling; the password is kept when an edit leaves it empty")
    func mailboxLifecycle() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)
            let form: [(String, String)] = [
                ("address", "suporte@empresa.example"), ("display_name", "Suporte Empresa"), ("department", ""),
                ("active", "on"), ("imap_host", "imap.empresa.example"), ("imap_port", ""), ("imap_security", "tls"),
                ("imap_username", "suporte"), ("imap_password", "s3gredo"), ("imap_folder", ""),
                ("imap_move_to", "Processados"), ("imap_interval", "30"),
            ]
            let created = try await browser.post("/agent/admin/mail/mailboxes", form, csrf: csrf)
            #expect(created.status == .seeOther)
            let mailbox = try #require(try await app.services.mailStore.mailboxes().first)
            #expect(mailbox.address.value == "suporte@empresa.example")
            #expect(mailbox.imap?.port == 993)
            #expect(mailbox.imap?.afterFetch == .move(folder: "Processados"))

            let page = try await browser.get("/agent/admin/mail")
            #expect(page.text.contains("suporte@empresa.example"))
            #expect(!page.text.contains("s3gredo"))

            let edit = form.map { $0.0 == "imap_password" ? ($0.0, "") : $0.0 == "display_name" ? ($0.0, "Atendimento") : $0 }
            let updated = try await browser.post("/agent/admin/mail/mailboxes/\(mailbox.id)", edit, csrf: csrf)
            #expect(updated.status == .seeOther)
            let saved = try #require(try await app.services.mailStore.mailbox(mailbox.id))
            #expect(saved.displayName == "Atendimento")
            #expect(saved.imap?.password == "s3gredo")

            let duplicate = try await browser.post("/agent/admin/mail/mailboxes", form, csrf: csrf)
            #expect(duplicate.status == .conflict || duplicate.status == .unprocessableEntity)
            #expect(duplicate.text.contains("form-error"))

            let deleted = try await browser.post("/agent/admin/mail/mailboxes/\(mailbox.id)/delete", [], csrf: csrf)
            #expect(deleted.status == .seeOther)
            #expect(try await app.services.mailStore.mailboxes().isEmpty)
        }
    }

    @Test("A bad mailbox form is shown again with the problems named and nothing saved")
    func badMailboxForm() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)
            let reply = try await browser.post(
                "/agent/admin/mail/mailboxes",
                [("address", "not-an-address"), ("display_name", ""), ("imap_host", "imap.x.example"),
                 ("imap_security", "tls"), ("imap_username", ""), ("imap_password", "")], csrf: csrf)
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.text.contains("address"))
            #expect(reply.text.contains("imap.password"))
            #expect(reply.text.contains("value=\"imap.x.example\""))
            #expect(try await app.services.mailStore.mailboxes().isEmpty)
        }
    }

    @Test("Templates: an admin edits one (unknown placeholders refused), it is used, and can go back to the built-in")
    func templates() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)
            let path = "/agent/admin/mail/templates/ticket_received/en"
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.text.contains("We received your request"))

            let bad = try await browser.post(path, [("subject", "Got it"), ("body", "{{reply}}")], csrf: csrf)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("unknown placeholder"))

            let good = try await browser.post(
                path, [("subject", "Got it: {{ticket.subject}}"), ("body", "Logged as {{ticket.number}}.")], csrf: csrf)
            #expect(good.status == .seeOther)
            let edited = try await app.services.mailAdmin.template(.ticketReceived, .english)
            #expect(edited.isEdited && edited.template.subject == "Got it: {{ticket.subject}}")

            _ = try await browser.post(path + "/reset", [], csrf: csrf)
            #expect(try await app.services.mailAdmin.template(.ticketReceived, .english).isEdited == false)
            #expect(try await browser.get("/agent/admin/mail/templates/nope/en").status == .notFound)
        }
    }

    @Test("A bounced address shows on its tickets' requester card and in the admin list, where it can be cleared")
    func undeliverableShown() async throws {
        try await TestApp.run(.sqlite) { app in
            let ticket = try await app.post(
                "/api/v1/tickets",
                ["subject": "Boleto", "body": "Não chegou.", "requester": ["email": "lia@cliente.example"]] as JSON)
            let number = try #require(ticket.object["number"] as? Int)
            let now = app.services.clock.now
            try await app.services.mailStore.markUndeliverable(
                "lia@cliente.example", until: now.addingTimeInterval(86400), reason: "550 5.1.1 User unknown", at: now)
            let (browser, csrf) = try await Self.signedIn(app)
            let page = try await browser.get("/agent/tickets/\(number)")
            #expect(page.text.contains("class=\"alert undeliverable\""))
            #expect(page.text.contains("550 5.1.1 User unknown"))
            #expect(try await browser.get("/agent/admin/mail").text.contains("data-email=\"lia@cliente.example\""))
            _ = try await browser.post("/agent/admin/mail/undeliverable/clear", [("email", "lia@cliente.example")], csrf: csrf)
            #expect(try await app.services.mailStore.undeliverable(["lia@cliente.example"], at: now).isEmpty)
        }
    }

    @Test("Agents who are not admins cannot open the email admin")
    func adminsOnly() async throws {
        try await TestApp.run(.sqlite) { app in
            _ = try await app.post(
                "/api/v1/agents",
                ["name": "Bruno", "email": "bruno@acme.example", "role": "agent", "password": "senha-do-bruno-1"] as JSON)
            let browser = PageSession(app)
            try await browser.signIn(email: "bruno@acme.example", password: "senha-do-bruno-1")
            #expect(try await browser.get("/agent/admin/mail").status == .forbidden)
        }
    }
}
