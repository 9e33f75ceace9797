import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Tickets API")
struct TicketsAPITests {
    static let newTicket: JSON = [
        "subject": "Impressora do 2º andar não imprime",
        "body": "Desde ontem aparece “erro 49.4C02” na HP LaserJet M428.",
        "requester": ["email": "Joana.Silva@cliente.example", "name": "Joana Silva"],
        "priority": "high", "type": "incident", "tags": ["Impressora", "hp"],
    ]

    @Test("Create → reply → note → solve → reopened by the requester → solve → close", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let created = try await app.post("/api/v1/tickets", Self.newTicket)
            let ticket = try created.json(TicketDTO.self)
            let path = "/api/v1/tickets/\(ticket.id)"

            let reply = try await app.post("\(path)/messages", ["kind": "reply", "body": "Pode reiniciar?", "status": "pending"] as JSON)
            let note = try await app.post("\(path)/messages", ["kind": "note", "body": "Toner original acabou."] as JSON)
            let solved = try await app.patch(path, ["status": "solved"] as JSON)
            let reopen = try await app.post(
                "\(path)/messages",
                ["kind": "reply", "body": "Voltou a falhar.", "authorContactId": .string(ticket.requesterId.uuidString)] as JSON)
            let afterReopen = try await app.get(path).json(TicketDTO.self)
            _ = try await app.patch(path, ["status": "solved"] as JSON)
            let closed = try await app.patch("/api/v1/tickets/\(ticket.number)", ["status": "closed"] as JSON)
            let messages = try await app.get("\(path)/messages").json(ListDTO<MessageDTO>.self).data
            let events = try await app.get("\(path)/events").json(ListDTO<TicketEventDTO>.self).data

            #expect(created.status == .created)
            #expect(created.headers.first(name: .location) == path)
            #expect(ticket.status == .new && ticket.number == 1001 && ticket.tags == ["hp", "impressora"])
            #expect(reply.status == .created && note.status == .created && reopen.status == .created)
            #expect(try solved.json(TicketDTO.self).status == .solved)
            #expect(afterReopen.status == .open)
            #expect(afterReopen.firstResponseAt != nil)
            #expect(try closed.json(TicketDTO.self).status == .closed)
            #expect(messages.map(\.kind) == [.reply, .reply, .note, .reply])
            #expect(messages[0].author.type == "contact" && messages[1].author.id == app.admin.id.rawValue)
            #expect(messages[0].html.contains("“erro 49.4C02”"))
            let statusTrail = events.filter { $0.field == "status" }.compactMap(\.newValue)
            #expect(statusTrail == ["open", "pending", "solved", "open", "solved", "closed"])
            #expect(events.first?.field == "created" && events.first?.actor.id == app.admin.id.rawValue)

            let late = try await app.post("\(path)/messages", ["kind": "reply", "body": "Oi?"] as JSON)
            #expect(late.status == .conflict)
            #expect(late.problem?.type.hasSuffix("ticket-closed") == true)
        }
    }

    @Test("Invalid input is a 4xx problem naming the field, and nothing is saved")
    func validationProblems() async throws {
        try await TestApp.run(.sqlite) { app in
            let cases: [(JSON, HTTPStatus, String)] = [
                (["body": "x", "requester": ["email": "a@b.example"]], .badRequest, "subject"),
                (["subject": "  ", "body": "x", "requester": ["email": "a@b.example"]], .unprocessableEntity, "subject"),
                (["subject": "Oi", "body": "", "requester": ["email": "a@b.example"]], .unprocessableEntity, "body"),
                (["subject": "Oi", "body": "x", "requester": ["email": "não-é-email"]], .unprocessableEntity, "requester.email"),
                (["subject": "Oi", "body": "x", "requester": ["email": "a@b.example"], "priority": "asap"], .badRequest, "priority"),
                (["subject": 42, "body": "x", "requester": ["email": "a@b.example"]], .badRequest, "subject"),
                (["subject": "Oi", "body": "x", "requester": ["email": "a@b.example"], "departmentId": .string(UUID().uuidString)], .unprocessableEntity, "departmentId"),
                (["subject": "Oi", "body": "x", "requester": ["email": "a@b.example"], "customFields": ["cor": "azul"]], .unprocessableEntity, "customFields.cor"),
            ]
            for (body, status, field) in cases {
                let reply = try await app.post("/api/v1/tickets", body)

                #expect(reply.status == status, "\(field)")
                #expect(reply.headers.contentType?.subType == "problem+json")
                #expect(reply.problem?.fields.contains(field) == true, "\(field): \(String(decoding: reply.body, as: UTF8.self))")
            }
            let malformed = try await app.request(.POST, "/api/v1/tickets", rawBody: Data("{oops".utf8), contentType: "application/json")
            #expect(malformed.status == .badRequest)
            #expect(try await app.get("/api/v1/tickets").json(TicketPageDTO.self).data.isEmpty)
        }
    }

    @Test("Unknown tickets are 404 problems, by id, by number or by nonsense")
    func unknownTickets() async throws {
        try await TestApp.run(.sqlite) { app in
            for path in ["/api/v1/tickets/\(UUID())", "/api/v1/tickets/99999", "/api/v1/tickets/nada", "/api/v1/nowhere"] {
                let reply = try await app.get(path)

                #expect(reply.status == .notFound, "\(path)")
                #expect(reply.problem?.status == 404, "\(path)")
            }
        }
    }

    @Test("A status change the lifecycle forbids is refused")
    func forbiddenTransition() async throws {
        try await TestApp.run(.sqlite) { app in
            let ticket = try await app.post("/api/v1/tickets", Self.newTicket).json(TicketDTO.self)

            let reply = try await app.patch("/api/v1/tickets/\(ticket.id)", ["status": "closed"] as JSON)

            #expect(reply.status == .unprocessableEntity)
            #expect(reply.problem?.fields == ["status"])
            #expect(try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self).status == .new)
        }
    }

    @Test("PATCH leaves absent fields alone and clears fields sent as null")
    func patchSemantics() async throws {
        try await TestApp.run(.sqlite) { app in
            let ticket = try await app.post("/api/v1/tickets", Self.newTicket).json(TicketDTO.self)
            let path = "/api/v1/tickets/\(ticket.id)"

            let assigned = try await app.patch(path, ["assigneeId": .string(app.admin.id.rawValue.uuidString), "category": "hardware"] as JSON)
                .json(TicketDTO.self)
            let untouched = try await app.patch(path, ["priority": "urgent"] as JSON).json(TicketDTO.self)
            let cleared = try await app.patch(path, ["assigneeId": nil, "category": nil] as JSON).json(TicketDTO.self)

            #expect(assigned.assigneeId == app.admin.id.rawValue && assigned.category == "hardware")
            #expect(untouched.assigneeId == app.admin.id.rawValue && untouched.priority == .urgent)
            #expect(cleared.assigneeId == nil && cleared.category == nil && cleared.priority == .urgent)
        }
    }

    @Test("Lists filter, sort and page with an opaque cursor", arguments: TestDatabase.available)
    func listing(database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            for (index, priority) in ["low", "urgent", "normal", "urgent", "high"].enumerated() {
                _ = try await app.post(
                    "/api/v1/tickets",
                    ["subject": .string("Chamado \(index)"), "body": "x", "requester": ["email": "a@b.example"],
                     "priority": .string(priority), "tags": index.isMultiple(of: 2) ? ["vpn"] : []] as JSON)
            }

            let urgent = try await app.get("/api/v1/tickets?priority=urgent").json(TicketPageDTO.self)
            let tagged = try await app.get("/api/v1/tickets?tag=VPN&sort=number").json(TicketPageDTO.self)
            let first = try await app.get("/api/v1/tickets?sort=-priority&limit=2").json(TicketPageDTO.self)
            let cursor = try #require(first.nextCursor)
            let second = try await app.get("/api/v1/tickets?sort=-priority&limit=2&cursor=\(cursor)").json(TicketPageDTO.self)
            let wrongSort = try await app.get("/api/v1/tickets?sort=number&cursor=\(cursor)")
            let badParameters = try await app.get("/api/v1/tickets?limit=0&status=nope&updatedSince=ontem")

            #expect(urgent.data.map(\.number) == [1004, 1002])
            #expect(tagged.data.map(\.number) == [1001, 1003, 1005])
            #expect(first.data.map(\.number) == [1004, 1002])
            #expect(second.data.map(\.number) == [1005, 1003])
            #expect(wrongSort.status == .unprocessableEntity && wrongSort.problem?.fields == ["cursor"])
            #expect(Set(badParameters.problem?.fields ?? []) == ["limit", "status", "updatedSince"])
        }
    }
}
