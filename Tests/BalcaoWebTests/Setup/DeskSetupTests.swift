import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Desk set-up commands")
struct DeskSetupTests {
    @Test("Demo data never mixes with a desk that already has agents")
    func demoRefusesAPopulatedDesk() async throws {
        try await TestApp.run(.sqlite) { app in
            let summary = try await DeskSetup.seedDemo(services: app.services)

            #expect(summary == nil)
            #expect(try await app.services.ticketStore.tickets(TicketQuery()).tickets.isEmpty)
        }
    }

    @Test("Demo mailboxes route mail to their departments out of the box")
    func demoMailboxes() async throws {
        try await TestApp.run(.sqlite) { app in
            let support = try await app.post("/api/v1/departments", ["name": "Customer Support", "kind": "external"] as JSON)
                .json(DepartmentDTO.self)
            try await DeskSetup.addDemoMailboxes(services: app.services)
            let mailbox = try #require(try await app.services.mailStore.mailbox(address: EmailAddress("suporte@balcao.example")!))
            #expect(mailbox.departmentID?.rawValue == support.id)
            #expect(try await app.services.mailStore.mailboxes().count == 1)  // only desks that exist
        }
    }

    @Test("An admin gets a working password and token; a weak password or a taken email is refused")
    func createAdmin() async throws {
        try await TestApp.run(.sqlite) { app in
            let admin = try await DeskSetup.createAdmin(
                name: "Beatriz", email: "beatriz@acme.example", password: nil, app: app.app, services: app.services)
            let hash = try await app.services.credentials.passwordHash(for: admin.agent.id)
            let me = try await app.get("/api/v1/agents/me", token: admin.apiToken).json(AgentDTO.self)

            #expect(admin.password.count == 20)
            #expect(try Bcrypt.verify(admin.password, created: hash ?? ""))
            #expect(me.email == "beatriz@acme.example" && me.role == .admin)
            await #expect(throws: ValidationError(field: "password", "must be at least 10 characters")) {
                try await DeskSetup.createAdmin(name: "X", email: "x@acme.example", password: "curta", app: app.app, services: app.services)
            }
            await #expect(throws: DirectoryError.emailTaken(EmailAddress("beatriz@acme.example")!)) {
                try await DeskSetup.createAdmin(name: "B", email: "beatriz@acme.example", password: nil, app: app.app, services: app.services)
            }
        }
    }

    @Test("A token is only made for an active agent that exists")
    func createToken() async throws {
        try await TestApp.run(.sqlite) { app in
            await #expect(throws: ValidationError(field: "email", "no active agent has this email")) {
                try await DeskSetup.createToken(email: "ninguem@acme.example", name: "x", services: app.services)
            }
        }
    }
}
