import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Agent pages")
struct AgentPagesTests {
    static let password = "senha-muito-segura"

    @Test("Pages need a session; signing in lands on the queue, signing out ends the session")
    func signInAndOut() async throws {
        try await TestApp.run(.sqlite) { app in
            let browser = PageSession(app)

            let anonymous = try await browser.get("/agent/queues/mine")
            let signIn = try await browser.signIn(email: "ana@balcao.example", password: Self.password)
            let queue = try await browser.get("/agent/queues/mine")
            let csrf = try #require(PageSession.csrf(in: queue.text))
            let signOut = try await browser.post("/logout", [], csrf: csrf)
            let after = try await browser.get("/agent/queues/mine")

            #expect(anonymous.status == .seeOther && anonymous.location == "/login?next=/agent/queues/mine")
            #expect(signIn.status == .seeOther && signIn.location == "/agent")
            #expect(queue.status == .ok && queue.text.contains("id=\"queue\""))
            #expect(signOut.status == .seeOther && signOut.location == "/login")
            #expect(after.status == .seeOther)
        }
    }

    @Test("A wrong password is refused, and five failures lock the address out for a while")
    func throttledSignIn() async throws {
        try await TestApp.run(.sqlite) { app in
            let browser = PageSession(app)

            var statuses: [HTTPStatus] = []
            for _ in 0..<5 {
                statuses.append(try await browser.signIn(email: "ana@balcao.example", password: "errada-errada").status)
            }
            let locked = try await browser.signIn(email: "ana@balcao.example", password: Self.password)

            #expect(statuses.allSatisfy { $0 == .unauthorized })
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("id=\"login-error\""))
            #expect(browser.cookies[SessionCookie.name] == nil)
        }
    }

    @Test("A form without the session's CSRF token changes nothing")
    func csrfRequired() async throws {
        try await TestApp.run(.sqlite) { app in
            let ticket = try await app.post("/api/v1/tickets", TicketsAPITests.newTicket).json(TicketDTO.self)
            let browser = PageSession(app)
            try await browser.signIn(email: "ana@balcao.example", password: Self.password)

            let forged = try await browser.post("/agent/tickets/\(ticket.number)/fields", [("priority", "low")])
            let wrong = try await browser.post("/agent/tickets/\(ticket.number)/fields", [("priority", "low")], csrf: "00")
            let login = try await browser.post("/login", [("email", "ana@balcao.example"), ("password", Self.password)])

            #expect(forged.status == .forbidden && wrong.status == .forbidden && login.status == .forbidden)
            #expect(try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self).priority == .high)
        }
    }

    @Test("Text from requesters is escaped on every page; message HTML is sanitized")
    func escaping() async throws {
        try await TestApp.run(.sqlite) { app in
            let ticket = try await app.post(
                "/api/v1/tickets",
                ["subject": "<script>alert(1)</script> Ajuda", "bodyHtml": "<p onclick=\"x()\">Olá<script>alert(2)</script></p>",
                 "requester": ["email": "x@cliente.example", "name": "<img src=x onerror=alert(3)>"]] as JSON
            ).json(TicketDTO.self)
            let browser = PageSession(app)
            try await browser.signIn(email: "ana@balcao.example", password: Self.password)

            let queue = try await browser.get("/agent/queues/all").text
            let page = try await browser.get("/agent/tickets/\(ticket.number)").text

            for html in [queue, page] {
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("<img src=x onerror"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ajuda"))
            }
            #expect(page.contains("<p>Olá</p>"))
            #expect(!page.contains("onclick"))
        }
    }

    @Test("Bulk actions change every selected ticket through the normal rules")
    func bulkAssign() async throws {
        try await TestApp.run(.sqlite) { app in
            var ids: [String] = []
            for index in 0..<3 {
                let body: JSON = ["subject": .string("Chamado \(index)"), "body": "x", "requester": ["email": "a@b.example"]]
                ids.append(try await app.post("/api/v1/tickets", body).json(TicketDTO.self).id.uuidString)
            }
            let browser = PageSession(app)
            try await browser.signIn(email: "ana@balcao.example", password: Self.password)
            let csrf = try #require(PageSession.csrf(in: try await browser.get("/agent/queues/unassigned").text))

            let reply = try await browser.post(
                "/agent/tickets/bulk", [("action", "assign:me"), ("view", "unassigned"), ("ids[]", ids[0]), ("ids[]", ids[2])],
                csrf: csrf)
            let tickets = try await app.get("/api/v1/tickets?sort=number").json(TicketPageDTO.self).data

            #expect(reply.status == .seeOther)
            #expect(tickets.map { $0.assigneeId == app.admin.id.rawValue } == [true, false, true])
            #expect(tickets.map(\.status) == [.open, .new, .open])
        }
    }

    @Test("Pages speak the agent's language, else the browser's", arguments: [
        ("en-US,en;q=0.9", "Unassigned"), ("pt-BR,pt;q=0.9", "Sem responsável"), ("pt-PT", "Os meus pedidos abertos"),
    ])
    func language(acceptLanguage: String, expected: String) async throws {
        try await TestApp.run(.sqlite) { app in
            let browser = PageSession(app)
            browser.acceptLanguage = acceptLanguage
            try await browser.signIn(email: "ana@balcao.example", password: Self.password)

            let page = try await browser.get("/agent/queues/mine").text

            #expect(page.contains(expected))
        }
    }
}
