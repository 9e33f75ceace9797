import BalcaoCore
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

/// The chat protocol against the built `balcao serve` (not the in-process test server): the binary's own
/// configuration, start-up, SIGTERM handling and database are what a deployed widget talks to. Serialized: each
/// test runs a whole server process, and the rest of the suite shares the cores.
@Suite(
    "Chat against a real balcao serve", .serialized,
    .enabled(if: ServedDesk.binary != nil, "no built balcao binary beside the tests: run swift build --build-tests"))
struct ChatServeProcessTests {
    /// A department with its chat widget on, set up as an admin does it: the department through the API, the widget
    /// on the Chat admin page (no API sets it). The desk's own origin needs no listing.
    static func chatDesk(_ desk: ServedDesk) async throws -> Department.ID {
        let created = try await desk.post(
            "/api/v1/departments", ["name": "Loja online", "kind": "external", "tier": 1] as JSON)
        let id = try #require(Department.ID(try created.json(DepartmentDTO.self).id.uuidString))
        let admin = desk.pageSession()
        let signedIn = try await admin.signIn(email: ServedDesk.adminEmail, password: ServedDesk.adminPassword)
        try #require(signedIn.status == .seeOther, "the admin made by balcao create-admin could not sign in")
        let csrf = try #require(PageSession.csrf(in: try await admin.get("/agent/admin/chat").text))
        let saved = try await admin.post("/agent/admin/chat/\(id)", [("enabled", "on"), ("origins", "")], csrf: csrf)
        try #require(saved.status == .seeOther, "the Chat admin page did not turn the widget on")
        return id
    }

    /// The ticket's messages as the API lists them (in the ticket's order).
    static func messages(_ desk: ServedDesk, ticketNumber: Int?) async throws -> [MessageDTO] {
        let ticket = try await desk.get("/api/v1/tickets/\(try #require(ticketNumber))").json(TicketDTO.self)
        return try await desk.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data
    }

    @Test("A visitor chats with a served desk: lines are acknowledged in order, a resend is stored once, bad frames are refused")
    func conversation() async throws {
        try await ServedDesk.run { desk in
            let department = try await Self.chatDesk(desk)
            let client = try await desk.chat()

            try await client.send(["type": "hello", "departmentId": department.description])
            var ready = await client.nextReady()
            // Skip late answers to the plain hellos `connect` sent: only a department's ready says who is online.
            while ready != nil, ready?.online == nil { ready = await client.nextReady() }
            let opening = UUID()
            try await client.send(ChatProtocolTests.start(department, clientID: opening))
            let started = await client.frames(until: "ack")
            let welcome = try #require(started.first { $0.type == "welcome" })
            let lineIDs = [UUID(), UUID(), UUID()]
            var acks: [ChatClient.Frame?] = []
            for (index, id) in lineIDs.enumerated() {
                try await client.send(ChatProtocolTests.line("Linha \(index + 1) do pedido 2024-1187", clientID: id))
                acks.append(await client.frames(until: "ack").last)
            }
            // The widget resends what it has no ack for; this one was acknowledged, so it must not be stored again.
            try await client.send(ChatProtocolTests.line("Linha 3 do pedido 2024-1187", clientID: lineIDs[2]))
            let resentAck = await client.frames(until: "ack").last
            // The desk echoes the visitor's own lines once committed, maybe after their ack: read on to the error.
            try await client.sendRaw("isto não é JSON")
            let notJSON = await client.frames(until: "error").last
            try await client.send(ChatProtocolTests.line(String(repeating: "a", count: 4_001), clientID: UUID()))
            let oversize = await client.frames(until: "error").last
            let messages = try await Self.messages(desk, ticketNumber: welcome.number)
            try await client.close()

            #expect(ready?.online == false, "with nobody at the desk the widget must offer the request form")
            #expect(welcome.state == "waiting" && (welcome.token?.count ?? 0) == 64)
            #expect(started.contains { $0.type == "line" && $0.seq == 1 && $0.from == "visitor" })
            #expect(started.last?.type == "ack" && started.last?.clientId == opening.uuidString.lowercased())
            #expect(acks.map { $0?.type } == ["ack", "ack", "ack"])
            #expect(acks.map { $0?.seq } == [2, 3, 4])
            #expect(acks.map { $0?.clientId ?? "" } == lineIDs.map { $0.uuidString.lowercased() })
            #expect(resentAck?.type == "ack" && resentAck?.seq == 4)
            #expect(resentAck?.clientId == lineIDs[2].uuidString.lowercased())
            #expect(messages.map(\.id) == [opening] + lineIDs, "each line stored once, in the order sent")
            #expect(notJSON?.code == "bad_frame")
            #expect(oversize?.code == "too_large")
        }
    }

    @Test("balcao serve restarted mid-chat loses nothing: the widget resumes and its unacknowledged line is stored once")
    func restart() async throws {
        try await ServedDesk.run { desk in
            let department = try await Self.chatDesk(desk)
            let client = try await desk.chat()
            let opening = UUID(), acked = UUID(), inFlight = UUID()
            try await client.send(ChatProtocolTests.start(department, clientID: opening))
            let welcome = try #require(await client.frames(until: "ack").first { $0.type == "welcome" })
            let token = try #require(welcome.token)
            try await client.send(ChatProtocolTests.line("Primeira linha", clientID: acked))
            _ = await client.frames(until: "ack")
            // SIGTERM right behind the line, its ack not awaited: it may or may not be stored by the old server.
            try await client.send(ChatProtocolTests.line("Linha durante a queda", clientID: inFlight))
            await desk.stop(dropping: [client])

            // Same data dir and port: the page (the desk's own origin) is the one the widget was started from.
            try await desk.start()
            let resumed = try await desk.chat()
            try await resumed.send(["type": "resume", "token": token, "lastSeq": 2])
            let rejoined = await resumed.frames(until: "welcome").last
            try await resumed.send(ChatProtocolTests.line("Linha durante a queda", clientID: inFlight))
            let untilAck = await resumed.frames(until: "ack")
            let messages = try await Self.messages(desk, ticketNumber: welcome.number)
            try await resumed.close()

            #expect(rejoined?.type == "welcome" && rejoined?.number == welcome.number)
            #expect(untilAck.last?.type == "ack" && untilAck.last?.seq == 3)
            #expect(untilAck.last?.clientId == inFlight.uuidString.lowercased())
            #expect(
                untilAck.filter { $0.type == "line" }.allSatisfy { $0.seq == 3 },
                "the resumed widget got again lines it already had")
            #expect(messages.map(\.id) == [opening, acked, inFlight], "the line sent during the restart is stored once")
        }
    }
}
