import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Chat across instances")
struct ChatClusterTests {
    @Test("A visitor on one instance and the agent on another see each other's lines (PostgreSQL LISTEN/NOTIFY)",
        .enabled(if: TestDatabase.available.contains(.postgres)))
    func twoInstances() async throws {
        try await TestApp.runPair { visitorSide, agentSide in
            let department = try await ChatProtocolTests.chatDesk(visitorSide)
            let client = try await ChatClient.connect(visitorSide)
            try await client.send(ChatProtocolTests.start(department))
            let welcome = try #require(await client.frames(until: "ack").first { $0.type == "welcome" })
            let number = try #require(welcome.number)
            let agent = PageSession(agentSide)
            try await agent.signIn(email: "ana@balcao.example", password: "senha-muito-segura")
            let workspace = try await ChatClient.workspace(agentSide, session: agent, agent: agentSide.admin.id)
            let page = try await agent.get("/agent/tickets/\(number)").text
            let csrf = try #require(PageSession.csrf(in: page))

            let replied = try await agent.post(
                "/agent/tickets/\(number)/messages", [("kind", "reply"), ("body", "Oi! Sou do outro servidor.")],
                csrf: csrf)
            let line = await client.frames(until: "line").last
            try await client.send(ChatProtocolTests.line("Que rápido!", clientID: UUID()))
            _ = await client.frames(until: "ack")
            let pushed = await workspace.frames(until: "change", timeout: 15).filter { $0.type == "change" }
            let ended = try await agent.post("/agent/tickets/\(number)/chat/end", [], csrf: csrf)
            let state = await client.frames(until: "state").last

            #expect(replied.status == .seeOther)
            #expect(line?.from == "agent" && line?.text == "Oi! Sou do outro servidor.")
            #expect(pushed.last?.type == "change")
            #expect(ended.status == .seeOther && state?.state == "ended")
            try await workspace.close()
        }
    }

    @Test("An agent at the desk on one instance makes the department online on the other; typing and presence cross",
        .enabled(if: TestDatabase.available.contains(.postgres)))
    func presenceAcrossInstances() async throws {
        try await TestApp.runPair { visitorSide, agentSide in
            let department = try await ChatProtocolTests.chatDesk(visitorSide)
            let created = try await visitorSide.post(
                "/api/v1/agents",
                ["name": "Beto Chat", "email": "beto@balcao.example", "role": "agent",
                 "departmentIds": [.string(department.description)], "password": "senha-do-beto-123"] as JSON
            ).json(AgentDTO.self)
            let beto = Agent.ID(rawValue: created.id)
            let client = try await ChatClient.connect(visitorSide)
            try await client.send(["type": "hello", "departmentId": department.description])
            let nobody = await client.nextReady()

            let session = PageSession(agentSide)
            try await session.signIn(email: "beto@balcao.example", password: "senha-do-beto-123")
            let workspace = try await ChatClient.workspace(agentSide, session: session, agent: beto)
            let online = try await Self.eventually { await visitorSide.services.workspaceConnections.isConnected(beto) }
            try await client.send(["type": "hello", "departmentId": department.description])
            let someone = await client.nextReady()

            try await client.send(ChatProtocolTests.start(department))
            let welcome = try #require(await client.frames(until: "ack").first { $0.type == "welcome" })
            let ticket = try await visitorSide.get("/api/v1/tickets/\(try #require(welcome.number))").json(TicketDTO.self)
            let visitorSeen = try await Self.eventually {
                await agentSide.services.presence.viewers(of: ticket.id).contains { $0.agentID == ticket.requesterId }
            }
            try await workspace.send(["type": "ticket", "id": ticket.id.uuidString])
            try await workspace.send(["type": "typing", "id": ticket.id.uuidString, "typing": true])
            let typing = await client.frames(until: "typing").last

            try await workspace.close()
            let gone = try await Self.eventually { await !visitorSide.services.workspaceConnections.isConnected(beto) }

            #expect(nobody?.online == false)
            #expect(online && someone?.online == true, "the visitor's instance never saw the agent at the desk")
            #expect(visitorSeen, "the agent's instance never saw the visitor on the ticket")
            #expect(typing?.on == true && typing?.name == "Beto Chat")
            #expect(gone, "the agent stayed online on the visitor's instance after closing the workspace")
            try await client.close()
        }
    }

    /// Polls `condition` for up to 15 seconds (NOTIFY crosses instances in milliseconds; the suite runs in parallel).
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<150 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
