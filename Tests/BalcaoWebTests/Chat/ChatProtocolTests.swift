import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Chat protocol")
struct ChatProtocolTests {
    /// A department whose widget takes chats from the test server's origin and from `origins`.
    static func chatDesk(_ app: TestApp, origins: [String] = [], enabled: Bool = true) async throws -> Department.ID {
        let created = try await app.post(
            "/api/v1/departments", ["name": "Loja online", "kind": "external", "tier": 1] as JSON)
        let id = try #require(Department.ID(try created.json(DepartmentDTO.self).id.uuidString))
        // The test server listens on a free port, so its own origin is allowed explicitly.
        try await app.services.chatStore.save(
            ChatWidget(departmentID: id, isEnabled: enabled, allowedOrigins: origins + [app.baseURL]))
        return id
    }

    static func start(_ department: Department.ID, text: String = "Olá, meu pedido não chegou", clientID: UUID = UUID())
        -> [String: any Sendable]
    {
        [
            "type": "start", "name": "Marina Costa", "email": "marina@cliente.example",
            "departmentId": department.description, "text": text, "clientId": clientID.uuidString,
        ]
    }

    /// A visitor connected to `app` with a conversation started: the client, its welcome and its ticket.
    static func startedChat(_ app: TestApp, _ department: Department.ID, text: String = "Olá, meu pedido não chegou")
        async throws -> (client: ChatClient, welcome: ChatClient.Frame, ticket: TicketDTO)
    {
        let client = try await ChatClient.connect(app)
        try await client.send(start(department, text: text))
        let welcome = try #require(await client.frames(until: "ack").first { $0.type == "welcome" })
        let ticket = try await app.get("/api/v1/tickets/\(try #require(welcome.number))").json(TicketDTO.self)
        return (client, welcome, ticket)
    }

    static func line(_ text: String, clientID: UUID) -> [String: any Sendable] {
        ["type": "line", "text": text, "clientId": clientID.uuidString]
    }

    @Test("Starting a chat opens a chat ticket in the department; the first line is acknowledged once stored")
    func start() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app)
            let client = try await ChatClient.connect(app)
            let first = UUID()

            try await client.send(Self.start(department, clientID: first))
            let frames = await client.frames(until: "ack")
            let welcome = try #require(frames.first { $0.type == "welcome" })
            let ticket = try await app.get("/api/v1/tickets/\(try #require(welcome.number))").json(TicketDTO.self)
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data

            #expect(welcome.state == "waiting" && (welcome.token?.count ?? 0) == 64)
            #expect(frames.contains { $0.type == "line" && $0.seq == 1 && $0.from == "visitor" })
            #expect(frames.last?.type == "ack" && frames.last?.clientId == first.uuidString.lowercased())
            #expect(ticket.channel == .chat && ticket.departmentId == department.rawValue)
            #expect(ticket.subject == "Olá, meu pedido não chegou")
            #expect(messages.map(\.id) == [first])
        }
    }

    @Test("A line resent with its client id is stored once and acknowledged again with the same place")
    func idempotentLines() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app)
            let client = try await ChatClient.connect(app)
            try await client.send(Self.start(department))
            let welcome = try #require(await client.frames(until: "ack").first { $0.type == "welcome" })
            let again = UUID()

            try await client.send(Self.line("Número 2024-1187", clientID: again))
            let firstAck = await client.frames(until: "ack").last
            try await client.send(Self.line("Número 2024-1187", clientID: again))
            let secondAck = await client.frames(until: "ack").last
            let ticket = try await app.get("/api/v1/tickets/\(try #require(welcome.number))").json(TicketDTO.self)
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data

            #expect(firstAck?.seq == 2 && secondAck?.seq == 2)
            #expect(messages.filter { $0.id == again }.count == 1 && messages.count == 2)
        }
    }

    @Test("The agent's public reply reaches the visitor as the next line; an internal note never does")
    func agentLines() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app)
            let (client, _, ticket) = try await Self.startedChat(app, department)

            _ = try await app.post("/api/v1/tickets/\(ticket.id)/messages", ["kind": "note", "body": "Cliente VIP"] as JSON)
            let afterNote = await client.quiet()
            _ = try await app.post(
                "/api/v1/tickets/\(ticket.id)/messages", ["kind": "reply", "body": "Vou verificar agora."] as JSON)
            let reply = await client.frames(until: "line").last

            #expect(afterNote == nil)
            #expect(reply?.seq == 2 && reply?.from == "agent" && reply?.text == "Vou verificar agora.")
            #expect(reply?.name == "Ana Admin")
        }
    }

    @Test("After a dropped connection the visitor resumes with the token and gets only what they missed")
    func resume() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app)
            let first = try await ChatClient.connect(app)
            try await first.send(Self.start(department))
            let welcome = try #require(await first.frames(until: "ack").first { $0.type == "welcome" })
            let ticket = try await app.get("/api/v1/tickets/\(try #require(welcome.number))").json(TicketDTO.self)
            try await first.close()

            _ = try await app.post("/api/v1/tickets/\(ticket.id)/messages", ["kind": "reply", "body": "Já achei."] as JSON)
            _ = try await app.post("/api/v1/tickets/\(ticket.id)/messages", ["kind": "reply", "body": "Sai hoje."] as JSON)
            let second = try await ChatClient.connect(app)
            try await second.send(["type": "resume", "token": try #require(welcome.token), "lastSeq": 2])
            let resumed = await second.frames(until: "line")
            let rest = await second.quiet()
            let unknown = try await ChatClient.connect(app)
            try await unknown.send(["type": "resume", "token": String(repeating: "a", count: 64), "lastSeq": 0])
            let refused = await unknown.next()

            #expect(resumed.first?.type == "welcome" && resumed.first?.state == "active")
            #expect(resumed.last?.seq == 3 && resumed.last?.text == "Sai hoje.")
            #expect(rest == nil)
            #expect(refused?.type == "error" && refused?.code == "unknown_conversation")
        }
    }

    @Test("Bad frames, oversize lines, lines before starting and floods get a clear error frame")
    func refusals() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app)
            let client = try await ChatClient.connect(app)

            try await client.sendRaw("isto não é JSON")
            let notJSON = await client.next()
            try await client.send(Self.line("cedo demais", clientID: UUID()))
            let early = await client.next()
            try await client.send(["type": "line", "text": "sem id", "clientId": "abc"])
            let noID = await client.next()
            try await client.send(Self.start(department, text: String(repeating: "a", count: 4_001)))
            let oversize = await client.next()
            try await client.send(Self.start(department))
            _ = await client.frames(until: "ack")
            // One more line than the limit, sent at once: frames are handled in order, so the last answer is the refusal.
            for index in 0..<(ChatSocket.rateLimit + 1) {
                try await client.send(Self.line("linha \(index)", clientID: UUID()))
            }
            var codes: [String] = []
            while codes.count < ChatSocket.rateLimit + 1, let frame = await client.next() {
                if frame.type != "line" { codes.append(frame.code ?? frame.type) }
            }

            #expect(notJSON?.code == "bad_frame")
            #expect(early?.code == "not_started")
            #expect(noID?.code == "bad_frame")
            #expect(oversize?.code == "too_large")
            #expect(codes.filter { $0 == "ack" }.count == ChatSocket.rateLimit)
            #expect(codes.last == "rate_limited")
        }
    }

    @Test("Only the widget's allowed origins may start or resume chats, and only with departments whose widget is on")
    func origins() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app, origins: ["https://loja.example"])
            let off = try await app.post("/api/v1/departments", ["name": "Sem chat", "kind": "external"] as JSON)
                .json(DepartmentDTO.self)

            let allowed = try await ChatClient.connect(app, origin: "https://loja.example")
            try await allowed.send(Self.start(department))
            let welcome = await allowed.next()
            let stranger = try await ChatClient.connect(app, origin: "https://outra.example")
            try await stranger.send(Self.start(department))
            let refused = await stranger.next()
            let noWidget = try await ChatClient.connect(app)
            try await noWidget.send(Self.start(try #require(Department.ID(off.id.uuidString))))
            let unavailable = await noWidget.next()
            let thief = try await ChatClient.connect(app, origin: "https://outra.example")
            try await thief.send(["type": "resume", "token": try #require(welcome?.token), "lastSeq": 0])
            let stolen = await thief.next()

            #expect(welcome?.type == "welcome")
            #expect(refused?.code == "origin_not_allowed")
            #expect(unavailable?.code == "department_unavailable")
            #expect(stolen?.code == "origin_not_allowed")
        }
    }
}

extension ChatProtocolTests {
    @Test("Online means an agent of the department at the desk (workspace open, not away); offline, the form becomes a request")
    func offline() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app)
            let client = try await ChatClient.connect(app)

            try await client.send(["type": "hello", "departmentId": department.description])
            let nobody = await client.nextReady()
            let agent = try await app.post(
                "/api/v1/agents",
                ["name": "Beto Chat", "email": "beto@balcao.example", "role": "agent",
                 "departmentIds": [.string(department.description)], "password": "senha-do-beto-123"] as JSON
            ).json(AgentDTO.self)
            try await client.send(["type": "hello", "departmentId": department.description])
            let notAtDesk = await client.nextReady()
            let beto = PageSession(app)
            try await beto.signIn(email: "beto@balcao.example", password: "senha-do-beto-123")
            let workspace = try await ChatClient.workspace(app, session: beto, agent: Agent.ID(rawValue: agent.id))
            try await client.send(["type": "hello", "departmentId": department.description])
            let someone = await client.nextReady()
            try await app.services.automationAdmin.setAvailability(.away, of: Agent.ID(rawValue: agent.id), by: app.admin)
            try await client.send(["type": "hello", "departmentId": department.description])
            let away = await client.nextReady()
            try await workspace.close()
            var message = Self.start(department, text: "Vocês entregam em Portugal?")
            message["type"] = "offline"
            try await client.send(message)
            let received = await client.next()
            let ticket = try await app.get("/api/v1/tickets/\(try #require(received?.number))").json(TicketDTO.self)

            #expect(nobody?.type == "ready" && nobody?.online == false)
            #expect(notAtDesk?.online == false)
            #expect(someone?.type == "ready" && someone?.online == true)
            #expect(away?.online == false)
            #expect(received?.type == "offline_received")
            #expect(ticket.channel == .chat && ticket.subject == "Vocês entregam em Portugal?")
        }
    }
}

extension ChatProtocolTests {
    @Test("While the visitor is connected agents' lines are not mailed too; once they leave, replies go by mail")
    func mailOnlyWhenGone() async throws {
        try await TestApp.run(.sqlite) { app in
            try await PortalPagesTests.addMailbox(app)
            let department = try await Self.chatDesk(app)
            let (client, _, ticket) = try await Self.startedChat(app, department)
            func repliesMailed() async throws -> Int {
                try await app.services.outbox.outbox(.all, limit: 50)
                    .filter { $0.purpose == .agentReply && $0.recipients.contains("marina@cliente.example") }.count
            }

            _ = try await app.post("/api/v1/tickets/\(ticket.id)/messages", ["kind": "reply", "body": "Olá!"] as JSON)
            let whileConnected = try await repliesMailed()
            try await client.close()
            var gone = false
            for _ in 0..<50 where !gone {  // the server notices the close a moment later
                gone = await app.services.presence.viewers(of: ticket.id).isEmpty
                try await Task.sleep(for: .milliseconds(20))
            }
            _ = try await app.post(
                "/api/v1/tickets/\(ticket.id)/messages", ["kind": "reply", "body": "Resolvido, veja o e-mail."] as JSON)
            let afterLeaving = try await repliesMailed()

            #expect(whileConnected == 0)
            #expect(gone && afterLeaving == 1)
        }
    }
}

extension ChatProtocolTests {
    @Test("An agent ends the chat from the ticket page: the widget is told, later lines are refused, the history says so")
    func agentEndsChat() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app)
            let client = try await ChatClient.connect(app)
            try await client.send(Self.start(department))
            let welcome = try #require(await client.frames(until: "ack").first { $0.type == "welcome" })
            let number = try #require(welcome.number)
            let agent = PageSession(app)
            try await agent.signIn(email: "ana@balcao.example", password: "senha-muito-segura")
            let page = try await agent.get("/agent/tickets/\(number)").text
            let csrf = try #require(PageSession.csrf(in: page))

            let ended = try await agent.post("/agent/tickets/\(number)/chat/end", [], csrf: csrf)
            let told = await client.frames(until: "state").last
            try await client.send(Self.line("Ainda estou aqui", clientID: UUID()))
            let refused = await client.next()
            let after = try await agent.get("/agent/tickets/\(number)").text

            #expect(page.contains("id=\"chat-panel\"") && page.contains("id=\"end-chat\""))
            #expect(ended.status == .seeOther)
            #expect(told?.type == "state" && told?.state == "ended")
            #expect(refused?.code == "ended")
            #expect(after.contains("data-chat-state=\"ended\"") && !after.contains("id=\"end-chat\""))
            #expect(after.contains("encerrou o chat"))
        }
    }
}

extension ChatProtocolTests {
    @Test("A visitor asks for the transcript: every public line, none of the notes, mailed to them on the ticket's thread")
    func transcript() async throws {
        try await TestApp.run(.sqlite) { app in
            try await PortalPagesTests.addMailbox(app)
            let department = try await Self.chatDesk(app)
            let (client, _, ticket) = try await Self.startedChat(app, department, text: "Quero trocar o tamanho")
            _ = try await app.post("/api/v1/tickets/\(ticket.id)/messages", ["kind": "note", "body": "Nota secreta"] as JSON)
            _ = try await app.post("/api/v1/tickets/\(ticket.id)/messages", ["kind": "reply", "body": "Claro, qual número?"] as JSON)
            _ = await client.frames(until: "line")

            try await client.send(["type": "transcript"])
            let answer = await client.frames(until: "transcript").last
            let mail = try await app.services.outbox.outbox(.all, limit: 20).first { $0.purpose == .chatTranscript }
            let text = MIMEParser.parse(Array(try #require(mail).raw)).text ?? ""

            #expect(answer?.type == "transcript" && answer?.sent == true)
            #expect(mail?.recipients == ["marina@cliente.example"] && mail?.ticketID == Ticket.ID(rawValue: ticket.id))
            #expect(text.contains("Marina Costa: Quero trocar o tamanho") && text.contains("Ana Admin: Claro, qual número?"))
            #expect(!text.contains("Nota secreta"))
        }
    }
}

extension ChatProtocolTests {
    /// Posts a file as the widget does (multipart, from a page of `origin`).
    static func upload(_ app: TestApp, token: String, clientID: UUID, origin: String, name: String, content: String)
        async throws -> TestApp.Reply
    {
        let boundary = "balcao-\(UUID().uuidString)"
        var body = ""
        for (field, value) in [("token", token), ("clientId", clientID.uuidString)] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n"
        body += "Content-Type: text/plain\r\n\r\n\(content)\r\n--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .origin, value: origin)
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await app.app.client.post(URI(string: app.baseURL + "/chat/files"), headers: headers) {
            $0.body = ByteBuffer(string: body)
        }
        return TestApp.Reply(
            status: response.status, headers: response.headers,
            body: response.body.map { Data($0.readableBytesView) } ?? Data())
    }

    @Test("A visitor's file becomes their line with a signed link; a wrong link or another site's upload is refused")
    func files() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app, origins: ["https://loja.example"])
            let client = try await ChatClient.connect(app, origin: "https://loja.example")
            try await client.send(Self.start(department))
            let welcome = try #require(await client.frames(until: "ack").first { $0.type == "welcome" })
            let token = try #require(welcome.token)
            let fileID = UUID()

            let uploaded = try await Self.upload(
                app, token: token, clientID: fileID, origin: "https://loja.example", name: "nota.txt", content: "NF 123")
            let again = try await Self.upload(
                app, token: token, clientID: fileID, origin: "https://loja.example", name: "nota.txt", content: "NF 123")
            let line = await client.frames(until: "line").last
            let url = try #require(line?.files?.first?.url)
            let path = try #require(URLComponents(string: url)?.path)
            let fetched = try await PageSession(app).get(path)
            let forged = try await PageSession(app).get(String(path.dropLast(4)) + "0000")
            let stranger = try await Self.upload(
                app, token: token, clientID: UUID(), origin: "https://outra.example", name: "x.txt", content: "x")
            let ticket = try await app.get("/api/v1/tickets/\(try #require(welcome.number))").json(TicketDTO.self)
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data

            #expect(uploaded.status == .created && uploaded.headers.first(name: .accessControlAllowOrigin) == "https://loja.example")
            #expect(again.status == .created)
            #expect(line?.seq == 2 && line?.files?.first?.name == "nota.txt")
            #expect(url.hasPrefix(app.baseURL + "/chat/files/"))
            #expect(fetched.status == .ok && fetched.text == "NF 123")
            #expect(forged.status == .notFound)
            #expect(stranger.status == .forbidden)
            #expect(messages.filter { $0.id == fileID }.count == 1)
        }
    }
}

extension ChatProtocolTests {
    @Test("A server restart mid-chat loses nothing: the widget resumes on the new server and its unacknowledged line is stored once")
    func restart() async throws {
        try await TestApp.runCluster(.sqlite) { cluster in
            let first = try await cluster.start()
            let department = try await Self.chatDesk(first)
            let client = try await ChatClient.connect(first)
            try await client.send(Self.start(department))
            let welcome = try #require(await client.frames(until: "ack").first { $0.type == "welcome" })
            let token = try #require(welcome.token)
            let acked = UUID(), inFlight = UUID()
            try await client.send(Self.line("Primeira linha", clientID: acked))
            _ = await client.frames(until: "ack")
            // Sent as the server goes down: it may or may not have been stored, and no ack is awaited.
            try await client.send(Self.line("Linha durante a queda", clientID: inFlight))
            await cluster.stop(first)

            let second = try await cluster.start()
            try await second.services.chatStore.save(
                ChatWidget(departmentID: department, allowedOrigins: [first.baseURL, second.baseURL]))
            let resumed = try await ChatClient.connect(second)
            try await resumed.send(["type": "resume", "token": token, "lastSeq": 2])
            _ = await resumed.frames(until: "welcome")
            try await resumed.send(Self.line("Linha durante a queda", clientID: inFlight))
            let ack = await resumed.frames(until: "ack").last
            let ticket = try await second.get("/api/v1/tickets/\(try #require(welcome.number))").json(TicketDTO.self)
            let messages = try await second.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data

            #expect(ack?.type == "ack" && ack?.seq == 3)
            #expect(messages.map(\.id).filter { $0 == acked || $0 == inFlight }.count == 2)
            #expect(messages.count == 3)
        }
    }
}

extension ChatProtocolTests {
    @Test("The queue shows how long an unanswered chat has waited; the first agent reply clears it")
    func waitingInQueue() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app)
            let (_, _, ticket) = try await Self.startedChat(app, department)
            let agent = PageSession(app)
            try await agent.signIn(email: "ana@balcao.example", password: "senha-muito-segura")

            let waiting = try await agent.get("/agent/queues/all").text
            _ = try await app.post("/api/v1/tickets/\(ticket.id)/messages", ["kind": "reply", "body": "Olá!"] as JSON)
            let answered = try await agent.get("/agent/queues/all").text

            #expect(waiting.contains("class=\"badge chat-waiting\">aguardando há"))
            #expect(!answered.contains("chat-waiting"))
        }
    }
}

extension ChatProtocolTests {
    @Test("Lines sent back to back, without waiting for acknowledgements, are stored and acknowledged in the order sent")
    func burstKeepsOrder() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await Self.chatDesk(app)
            let (client, _, ticket) = try await Self.startedChat(app, department)
            let ids = (1...8).map { _ in UUID() }

            for (index, id) in ids.enumerated() { try await client.send(Self.line("Linha \(index + 1)", clientID: id)) }
            var acks: [ChatClient.Frame] = []
            while acks.count < ids.count, let frame = await client.next() {
                if frame.type == "ack" { acks.append(frame) }
            }
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data

            #expect(acks.map(\.clientId) == ids.map { $0.uuidString.lowercased() })
            #expect(acks.map(\.seq) == Array(2...9))
            #expect(messages.dropFirst().map(\.id) == ids)
            try await client.close()
        }
    }
}
