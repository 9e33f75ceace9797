import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Chat routing: accept, transfer, limits")
struct ChatRoutingTests {
    /// An agent of `departments`, signed in on the pages.
    static func agent(_ app: TestApp, _ name: String, _ email: String, in departments: [Department.ID]) async throws
        -> (id: Agent.ID, session: PageSession)
    {
        let created = try await app.post(
            "/api/v1/agents",
            ["name": .string(name), "email": .string(email), "role": "agent",
             "departmentIds": .array(departments.map { .string($0.description) }), "password": "senha-do-agente-123"]
                as JSON
        ).json(AgentDTO.self)
        let session = PageSession(app)
        try await session.signIn(email: email, password: "senha-do-agente-123")
        return (Agent.ID(rawValue: created.id), session)
    }

    /// Posts a ticket page form with the page's CSRF token; returns the response and the page after it.
    static func act(_ session: PageSession, _ number: Int, _ path: String, _ fields: [(String, String)] = [])
        async throws -> (status: HTTPStatus, page: String)
    {
        let csrf = try #require(PageSession.csrf(in: try await session.get("/agent/tickets/\(number)").text))
        let response = try await session.post("/agent/tickets/\(number)/\(path)", fields, csrf: csrf)
        let page = response.status == .seeOther ? try await session.get("/agent/tickets/\(number)").text : response.text
        return (response.status, page)
    }

    @Test("An agent accepts a waiting chat: it is theirs, the visitor is told who answers, the history says so",
        arguments: TestDatabase.available)
    func accept(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let department = try await ChatProtocolTests.chatDesk(app)
            let (client, welcome, ticket) = try await ChatProtocolTests.startedChat(app, department)
            let beto = try await Self.agent(app, "Beto Chat", "beto@balcao.example", in: [department])
            let before = try await beto.session.get("/agent/tickets/\(ticket.number)").text

            let accepted = try await Self.act(beto.session, ticket.number, "chat/accept")
            let told = await client.frames(until: "state").last
            let assigned = try await app.get("/api/v1/tickets/\(ticket.number)").json(TicketDTO.self)

            #expect(welcome.state == "waiting")
            #expect(before.contains("id=\"accept-chat\"") && before.contains("Seus chats abertos: 0 / 3"))
            #expect(accepted.status == .seeOther)
            #expect(told?.state == "active" && told?.agent == "Beto Chat")
            #expect(assigned.assigneeId == beto.id.rawValue)
            #expect(accepted.page.contains("data-chat-state=\"active\"") && !accepted.page.contains("id=\"accept-chat\""))
            #expect(accepted.page.contains("Atendido por Beto Chat") && accepted.page.contains("aceitou o chat"))
            #expect(accepted.page.contains("Seus chats abertos: 1 / 3"))
            try await client.close()
        }
    }

    @Test("An agent at their limit cannot take another chat until one ends; an admin sets each agent's limit",
        arguments: TestDatabase.available)
    func limit(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let department = try await ChatProtocolTests.chatDesk(app)
            let beto = try await Self.agent(app, "Beto Chat", "beto@balcao.example", in: [department])
            let admin = PageSession(app)
            try await admin.signIn(email: "ana@balcao.example", password: "senha-muito-segura")
            let csrf = try #require(PageSession.csrf(in: try await admin.get("/agent/admin/chat").text))
            let saved = try await admin.post("/agent/admin/chat/limits", [("limit_\(beto.id)", "1")], csrf: csrf)
            let first = try await ChatProtocolTests.startedChat(app, department, text: "Primeiro chat")
            let second = try await ChatProtocolTests.startedChat(app, department, text: "Segundo chat")

            let took = try await Self.act(beto.session, first.ticket.number, "chat/accept")
            let refused = try await Self.act(beto.session, second.ticket.number, "chat/accept")
            let waiting = try await app.get("/api/v1/tickets/\(second.ticket.number)").json(TicketDTO.self)
            _ = try await Self.act(beto.session, first.ticket.number, "chat/end")
            let tookAfterEnd = try await Self.act(beto.session, second.ticket.number, "chat/accept")
            let adminPage = try await admin.get("/agent/admin/chat").text

            #expect(saved.status == .seeOther)
            #expect(adminPage.contains("name=\"limit_\(beto.id)\" value=\"1\""))
            #expect(took.status == .seeOther)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.page.contains("Beto Chat already has 1 open chats"))
            #expect(waiting.assigneeId == nil, "a refused chat was assigned anyway")
            #expect(tookAfterEnd.status == .seeOther, "ending a chat did not free a place")
            try await first.client.close()
            try await second.client.close()
        }
    }

    @Test("Limits out of range or not numbers are refused with a message and change nothing")
    func badLimits() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await ChatProtocolTests.chatDesk(app)
            let beto = try await Self.agent(app, "Beto Chat", "beto@balcao.example", in: [department])
            let admin = PageSession(app)
            try await admin.signIn(email: "ana@balcao.example", password: "senha-muito-segura")
            let csrf = try #require(PageSession.csrf(in: try await admin.get("/agent/admin/chat").text))

            let zero = try await admin.post("/agent/admin/chat/limits", [("limit_\(beto.id)", "0")], csrf: csrf)
            let words = try await admin.post("/agent/admin/chat/limits", [("limit_\(beto.id)", "três")], csrf: csrf)
            let byAgent = try await beto.session.post(
                "/agent/admin/chat/limits", [("limit_\(beto.id)", "9")],
                csrf: try #require(PageSession.csrf(in: try await beto.session.get("/agent/settings").text)))

            #expect(zero.status == .unprocessableEntity && zero.text.contains("must be from 1 to 20"))
            #expect(words.status == .unprocessableEntity && words.text.contains("três is not a whole number"))
            #expect(byAgent.status == .forbidden || byAgent.status == .unprocessableEntity)
            #expect(try await app.services.chatRouting.limit(of: beto.id) == ChatRouting.defaultLimit)
        }
    }

    @Test("A chat goes to a colleague (who answers it) or to another department's queue, with the reason kept",
        arguments: TestDatabase.available)
    func transfer(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let department = try await ChatProtocolTests.chatDesk(app)
            let billing = try await app.post(
                "/api/v1/departments", ["name": "Financeiro", "kind": "external", "tier": 1] as JSON
            ).json(DepartmentDTO.self)
            let (client, _, ticket) = try await ChatProtocolTests.startedChat(app, department)
            let beto = try await Self.agent(app, "Beto Chat", "beto@balcao.example", in: [department])
            let carla = try await Self.agent(app, "Carla Trocas", "carla@balcao.example", in: [department])
            _ = try await Self.act(beto.session, ticket.number, "chat/accept")
            _ = await client.frames(until: "state")

            let toCarla = try await Self.act(
                beto.session, ticket.number, "chat/transfer",
                [("agentId", carla.id.description), ("departmentId", ""), ("reason", "Especialista em trocas")])
            let toldCarla = await client.frames(until: "state").last
            let withCarla = try await app.get("/api/v1/tickets/\(ticket.number)").json(TicketDTO.self)
            let toBilling = try await Self.act(
                carla.session, ticket.number, "chat/transfer",
                [("agentId", ""), ("departmentId", billing.id.uuidString), ("reason", "Reembolso")])
            let toldQueue = await client.frames(until: "state").last
            let inBilling = try await app.get("/api/v1/tickets/\(ticket.number)").json(TicketDTO.self)
            let history = try await app.services.ticketStore.events(of: Ticket.ID(rawValue: ticket.id))
                .filter { $0.field == .chatTransferred }.compactMap(\.newValue)
            let nowhere = try await Self.act(carla.session, ticket.number, "chat/transfer", [("reason", "?")])

            #expect(toCarla.status == .seeOther && withCarla.assigneeId == carla.id.rawValue)
            #expect(toldCarla?.state == "active" && toldCarla?.agent == "Carla Trocas")
            #expect(toBilling.status == .seeOther)
            #expect(inBilling.departmentId == billing.id && inBilling.assigneeId == nil)
            #expect(toldQueue?.state == "waiting")
            #expect(history == ["Carla Trocas — Especialista em trocas", "Financeiro — Reembolso"])
            #expect(nowhere.status == .unprocessableEntity && nowhere.page.contains("choose an agent or a department"))
            try await client.close()
        }
    }

    @Test("An agent's reply to a waiting chat accepts it for them")
    func replyAccepts() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await ChatProtocolTests.chatDesk(app)
            let (client, _, ticket) = try await ChatProtocolTests.startedChat(app, department)
            let beto = try await Self.agent(app, "Beto Chat", "beto@balcao.example", in: [department])

            let replied = try await Self.act(
                beto.session, ticket.number, "messages", [("kind", "reply"), ("body", "Oi! Já vejo o seu pedido.")])
            let frames = await client.frames(until: "state")
            let assigned = try await app.get("/api/v1/tickets/\(ticket.number)").json(TicketDTO.self)

            #expect(replied.status == .seeOther)
            #expect(frames.contains { $0.type == "line" && $0.from == "agent" })
            #expect(frames.last?.state == "active" && frames.last?.agent == "Beto Chat")
            #expect(assigned.assigneeId == beto.id.rawValue)
            #expect(replied.page.contains("data-chat-state=\"active\""))
            try await client.close()
        }
    }
}
