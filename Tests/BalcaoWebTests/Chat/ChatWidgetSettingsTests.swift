import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Chat widget settings: colour, business hours, pre-chat form")
struct ChatWidgetSettingsTests {
    /// A department with an order-number field (required) and a product dropdown, and its chat on.
    static func shop(_ app: TestApp, name: String = "Loja online") async throws -> Department.ID {
        let created = try await app.post(
            "/api/v1/departments",
            ["name": .string(name), "kind": "external", "tier": 1,
             "customFields": [
                ["key": "pedido", "label": "Número do pedido", "kind": "text", "required": true],
                ["key": "produto", "label": "Produto", "kind": "dropdown", "options": ["Tênis", "Mochila"]],
             ]] as JSON)
        let id = try #require(Department.ID(try created.json(DepartmentDTO.self).id.uuidString))
        try await app.services.chatStore.save(ChatWidget(departmentID: id, allowedOrigins: [app.baseURL]))
        return id
    }

    static func admin(_ app: TestApp) async throws -> (PageSession, String) {
        let admin = PageSession(app)
        try await admin.signIn(email: "ana@balcao.example", password: "senha-muito-segura")
        return (admin, try #require(PageSession.csrf(in: try await admin.get("/agent/admin/chat").text)))
    }

    static func hello(_ client: ChatClient, _ department: Department.ID) async throws -> ChatClient.Frame? {
        try await client.send(["type": "hello", "departmentId": department.description, "language": "pt-BR"])
        return await client.nextReady()
    }

    @Test("An admin sets the colour, the form's fields and the departments to choose; the widget gets them on hello")
    func form() async throws {
        try await TestApp.run(.sqlite) { app in
            let shop = try await Self.shop(app)
            let billing = try await Self.shop(app, name: "Financeiro")
            let closed = try await app.post(
                "/api/v1/departments", ["name": "Fechado", "kind": "external", "tier": 1] as JSON).json(DepartmentDTO.self)
            let (admin, csrf) = try await Self.admin(app)

            let saved = try await admin.post(
                "/agent/admin/chat/\(shop)",
                [("enabled", "on"), ("origins", app.baseURL), ("color", "#AA3300"), ("field_pedido", "on"),
                 ("choice_\(billing)", "on"), ("choice_\(closed.id)", "on")],
                csrf: csrf)
            let badColor = try await admin.post(
                "/agent/admin/chat/\(shop)", [("enabled", "on"), ("color", "vermelho")], csrf: csrf)
            let unknownField = try await admin.post(
                "/agent/admin/chat/\(shop)", [("enabled", "on"), ("field_cor", "on")], csrf: csrf)
            let page = try await admin.get("/agent/admin/chat").text
            let client = try await ChatClient.connect(app)
            let ready = try await Self.hello(client, shop)
            let off = try await Self.hello(client, Department.ID(rawValue: closed.id))

            #expect(saved.status == .seeOther)
            #expect(badColor.status == .unprocessableEntity && badColor.text.contains("#rrggbb"))
            #expect(unknownField.status == .unprocessableEntity && unknownField.text.contains("no custom field cor"))
            #expect(page.contains("name=\"color\" value=\"#aa3300\"") && page.contains("name=\"field_pedido\" checked"))
            #expect(ready?.color == "#aa3300" && ready?.available == true)
            #expect(ready?.form?.requiresName == false)
            #expect(ready?.form?.fields.map(\.key) == ["pedido"] && ready?.form?.fields.first?.required == true)
            // The other department has its chat off: it is not offered.
            #expect(ready?.departments == [.init(id: shop.description, name: "Loja online"), .init(id: billing.description, name: "Financeiro")])
            #expect(off?.available == false && off?.online == false)
            try await client.close()
        }
    }

    @Test("The form's rules hold on start: a required name and field are asked for, the answers fill the ticket")
    func start() async throws {
        try await TestApp.run(.sqlite) { app in
            let shop = try await Self.shop(app)
            try await app.services.chatStore.save(
                ChatWidget(
                    departmentID: shop, allowedOrigins: [app.baseURL],
                    prechat: ChatPrechatForm(requiresName: true, customFieldKeys: ["pedido", "produto"])))
            let client = try await ChatClient.connect(app)
            var noName = ChatProtocolTests.start(shop)
            noName["name"] = ""
            var noOrder = ChatProtocolTests.start(shop)
            noOrder["fields"] = ["produto": "Mochila"]
            var complete = ChatProtocolTests.start(shop)
            complete["fields"] = ["pedido": " 48213 ", "produto": "Mochila"]

            try await client.send(noName)
            let nameRefused = await client.next()
            try await client.send(noOrder)
            let orderRefused = await client.next()
            try await client.send(complete)
            let welcome = try #require(await client.frames(until: "ack").first { $0.type == "welcome" })
            let ticket = try await app.get("/api/v1/tickets/\(try #require(welcome.number))").json(TicketDTO.self)

            #expect(nameRefused?.code == "bad_frame" && nameRefused?.message == "a name is required")
            #expect(orderRefused?.code == "bad_frame" && orderRefused?.message == "Número do pedido is required")
            #expect(ticket.customFields["pedido"] == .string("48213") && ticket.customFields["produto"] == .string("Mochila"))
            try await client.close()
        }
    }

    @Test("A widget that follows business hours is offline when the department's calendar is closed, and says when it opens")
    func businessHours() async throws {
        try await TestApp.run(.sqlite) { app in
            let shop = try await Self.shop(app)
            // Open only on a day three days from today (UTC): closed now, whatever today is.
            let days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let openDay = days[(utc.component(.weekday, from: Date()) - 1 + 3) % 7]
            let calendar = try await app.post(
                "/api/v1/calendars",
                ["name": "Só um dia", "timeZoneIdentifier": "UTC",
                 "weeklyHours": .object([openDay: [["start": "09:00", "end": "18:00"]]])] as JSON)
            #expect(calendar.status == .created, "\(calendar.text)")
            let beto = try await ChatRoutingTests.agent(app, "Beto Chat", "beto@balcao.example", in: [shop])
            let workspace = try await ChatClient.workspace(app, session: beto.session, agent: beto.id)
            let client = try await ChatClient.connect(app)
            let alwaysOpen = try await Self.hello(client, shop)

            try await app.services.chatStore.save(
                ChatWidget(departmentID: shop, allowedOrigins: [app.baseURL], followsBusinessHours: true))
            let closed = try await Self.hello(client, shop)
            let opensAt = try #require(closed?.opensAt.flatMap { ISO8601DateFormatter().date(from: $0) })

            #expect(alwaysOpen?.online == true && alwaysOpen?.opensAt == nil, "an agent at the desk makes the chat online")
            #expect(closed?.online == false, "outside business hours the chat is offline")
            #expect(opensAt > Date() && opensAt < Date().addingTimeInterval(4 * 86400))
            #expect(utc.component(.hour, from: opensAt) == 9 && days[utc.component(.weekday, from: opensAt) - 1] == openDay)
            try await client.close()
            try await workspace.close()
        }
    }
}

@Suite("Chat admin page")
struct ChatAdminPageTests {
    @Test("An admin turns a department's chat on with its sites and greeting and gets the line to paste")
    func configure() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await app.post(
                "/api/v1/departments", ["name": "Loja", "kind": "external", "tier": 1] as JSON).json(DepartmentDTO.self)
            let admin = PageSession(app)
            try await admin.signIn(email: "ana@balcao.example", password: "senha-muito-segura")
            let csrf = try #require(PageSession.csrf(in: try await admin.get("/agent/admin/chat").text))

            let saved = try await admin.post(
                "/agent/admin/chat/\(department.id)",
                [("enabled", "on"), ("origins", "https://Loja.example/\nhttps://m.loja.example"), ("greeting_pt-BR", "Oi! Como ajudar?")],
                csrf: csrf)
            let bad = try await admin.post(
                "/agent/admin/chat/\(department.id)", [("enabled", "on"), ("origins", "loja.example/caminho")], csrf: csrf)
            let page = try await admin.get("/agent/admin/chat").text
            let widget = try await app.services.chat.widget(for: Department.ID(rawValue: department.id))
            let client = try await ChatClient.connect(app)
            try await client.send(["type": "hello", "departmentId": department.id.uuidString, "language": "pt-BR"])
            let ready = await client.nextReady()
            let script = try await PageSession(app).get("/chat/widget.js")

            #expect(script.status == .ok && script.text.contains("attachShadow"))
            #expect(saved.status == .seeOther && bad.status == .unprocessableEntity)
            #expect(widget?.isEnabled == true && widget?.allowedOrigins == ["https://loja.example", "https://m.loja.example"])
            #expect(page.contains("/chat/widget.js&quot; data-department=&quot;\(department.id.uuidString)"))
            #expect(ready?.online == false && ready?.greeting == "Oi! Como ajudar?")
        }
    }
}
