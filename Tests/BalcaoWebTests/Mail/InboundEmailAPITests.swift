import BalcaoCore
import BalcaoTestSupport
import BalcaoWeb
import Foundation
import Testing
import Vapor

@Suite("POST /api/v1/inbound/email")
struct InboundEmailAPITests {
    static func raw(subject: String, messageID: String = "<\(UUID().uuidString)@cliente.example>") -> Data {
        Data(
            """
            From: Lia <lia@cliente.example>\r
            To: atendimento@balcao.example\r
            Subject: \(subject)\r
            Message-ID: \(messageID)\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Meu pedido 7781 não chegou.\r

            """.utf8)
    }

    @Test("An admin token posts a raw mail: 201 with the new ticket, 200 'duplicate' the second time", arguments: TestDatabase.available)
    func receivesMail(database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let mail = Self.raw(subject: "Pedido não chegou")
            let first = try await app.request(
                .POST, "/api/v1/inbound/email?to=atendimento@balcao.example", rawBody: mail, contentType: "message/rfc822")
            #expect(first.status == .created)
            let body = first.object
            #expect(body["outcome"] as? String == "opened")
            let number = try #require(body["ticketNumber"] as? Int)
            let ticket = try await app.get("/api/v1/tickets/\(number)")
            #expect(ticket.object["subject"] as? String == "Pedido não chegou")
            #expect(ticket.object["channel"] as? String == "email")

            let again = try await app.request(.POST, "/api/v1/inbound/email", rawBody: mail, contentType: "message/rfc822")
            #expect(again.status == .ok)
            #expect(again.object["outcome"] as? String == "duplicate")
        }
    }

    @Test("Bad input is a 4xx problem (no body, a bad 'to', an agent's token, no token); mail without a From is held, 202")
    func refusesBadInput() async throws {
        try await TestApp.run(.sqlite) { app in
            let empty = try await app.request(.POST, "/api/v1/inbound/email", rawBody: Data(), contentType: "message/rfc822")
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.problem?.errors?.first?.field == "body")

            let badTo = try await app.request(
                .POST, "/api/v1/inbound/email?to=nope", rawBody: Self.raw(subject: "x"), contentType: "message/rfc822")
            #expect(badTo.status == .unprocessableEntity)
            #expect(badTo.problem?.errors?.first?.field == "to")

            let noFrom = try await app.request(
                .POST, "/api/v1/inbound/email", rawBody: Data("Subject: oi\r\n\r\ncorpo".utf8), contentType: "message/rfc822")
            #expect(noFrom.status == .accepted)
            #expect(noFrom.object["outcome"] as? String == "quarantined")

            _ = try await app.post("/api/v1/agents", ["name": "Bruno", "email": "bruno@acme.example", "role": "agent"] as JSON)
            let agent = try await DeskSetup.createToken(email: "bruno@acme.example", name: "teste", services: app.services)
            let forbidden = try await app.request(
                .POST, "/api/v1/inbound/email", rawBody: Self.raw(subject: "x"), contentType: "message/rfc822", token: agent)
            #expect(forbidden.status == .forbidden)

            let anonymous = try await app.request(
                .POST, "/api/v1/inbound/email", rawBody: Self.raw(subject: "x"), contentType: "message/rfc822",
                token: .some(nil))
            #expect(anonymous.status == .unauthorized)
        }
    }
}
