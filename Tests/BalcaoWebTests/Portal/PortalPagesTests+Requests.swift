import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

/// A signed-in user's requests in the portal: opening one, reading only one's own, the public thread, reply, solve,
/// rate.
extension PortalPagesTests {
    /// A ticket opened through the API for `contact` (its first message is the contact's own, public).
    static func ticket(_ app: TestApp, for contact: ContactDTO, subject: String, body: String = "Preciso de ajuda.")
        async throws -> TicketDTO
    {
        let created = try await app.post(
            "/api/v1/tickets",
            ["subject": .string(subject), "body": .string(body), "requester": ["id": .string(contact.id.uuidString)]] as JSON)
        #expect(created.status == .created, "ticket \(subject)")
        return try created.json(TicketDTO.self)
    }

    static func department(
        _ app: TestApp, _ name: String, kind: String, tier: Int = 1, customFields: JSON = []
    ) async throws -> DepartmentDTO {
        let created = try await app.post(
            "/api/v1/departments",
            ["name": .string(name), "kind": .string(kind), "tier": .number(Double(tier)), "customFields": customFields] as JSON)
        #expect(created.status == .created, "department \(name)")
        return try created.json(DepartmentDTO.self)
    }

    /// A message with one file, posted through the API by the admin.
    static func message(_ app: TestApp, on ticket: TicketDTO, kind: String, body: String, file: String, content: String)
        async throws -> MessageDTO
    {
        let multipart = AttachmentsAPITests.multipart(
            boundary: "PortalXyZ", fields: ["kind": kind, "body": body],
            files: [(file, "text/plain", Data(content.utf8))])
        let reply = try await app.request(
            .POST, "/api/v1/tickets/\(ticket.id)/messages", rawBody: multipart,
            contentType: "multipart/form-data; boundary=PortalXyZ")
        #expect(reply.status == .created, "\(kind) on #\(ticket.number)")
        return try reply.json(MessageDTO.self)
    }

    /// The request number in a `/help/requests/<n>?…` location.
    static func requestNumber(in location: String?) -> Int? {
        guard let location, let range = location.range(of: #"^/help/requests/[0-9]+"#, options: .regularExpression) else {
            return nil
        }
        return location[range].split(separator: "/").last.flatMap { Int($0) }
    }

    /// Which of `departments` a page links to as a desk to open a request with.
    static func offered(_ html: String, _ departments: [DepartmentDTO]) -> [Bool] {
        departments.map { html.contains("/help/requests/new/\($0.id.uuidString)\"") }
    }

    @Test("A customer reads only their own requests: another's is a 404 like a missing number, its files too; notes never show")
    func ownRequestsOnly() async throws {
        try await TestApp.run(.sqlite) { app in
            let joana = try await Self.contact(app, "Joana Silva", "joana@cliente.example")
            let pedro = try await Self.contact(app, "Pedro Alves", "pedro@outro-cliente.example")
            let pedrosTicket = try await Self.ticket(app, for: pedro, subject: "Reembolso do pedido 8812")
            let pedrosFile = try await Self.message(
                app, on: pedrosTicket, kind: "reply", body: "Segue o comprovante.", file: "comprovante.txt",
                content: "reembolso aprovado\n")
            let ticket = try await Self.ticket(app, for: joana, subject: "Internet lenta na loja")
            let answer = try await Self.message(
                app, on: ticket, kind: "reply", body: "Reinicie o roteador, por favor.", file: "passos.txt",
                content: "passo 1: reiniciar\n")
            let note = try await Self.message(
                app, on: ticket, kind: "note", body: "Verificar contrato antigo antes de responder.", file: "interno.txt",
                content: "so para a equipe\n")
            let pedrosAttachment = try #require(pedrosFile.attachments.first?.id)
            let answerAttachment = try #require(answer.attachments.first?.id)
            let noteAttachment = try #require(note.attachments.first?.id)
            let customer = try await Self.signedIn(app, "joana@cliente.example")
            let pedrosPath = "/help/requests/\(pedrosTicket.number)"
            let path = "/help/requests/\(ticket.number)"

            let others = try await customer.get(pedrosPath)
            let missing = try await customer.get("/help/requests/99999")
            let othersFile = try await customer.get("\(pedrosPath)/attachments/\(pedrosAttachment)")
            let othersFileViaOwn = try await customer.get("\(path)/attachments/\(pedrosAttachment)")
            let list = try await customer.get("/help/requests")
            let page = try await customer.get(path)
            let ownFile = try await customer.get("\(path)/attachments/\(answerAttachment)")
            let noteFile = try await customer.get("\(path)/attachments/\(noteAttachment)")

            #expect(others.status == .notFound && missing.status == .notFound)
            #expect(others.text == missing.text)
            #expect(!others.text.contains("Reembolso do pedido 8812"))
            #expect(othersFile.status == .notFound && othersFileViaOwn.status == .notFound)
            #expect(list.text.contains("Internet lenta na loja") && !list.text.contains("Reembolso do pedido 8812"))
            #expect(page.status == .ok && page.text.contains("id=\"thread\""))
            #expect(page.text.contains("Reinicie o roteador, por favor."))
            #expect(!page.text.contains("Verificar contrato antigo"))
            #expect(page.text.contains("/attachments/\(answerAttachment.uuidString)"))
            #expect(!page.text.contains(noteAttachment.uuidString))
            #expect(ownFile.status == .ok && ownFile.body == Data("passo 1: reiniciar\n".utf8))
            #expect(noteFile.status == .notFound)
        }
    }

    @Test("A customer opens a request with an external front-line desk through the form; employees get the internal desks")
    func openRequest() async throws {
        try await TestApp.run(.sqlite) { app in
            let support = try await Self.department(
                app, "Suporte ao Cliente", kind: "external",
                customFields: [["key": "order_number", "label": "Encomenda", "kind": "text", "required": true]])
            let sales = try await Self.department(app, "Comercial", kind: "external")
            let engineering = try await Self.department(app, "Engenharia de Produto", kind: "external", tier: 2)
            let it = try await Self.department(app, "TI", kind: "internal")
            let hr = try await Self.department(app, "Recursos Humanos", kind: "internal")
            let all = [support, sales, engineering, it, hr]
            let joana = try await Self.contact(app, "Joana Silva", "joana@cliente.example")
            _ = try await Self.contact(app, "Rui Costa", "rui@empresa.example", kind: .employee)
            let customer = try await Self.signedIn(app, "joana@cliente.example")
            let employee = try await Self.signedIn(app, "rui@empresa.example")
            let formPath = "/help/requests/new/\(support.id)"

            let customerChoice = try await customer.get("/help/requests/new")
            let employeeChoice = try await employee.get("/help/requests/new")
            let form = try await customer.get(formPath)
            let csrf = try #require(PageSession.csrf(in: form.text))
            let created = try await customer.post(
                formPath,
                [("subject", "Encomenda chegou danificada"), ("body", "A caixa veio amassada e o ecra partido."),
                 ("cf_order_number", "BR-4471")],
                csrf: csrf)
            let number = try #require(Self.requestNumber(in: created.location))
            let ticket = try await app.get("/api/v1/tickets/\(number)").json(TicketDTO.self)
            let page = try await customer.get(try #require(created.location))
            let emptySubject = try await customer.post(
                formPath, [("subject", ""), ("body", "Texto que a Joana escreveu"), ("cf_order_number", "BR-4472")], csrf: csrf)
            let internalDesk = try await customer.post(
                "/help/requests/new/\(it.id)", [("subject", "Quero falar com a TI"), ("body", "Ola")], csrf: csrf)
            let tickets = try await app.get("/api/v1/tickets").json(TicketPageDTO.self).data

            #expect(customerChoice.status == .ok && customerChoice.text.contains("id=\"department-list\""))
            #expect(Self.offered(customerChoice.text, all) == [true, true, false, false, false])
            #expect(employeeChoice.status == .ok && employeeChoice.text.contains("id=\"department-list\""))
            #expect(Self.offered(employeeChoice.text, all) == [false, false, false, true, true])
            #expect(form.status == .ok && form.text.contains("name=\"cf_order_number\""))
            #expect(created.status == .seeOther && created.location == "/help/requests/\(number)?flash=request_created")
            #expect(ticket.channel == .portal && ticket.requesterId == joana.id && ticket.departmentId == support.id)
            #expect(ticket.subject == "Encomenda chegou danificada")
            #expect(ticket.customFields == ["order_number": .string("BR-4471")])
            #expect(page.status == .ok && page.text.contains("id=\"flash\""))
            #expect(emptySubject.status == .unprocessableEntity && emptySubject.text.contains("id=\"request-error\""))
            #expect(emptySubject.text.contains("Texto que a Joana escreveu"))
            #expect(internalDesk.status == .unprocessableEntity)
            #expect(tickets.map(\.number) == [number])
        }
    }

    @Test("The requester replies, marks the request solved and rates it; rating before it is solved is refused")
    func replySolveRate() async throws {
        try await TestApp.run(.sqlite) { app in
            let joana = try await Self.contact(app, "Joana Silva", "joana@cliente.example")
            let ticket = try await Self.ticket(app, for: joana, subject: "Internet lenta na loja")
            let customer = try await Self.signedIn(app, "joana@cliente.example")
            let path = "/help/requests/\(ticket.number)"
            let first = try await customer.get(path)
            let csrf = try #require(PageSession.csrf(in: first.text))

            let replied = try await customer.post("\(path)/reply", [("body", "Reiniciei o roteador e continua lento.")], csrf: csrf)
            let early = try await customer.post("\(path)/rate", [("score", "good"), ("comment", "Cedo demais")], csrf: csrf)
            let solved = try await customer.post("\(path)/solve", [], csrf: csrf)
            let afterSolve = try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self)
            let rated = try await customer.post(
                "\(path)/rate", [("score", "good"), ("comment", "Resolvido no mesmo dia")], csrf: csrf)
            let page = try await customer.get(path)
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data
            let events = try await app.get("/api/v1/tickets/\(ticket.id)/events").json(ListDTO<TicketEventDTO>.self).data
            let last = try #require(messages.last)

            #expect(first.text.contains("id=\"reply-form\"") && !first.text.contains("id=\"rating-form\""))
            #expect(replied.status == .seeOther && replied.location == "\(path)?flash=reply_sent")
            #expect(messages.count == 2)
            #expect(last.kind == .reply && last.channel == .portal && last.text.contains("Reiniciei o roteador"))
            #expect(last.author.type == "contact" && last.author.id == joana.id)
            #expect(early.status == .unprocessableEntity && early.text.contains("id=\"request-error\""))
            #expect(solved.status == .seeOther && solved.location == "\(path)?flash=request_solved")
            #expect(afterSolve.status == .solved)
            #expect(rated.status == .seeOther && rated.location == "\(path)?flash=rating_saved")
            #expect(page.text.contains("id=\"request-status\" class=\"status status-solved\""))
            #expect(page.text.contains("id=\"rating-current\"") && page.text.contains("Resolvido no mesmo dia"))
            #expect(events.filter { $0.field == "satisfaction" }.compactMap(\.newValue) == ["good"])
        }
    }

    @Test("Text from requesters is escaped on the request list and the request page")
    func escaping() async throws {
        try await TestApp.run(.sqlite) { app in
            let joana = try await Self.contact(app, "Joana Silva", "joana@cliente.example")
            let ticket = try await Self.ticket(
                app, for: joana, subject: "<script>alert(1)</script> Impressora", body: "<img src=x onerror=alert(2)> nao imprime")
            let customer = try await Self.signedIn(app, "joana@cliente.example")

            let list = try await customer.get("/help/requests")
            let page = try await customer.get("/help/requests/\(ticket.number)")

            #expect(list.status == .ok && page.status == .ok)
            for html in [list.text, page.text] {
                #expect(!html.contains("<script>alert"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Impressora"))
            }
            #expect(!page.text.contains("<img src=x"))
        }
    }
}

extension PortalPagesTests {
    @Test("Without JavaScript: a search with no answer leads to a request form with that subject and its suggestions")
    func suggestionsWithoutJavaScript() async throws {
        try await TestApp.run(.sqlite) { app in
            let help = try await Self.arrangeHelp(app)
            let support = try await Self.department(app, "Atendimento", kind: "external")
            _ = try await Self.contact(app, "Carla Cliente", "carla@cliente.example")
            let browser = try await Self.signedIn(app, "carla@cliente.example")

            let search = try await browser.get("/help/search?q=esqueci%20senha%20cart%C3%A3o").text
            let choose = try await browser.get("/help/requests/new?subject=esqueci%20a%20senha")
            let form = try await browser.get("/help/requests/new/\(support.id)?subject=esqueci%20a%20senha").text

            #expect(search.contains("href=\"/help/requests/new?subject=esqueci%20senha%20cart%C3%A3o\""))
            #expect(choose.status == .seeOther && choose.location == "/help/requests/new/\(support.id)?subject=esqueci%20a%20senha")
            #expect(form.contains("value=\"esqueci a senha\""))
            #expect(form.contains("data-suggestion=\"\(help.publicArticle.uuidString)\""))
            #expect(!form.contains("data-suggestion=\"\(help.staffArticle.uuidString)\""))
        }
    }
}
