import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor
@testable import BalcaoWeb

/// Permissions, macros, availability and the scheduler, over the same helpers as the rest of the suite.
extension AutomationAPITests {
    // MARK: Permissions

    @Test("A plain agent reads rules and macros and applies macros, but cannot change triage (403)")
    func plainAgents() async throws {
        try await TestApp.run(.sqlite) { app in
            _ = try await app.post("/api/v1/agents", ["name": "Bruno", "email": "bruno@acme.example", "role": "agent"] as JSON)
            let token = try await DeskSetup.createToken(email: "bruno@acme.example", name: "teste", services: app.services)
            let macro = try await app.post("/api/v1/macros", ["name": "Obrigado", "text": "Obrigado pelo contato!"] as JSON)
                .json(Macro.self)
            let ticket = try await Self.openTicket(app, "Dúvida sobre boleto")

            let createRule = try await app.request(.POST, "/api/v1/rules", json: Self.boletoRule(), token: token)
            let createMacro = try await app.request(
                .POST, "/api/v1/macros", json: ["name": "Meu", "text": "Oi"] as JSON, token: token)
            let matrix = try await app.request(.PUT, "/api/v1/triage/matrix", json: Self.steeperMatrix, token: token)
            let preview = try await app.request(.POST, "/api/v1/rules/preview", json: Self.boletoRule(), token: token)
            let calendar = try await app.request(.POST, "/api/v1/calendars", json: Self.roundTheClock, token: token)
            let macros = try await app.get("/api/v1/macros", token: token)
            let rules = try await app.get("/api/v1/rules", token: token)
            let readMatrix = try await app.get("/api/v1/triage/matrix", token: token)
            let applied = try await app.request(.POST, "/api/v1/tickets/\(ticket.number)/macros/\(macro.id)", token: token)
            let anonymous = try await app.get("/api/v1/macros", token: .some(nil))

            #expect(createRule.status == .forbidden)
            #expect(createRule.problem?.type.hasSuffix("forbidden") == true)
            #expect(createMacro.status == .forbidden && matrix.status == .forbidden)
            #expect(preview.status == .forbidden && calendar.status == .forbidden)
            #expect(macros.status == .ok)
            #expect(try macros.json(Listed<Macro>.self).data.map(\.id) == [macro.id])
            #expect(rules.status == .ok && readMatrix.status == .ok)
            #expect(applied.status == .ok)
            #expect(try applied.json(TicketDTO.self).status == .open)
            #expect(anonymous.status == .unauthorized)
            #expect(try await app.get("/api/v1/rules").json(Listed<Rule>.self).data.isEmpty)
            #expect(try await app.get("/api/v1/macros").json(Listed<Macro>.self).data.count == 1)
        }
    }

    // MARK: Macros

    @Test("Applying a macro changes the ticket's fields and adds its text, placeholders filled, as the agent's reply")
    func applyMacro() async throws {
        try await TestApp.run(.sqlite) { app in
            let body: JSON = [
                "name": "Pedir print", "position": 1, "messageKind": "reply",
                "text": "Olá {{requester.first_name}}, pode enviar um print do erro? (pedido {{ticket.number}})",
                "actions": [["type": "set_status", "value": "pending"], ["type": "add_tags", "value": "aguardando-print"]],
            ]
            let created = try await app.post("/api/v1/macros", body)
            let macro = try created.json(Macro.self)
            let ticket = try await Self.openTicket(app, "Erro ao emitir nota")

            let applied = try await app.request(.POST, "/api/v1/tickets/\(ticket.number)/macros/\(macro.id)")
            let after = try applied.json(TicketDTO.self)
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data
            let unknownMacro = try await app.request(.POST, "/api/v1/tickets/\(ticket.number)/macros/\(UUID())")
            let unknownTicket = try await app.request(.POST, "/api/v1/tickets/99999/macros/\(macro.id)")
            let mailing = try await app.post(
                "/api/v1/macros",
                ["name": "Mail", "actions": [["type": "notify", "recipient": "requester", "subject": "x", "body": "y"]]] as JSON)
            let empty = try await app.post("/api/v1/macros", ["name": "Nada"] as JSON)
            let badPlaceholder = try await app.post("/api/v1/macros", ["name": "Oi", "text": "Oi {{cliente.nome}}"] as JSON)

            #expect(created.status == .created)
            #expect(created.headers.first(name: .location) == "/api/v1/macros/\(macro.id)")
            #expect(macro.messageKind == .reply && macro.actions.count == 2 && macro.departmentIDs.isEmpty)
            #expect(applied.status == .ok)
            #expect(after.status == .pending)
            #expect(after.tags.contains("aguardando-print"))
            #expect(after.firstResponseAt != nil)
            #expect(messages.count == 2)
            let reply = try #require(messages.last)
            #expect(reply.kind == .reply && reply.author.type == "agent" && reply.author.id == app.admin.id.rawValue)
            #expect(reply.text.contains("Olá Joana, pode enviar um print do erro?"))
            #expect(reply.text.contains("\(ticket.number)"))
            #expect(!reply.text.contains("{{"))
            #expect(unknownMacro.status == .notFound && unknownMacro.problem?.status == 404)
            #expect(unknownTicket.status == .notFound)
            #expect(mailing.status == .unprocessableEntity && mailing.problem?.fields == ["actions[0].type"])
            #expect(empty.status == .unprocessableEntity && empty.problem?.fields == ["actions"])
            #expect(badPlaceholder.status == .unprocessableEntity && badPlaceholder.problem?.fields == ["text"])
        }
    }

    @Test("A macro of one department does not apply to a ticket of another (422)")
    func macroOfAnotherDepartment() async throws {
        try await TestApp.run(.sqlite) { app in
            let hr = try await app.post("/api/v1/departments", ["name": "RH", "kind": "internal"] as JSON).json(DepartmentDTO.self)
            let macro = try await app.post(
                "/api/v1/macros",
                ["name": "Férias", "departmentIds": [.string(hr.id.uuidString)],
                 "actions": [["type": "set_priority", "value": "low"]]] as JSON
            ).json(Macro.self)
            let ticket = try await Self.openTicket(app, "Sem departamento")

            let refused = try await app.request(.POST, "/api/v1/tickets/\(ticket.id)/macros/\(macro.id)")
            let after = try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self)

            #expect(macro.departmentIDs.map(\.rawValue) == [hr.id])
            #expect(refused.status == .unprocessableEntity && refused.problem?.fields == ["macroId"])
            #expect(after.priority == .normal)
        }
    }

    // MARK: Availability and assignment

    @Test("Availability: online until set; agents set their own, managers anyone's; GET reads it back")
    func availability() async throws {
        try await TestApp.run(.sqlite) { app in
            let bruno = try await app.post(
                "/api/v1/agents", ["name": "Bruno", "email": "bruno@acme.example", "role": "agent"] as JSON
            ).json(AgentDTO.self)
            let token = try await DeskSetup.createToken(email: "bruno@acme.example", name: "teste", services: app.services)
            let path = "/api/v1/agents/\(bruno.id)/availability"

            let before = try await app.get(path)
            let put = try await app.request(.PUT, path, json: ["availability": "away"] as JSON)
            let after = try await app.get(path)
            let own = try await app.request(.PUT, path, json: ["availability": "offline"] as JSON, token: token)
            let ownRead = try await app.get(path, token: token)
            let others = try await app.request(
                .PUT, "/api/v1/agents/\(app.admin.id)/availability", json: ["availability": "offline"] as JSON, token: token)
            let adminRead = try await app.get("/api/v1/agents/\(app.admin.id)/availability")
            let bad = try await app.request(.PUT, path, json: ["availability": "dormindo"] as JSON)
            let unknown = try await app.get("/api/v1/agents/\(UUID())/availability")
            let unknownPut = try await app.request(
                .PUT, "/api/v1/agents/\(UUID())/availability", json: ["availability": "away"] as JSON)

            #expect(before.status == .ok && before.object["availability"] as? String == "online")
            #expect(put.status == .noContent)
            #expect(after.object["availability"] as? String == "away")
            #expect(own.status == .noContent)
            #expect(ownRead.object["availability"] as? String == "offline")
            #expect(others.status == .forbidden)
            #expect(adminRead.object["availability"] as? String == "online")
            #expect(bad.status == .badRequest && bad.problem?.fields == ["availability"])
            #expect(unknown.status == .notFound && unknownPut.status == .notFound)
        }
    }

    @Test("A department's round-robin assignment skips agents who are away and takes turns among the others")
    func roundRobin() async throws {
        try await TestApp.run(.sqlite) { app in
            let it = try await app.post("/api/v1/departments", ["name": "TI", "kind": "internal"] as JSON).json(DepartmentDTO.self)
            let bruno = try await app.post(
                "/api/v1/agents",
                ["name": "Bruno", "email": "bruno@acme.example", "departmentIds": [.string(it.id.uuidString)]] as JSON
            ).json(AgentDTO.self)
            let carla = try await app.post(
                "/api/v1/agents",
                ["name": "Carla", "email": "carla@acme.example", "departmentIds": [.string(it.id.uuidString)]] as JSON
            ).json(AgentDTO.self)
            let path = "/api/v1/departments/\(it.id)/automation"
            let defaults = try await app.get(path).json(DepartmentAutomation.self)
            let saved = try await app.request(.PUT, path, json: ["assignment": "round_robin"] as JSON)
            let read = try await app.get(path).json(DepartmentAutomation.self)
            let inTI: [String: JSON] = ["departmentId": .string(it.id.uuidString)]

            _ = try await app.request(.PUT, "/api/v1/agents/\(bruno.id)/availability", json: ["availability": "away"] as JSON)
            let first = try await Self.openTicket(app, "Monitor piscando", extra: inTI)
            let second = try await Self.openTicket(app, "Teclado sem fio", extra: inTI)
            _ = try await app.request(.PUT, "/api/v1/agents/\(bruno.id)/availability", json: ["availability": "online"] as JSON)
            let third = try await Self.openTicket(app, "Mouse travando", extra: inTI)
            let fourth = try await Self.openTicket(app, "Webcam sem imagem", extra: inTI)
            let outside = try await Self.openTicket(app, "Sem departamento")
            let unknownCalendar = try await app.request(
                .PUT, path, json: ["assignment": "manual", "calendarId": .string(UUID().uuidString)] as JSON)
            let unknownDepartment = try await app.get("/api/v1/departments/\(UUID())/automation")

            #expect(defaults.assignment == .manual && defaults.calendarID == nil)
            #expect(saved.status == .ok)
            #expect(read.assignment == .roundRobin && read.departmentID.rawValue == it.id)
            #expect(first.assigneeId == carla.id && second.assigneeId == carla.id)
            #expect(third.assigneeId == bruno.id)
            #expect(fourth.assigneeId == carla.id)
            #expect(first.status == .open)
            #expect(outside.assigneeId == nil && outside.status == .new)
            #expect(unknownCalendar.status == .unprocessableEntity && unknownCalendar.problem?.fields == ["calendarId"])
            #expect(unknownDepartment.status == .notFound)
        }
    }

    // MARK: Scheduler

    @Test("A scheduler tick runs a time rule once per ticket and records an SLA breach once")
    func schedulerTick() async throws {
        try await TestApp.run(.sqlite) { app in
            let calendar = try await Self.createCalendar(app)
            _ = try await Self.createPolicy(
                app, calendar: calendar, name: "Relâmpago", targets: ["urgent": ["firstResponse": 1]] as JSON)
            let rule: JSON = [
                "kind": "time_rule", "name": "Novos sem dono",
                "conditions": [
                    "all": [
                        ["field": "status", "operator": "is", "value": "new"],
                        ["field": "hours_since_created", "operator": "greater_than", "value": "0"],
                    ]
                ],
                "actions": [["type": "add_tags", "value": "revisar"]],
            ]
            let created = try await app.post("/api/v1/rules", rule)
            let ticket = try await Self.openTicket(app, "Servidor fora do ar", extra: ["priority": "urgent"])
            try await Task.sleep(for: .milliseconds(1500))

            let first = try await app.services.automationRunner.tick()
            let second = try await app.services.automationRunner.tick()
            let after = try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self)
            let events = try await app.get("/api/v1/tickets/\(ticket.id)/events").json(ListDTO<TicketEventDTO>.self).data

            #expect(created.status == .created)
            #expect(first.timeRulesFired == 1 && first.breachesRecorded == 1)
            #expect(second.timeRulesFired == 0 && second.breachesRecorded == 0)
            #expect(after.tags == ["revisar"])
            #expect(after.sla?.firstResponse?.breached == true)
            #expect(events.filter { $0.field == "sla_breach" }.count == 1)
            #expect(events.filter { $0.field == "sla_breach" }.first?.oldValue == "first_response")
        }
    }
}
