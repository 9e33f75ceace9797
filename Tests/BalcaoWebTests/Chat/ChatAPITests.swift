import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Chat through the REST API")
struct ChatAPITests {
    @Test("An integration reads a chat, accepts, transfers and ends it; mistakes are problems naming what is wrong",
        arguments: TestDatabase.available)
    func lifecycle(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let department = try await ChatProtocolTests.chatDesk(app)
            let (client, _, ticket) = try await ChatProtocolTests.startedChat(app, department)
            let beto = try await ChatRoutingTests.agent(app, "Beto Chat", "beto@balcao.example", in: [department])
            let path = "/api/v1/tickets/\(ticket.number)/chat"

            let waiting = try await app.get(path).json(ChatDTO.self)
            let accepted = try await app.post("\(path)/accept", [:] as JSON)
            let told = await client.frames(until: "state").last
            let both = try await app.post(
                "\(path)/transfer", ["agentId": .string(beto.id.description), "departmentId": .string(department.description)] as JSON)
            let toBeto = try await app.post("\(path)/transfer", ["agentId": .string(beto.id.description), "reason": "Turno"] as JSON)
            let ended = try await app.post("\(path)/end", [:] as JSON)
            let afterEnd = try await app.post("\(path)/accept", [:] as JSON)
            let mailed = try await app.post("/api/v1/tickets", TicketsAPITests.newTicket).json(TicketDTO.self)
            let notChat = try await app.get("/api/v1/tickets/\(mailed.number)/chat")

            #expect(waiting.state == .waiting && waiting.agentId == nil && waiting.visitorConnected)
            #expect(accepted.status == .ok)
            #expect(try accepted.json(ChatDTO.self).agentId == app.admin.id.rawValue)
            #expect(told?.state == "active" && told?.agent == "Ana Admin")
            #expect(both.status == .unprocessableEntity)
            #expect(try toBeto.json(ChatDTO.self).agentName == "Beto Chat")
            #expect(try ended.json(ChatDTO.self).state == .ended)
            #expect(afterEnd.status == .conflict && afterEnd.text.contains("chat-ended"))
            #expect(notChat.status == .notFound)
            try await client.close()
        }
    }

    @Test("Admins set a department's widget and agents' limits through the API; others may only read")
    func settings() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await ChatProtocolTests.chatDesk(app)
            let beto = try await ChatRoutingTests.agent(app, "Beto Chat", "beto@balcao.example", in: [department])
            let betoToken = try await DeskSetup.createToken(email: "beto@balcao.example", name: "teste", services: app.services)
            let widgetPath = "/api/v1/departments/\(department)/chat-widget"
            let limitPath = "/api/v1/agents/\(beto.id)/chat-limit"
            let widget: JSON = [
                "enabled": true, "allowedOrigins": ["https://Loja.example/"], "greeting": ["pt-BR": "Oi!"],
                "color": "#AA3300", "followsBusinessHours": true, "prechat": ["requiresName": false],
            ]

            let saved = try await app.request(.PUT, widgetPath, json: widget)
            let read = try await app.get(widgetPath).json(ChatWidgetDTO.self)
            let byAgent = try await app.request(.PUT, widgetPath, json: widget, token: betoToken)
            let badColor = try await app.request(.PUT, widgetPath, json: ["enabled": true, "color": "red"] as JSON)
            let limit = try await app.request(.PUT, limitPath, json: ["limit": 2] as JSON).json(ChatLimitDTO.self)
            let tooMany = try await app.request(.PUT, limitPath, json: ["limit": 50] as JSON)
            let agentSetsOwn = try await app.request(.PUT, limitPath, json: ["limit": 9] as JSON, token: betoToken)
            let back = try await app.request(.PUT, limitPath, json: ["limit": nil] as JSON).json(ChatLimitDTO.self)

            #expect(saved.status == .ok)
            #expect(read.enabled && read.allowedOrigins == ["https://loja.example"] && read.color == "#aa3300")
            #expect(read.followsBusinessHours == true && read.prechat?.requiresName == false)
            #expect(read.greeting?.values == ["pt-BR": "Oi!"])
            #expect(byAgent.status == .forbidden)
            #expect(badColor.status == .unprocessableEntity && badColor.text.contains("#rrggbb"))
            #expect(limit.limit == 2 && !limit.isDefault && limit.openChats == 0)
            #expect(tooMany.status == .unprocessableEntity)
            #expect(agentSetsOwn.status == .forbidden)
            #expect(back.limit == ChatRouting.defaultLimit && back.isDefault)
        }
    }
}
