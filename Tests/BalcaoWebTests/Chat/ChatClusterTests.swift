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
}
