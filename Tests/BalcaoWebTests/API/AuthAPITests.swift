import BalcaoCore
import BalcaoTestSupport
import BalcaoStore
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("API authentication and authorization")
struct AuthAPITests {
    @Test("Without a valid token the API answers 401 with a Bearer challenge")
    func unauthenticated() async throws {
        try await TestApp.run(.sqlite) { app in
            let missing = try await app.get("/api/v1/tickets", token: .some(nil))
            let wrong = try await app.get("/api/v1/tickets", token: "blc_" + String(repeating: "0", count: 64))
            let malformed = try await app.get("/api/v1/contacts", token: "abc")

            for reply in [missing, wrong, malformed] {
                #expect(reply.status == .unauthorized)
                #expect(reply.headers.first(name: .wwwAuthenticate) == "Bearer realm=\"balcao\"")
                #expect(reply.problem?.status == 401)
            }
        }
    }

    @Test("The OpenAPI document is public")
    func openAPIIsPublic() async throws {
        try await TestApp.run(.sqlite) { app in
            let reply = try await app.get("/api/v1/openapi.json", token: .some(nil))

            #expect(reply.status == .ok)
            #expect((reply.object["openapi"] as? String)?.hasPrefix("3.1") == true)
        }
    }

    @Test("Agents read the desk's configuration but only admins change it")
    func adminOnlyConfiguration() async throws {
        try await TestApp.run(.sqlite) { app in
            let agent = try await app.post(
                "/api/v1/agents", ["name": "Bruno", "email": "bruno@acme.example", "role": "agent"] as JSON
            ).json(AgentDTO.self)
            let token = try await DeskSetup.createToken(email: "bruno@acme.example", name: "teste", services: app.services)

            let list = try await app.get("/api/v1/departments", token: token)
            let me = try await app.get("/api/v1/agents/me", token: token).json(AgentDTO.self)
            let create = try await app.request(.POST, "/api/v1/departments", json: ["name": "TI", "kind": "internal"] as JSON, token: token)
            let promote = try await app.request(.PATCH, "/api/v1/agents/\(agent.id)", json: ["role": "admin"] as JSON, token: token)
            let rename = try await app.request(.PATCH, "/api/v1/agents/\(agent.id)", json: ["name": "Bruno Lima"] as JSON, token: token)

            #expect(list.status == .ok)
            #expect(me.email == "bruno@acme.example" && me.role == .agent)
            #expect(create.status == .forbidden)
            #expect(promote.status == .forbidden)
            #expect(try rename.json(AgentDTO.self).name == "Bruno Lima")
        }
    }

    @Test("A deactivated agent's tokens stop working")
    func deactivationRevokesTokens() async throws {
        try await TestApp.run(.sqlite) { app in
            let agent = try await app.post(
                "/api/v1/agents", ["name": "Célia", "email": "celia@acme.example", "password": "uma-senha-longa"] as JSON
            ).json(AgentDTO.self)
            let token = try await DeskSetup.createToken(email: "celia@acme.example", name: "teste", services: app.services)
            let before = try await app.get("/api/v1/tickets", token: token)

            let deactivated = try await app.request(.DELETE, "/api/v1/agents/\(agent.id)").json(AgentDTO.self)
            let after = try await app.get("/api/v1/tickets", token: token)

            #expect(before.status == .ok)
            #expect(!deactivated.active)
            #expect(after.status == .unauthorized)
        }
    }

    @Test("Passwords are checked and stored as bcrypt hashes")
    func passwords() async throws {
        try await TestApp.run(.sqlite) { app in
            let short = try await app.post("/api/v1/agents", ["name": "D", "email": "d@acme.example", "password": "curta"] as JSON)
            let agent = try await app.post(
                "/api/v1/agents", ["name": "E", "email": "e@acme.example", "password": "frase longa e secreta"] as JSON
            ).json(AgentDTO.self)
            let hash = try await app.services.credentials.passwordHash(for: Agent.ID(rawValue: agent.id))

            #expect(short.status == .unprocessableEntity && short.problem?.fields == ["password"])
            #expect(hash?.hasPrefix("$2b$") == true)
            #expect(try Bcrypt.verify("frase longa e secreta", created: hash ?? ""))
        }
    }
}
