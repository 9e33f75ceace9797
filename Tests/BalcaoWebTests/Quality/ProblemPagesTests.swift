import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Problem pages")
struct ProblemPagesTests {
    @Test("From a ticket an agent records a problem, links a second ticket, and solving it answers both")
    func recordLinkSolve() async throws {
        try await TestApp.run(.sqlite) { app in
            let admin = try await QualityPagesTests.admin(app)
            let first = try await QualityPagesTests.ticket(app, "Aplicativo trava ao pagar")
            let second = try await QualityPagesTests.ticket(app, "App fecha sozinho no pagamento")
            let ticketPage = try await admin.get("/agent/tickets/\(first.number)").text
            let csrf = try #require(PageSession.csrf(in: ticketPage))
            let form = try await admin.get("/agent/problems/new?ticket=\(first.number)").text

            let created = try await admin.post(
                "/agent/problems",
                [("ticket", "\(first.number)"), ("title", "Falha no SDK de pagamento"), ("category", ""),
                 ("status", "known_error"), ("rootCause", "Versão 4.2 do SDK"), ("workaround", "Pagar pelo site")],
                csrf: csrf)
            let location = try #require(created.headers.first(name: .location))
            let id = String(location.dropFirst("/agent/problems/".count).prefix(36))
            let linked = try await admin.post("/agent/tickets/\(second.number)/problem", [("problem", id)], csrf: csrf)
            let secondPage = try await admin.get("/agent/tickets/\(second.number)").text
            let problemPage = try await admin.get("/agent/problems/\(id)").text
            let emptyMessage = try await admin.post("/agent/problems/\(id)/solve", [("message", " ")], csrf: csrf)
            let solved = try await admin.post(
                "/agent/problems/\(id)/solve", [("message", "Publicamos a versão 4.3; já pode pagar pelo app.")], csrf: csrf)
            let list = try await admin.get("/agent/problems?status=solved").text
            let messages = try await app.get("/api/v1/tickets/\(second.id)/messages").json(ListDTO<MessageDTO>.self).data
            let afterSolve = try await admin.post("/agent/problems/\(id)", [("title", "Outro título")], csrf: csrf)

            #expect(ticketPage.contains("id=\"new-problem-from-ticket\""))
            #expect(form.contains("value=\"Aplicativo trava ao pagar\""))
            #expect(created.status == .seeOther && linked.status == .seeOther)
            #expect(secondPage.contains("id=\"linked-problem\"") && secondPage.contains("Falha no SDK de pagamento"))
            #expect(problemPage.contains("#\(first.number) Aplicativo trava ao pagar") && problemPage.contains("erro conhecido"))
            #expect(emptyMessage.status == .unprocessableEntity)
            #expect(solved.status == .seeOther)
            #expect(list.contains("Falha no SDK de pagamento") && list.contains("resolvido"))
            #expect(messages.last?.text == "Publicamos a versão 4.3; já pode pagar pelo app.")
            #expect(try await app.get("/api/v1/tickets/\(first.number)").json(TicketDTO.self).status == .solved)
            #expect(afterSolve.status == .unprocessableEntity && afterSolve.text.contains("solved"))
        }
    }
}
