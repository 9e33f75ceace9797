import BalcaoCore
import Foundation
import Vapor

/// `/chat/socket`: the chat widget's connection (protocol: `ChatClientFrame` / `ChatServerFrame`).
///
/// The visitor starts or resumes a conversation, then sends lines (acknowledged once stored) and typing; the socket
/// pushes the desk's lines as they are committed (from the event bus) and agents' typing (from the presence hub).
/// While connected the visitor is a viewer of the ticket, so the agent's ticket page shows them typing.
struct ChatSocket {
    let services: BalcaoServices

    /// Lines per visitor connection in `rateWindow` seconds before `rate_limited`.
    static let rateLimit = 20
    static let rateWindow: TimeInterval = 10
    /// Frames waiting to be handled per connection before newer ones are dropped.
    static let queuedFrames = 64

    /// One connection's conversation and what it has been sent. An actor: frames and pushes arrive concurrently.
    actor Connection {
        let id = UUID()
        var conversation: ChatConversation?
        var lastSentSeq = 0
        var recentLines: [Date] = []

        var listener: Task<Void, Never>?

        func attach(_ conversation: ChatConversation) { self.conversation = conversation }

        func listening(_ task: Task<Void, Never>) {
            listener?.cancel()
            listener = task
        }

        func stopListening() { listener?.cancel() }

        /// Marks lines as sent; returns the ones this connection has not sent yet.
        func unsent(_ lines: [ChatLine]) -> [ChatLine] {
            let fresh = lines.filter { $0.seq > lastSentSeq }
            lastSentSeq = max(lastSentSeq, lines.map(\.seq).max() ?? 0)
            return fresh
        }

        var agentTyping: (name: String, on: Bool) = ("", false)

        /// Whether the agents' typing changed since the last frame (presence changes for many other reasons).
        func typingChanged(to typing: (name: String, on: Bool)) -> Bool {
            guard typing != agentTyping else { return false }
            agentTyping = typing
            return true
        }

        func allowLine(at now: Date) -> Bool {
            recentLines = recentLines.filter { now.timeIntervalSince($0) < ChatSocket.rateWindow }
            guard recentLines.count < ChatSocket.rateLimit else { return false }
            recentLines.append(now)
            return true
        }
    }

    /// Not `async`: Vapor runs an async upgrade handler in a new task, and frames that arrive before it installs
    /// `onText` are dropped. Installed here, synchronously on upgrade, nothing the widget sends is lost.
    func handle(req: Request, ws: WebSocket) {
        let origin = req.headers.first(name: .origin)
        let connection = Connection()
        let chat = services.chat
        let files = ChatFiles(services: services)
        let base = ChatFiles.base(req, services.config)
        let fileURL: @Sendable (Attachment) -> String = { files.url($0, base: base) }
        let deskOrigin = Self.origin(of: services.config.http.baseURL)

        // Frames are handled one at a time, in the order they came: WebSocketKit's async `onText` would start a
        // task per frame, and two lines sent back to back could be stored out of order. A client that sends far
        // faster than lines are stored loses the excess unacknowledged (it resends them).
        let (frames, inbox) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingOldest(Self.queuedFrames))
        ws.onText { _, text in inbox.yield(text) }
        let worker = Task {
            for await text in frames {
                switch ChatClientFrame.decode(text) {
                case .failure(let error):
                    await send(.error(error), on: ws)
                case .success(let frame):
                    do {
                        try await handle(
                            frame, connection: connection, origin: origin, deskOrigin: deskOrigin, fileURL: fileURL, ws: ws)
                    } catch let error as ChatProtocolError {
                        await send(.error(error), on: ws)
                    } catch {
                        req.logger.report(error: error)
                        await send(.error(.badFrame(FormError.message(error))), on: ws)
                    }
                }
            }
        }
        ws.send(ChatServerFrame.ready(nil).json, promise: nil)
        ws.onClose.whenComplete { _ in
            inbox.finish()
            Task {
                await worker.value
                await connection.stopListening()
                await services.chatHub.leave(connection.id)
                await services.presence.leave(connection: connection.id)
            }
        }
    }

    /// Pushes what happens on the conversation's ticket: the desk's lines, the end, agents typing.
    private func listen(_ connection: Connection, fileURL: @escaping @Sendable (Attachment) -> String, ws: WebSocket)
        async
    {
        guard let conversation = await connection.conversation else { return }
        let events = await services.chatHub.join(conversation.ticketID, connection: connection.id)
        let chat = services.chat
        let task = Task {
            for await event in events {
                switch event {
                case .change(let change):
                    if change.events.contains(where: { $0.field == .chatEnded }) {
                        await send(.state(.ended, agent: nil), on: ws)
                        continue
                    }
                    if change.events.contains(where: { [.chatAccepted, .chatTransferred].contains($0.field) }),
                        let standing = try? await chat.standing(of: conversation)
                    {
                        await send(.state(standing.state, agent: standing.agent), on: ws)
                    }
                    guard change.message?.kind == .reply, let lines = try? await chat.lines(of: conversation) else {
                        continue
                    }
                    for line in await connection.unsent(lines) { await send(.line(line, fileURL: fileURL), on: ws) }
                case .presence:
                    let agents = await services.presence.viewers(of: conversation.ticketID.rawValue)
                        .filter { $0.agentID != conversation.contactID.rawValue }
                    let typing = (name: agents.first { $0.isTyping }?.name ?? "", on: agents.contains(where: \.isTyping))
                    if await connection.typingChanged(to: typing) {
                        await send(.typing(name: typing.name, on: typing.on), on: ws)
                    }
                }
            }
        }
        await connection.listening(task)
    }

    private func handle(
        _ frame: ChatClientFrame, connection: Connection, origin: String?, deskOrigin: String,
        fileURL: @escaping @Sendable (Attachment) -> String, ws: WebSocket
    ) async throws {
        let chat = services.chat
        switch frame {
        case .hello(let departmentID, let language):
            guard let departmentID else { return await send(.ready(nil), on: ws) }
            await send(.ready(try await chat.welcome(for: departmentID, language: language) ?? .unavailable), on: ws)
        case .offline(let start):
            let ticket = try await chat.leaveMessage(start, origin: origin, deskOrigin: deskOrigin)
            await send(.offlineReceived(number: ticket.number.value), on: ws)
        case .start(let start):
            guard await connection.conversation == nil else { throw ChatProtocolError.badFrame("already in a conversation") }
            let (conversation, token) = try await chat.start(start, origin: origin, deskOrigin: deskOrigin)
            try await attach(conversation, token: token, after: 0, connection: connection, fileURL: fileURL, ws: ws)
            await send(.ack(clientID: start.clientID, seq: 1), on: ws)
        case .resume(let token, let lastSeq):
            let conversation = try await chat.resume(token: token, origin: origin, deskOrigin: deskOrigin)
            try await attach(conversation, token: token, after: lastSeq, connection: connection, fileURL: fileURL, ws: ws)
        case .line(let clientID, let text):
            guard let conversation = await connection.conversation else { throw ChatProtocolError.notStarted }
            guard await connection.allowLine(at: services.clock.now) else { throw ChatProtocolError.rateLimited }
            let line = try await chat.post(text, clientID: clientID, in: conversation)
            await send(.ack(clientID: clientID, seq: line.seq), on: ws)
        case .typing(let on):
            guard let conversation = await connection.conversation else { throw ChatProtocolError.notStarted }
            await services.presence.setTyping(ticket: conversation.ticketID.rawValue, connection: connection.id, on)
        case .transcript:
            guard let conversation = await connection.conversation else { throw ChatProtocolError.notStarted }
            let language = SupportedLanguage(matching: services.config.defaultLanguage) ?? .portugueseBrazil
            let sent = try await chat.mailTranscript(conversation, via: services.notifier, language: language)
            await send(.transcriptSent(sent), on: ws)
        case .end:
            guard let conversation = await connection.conversation else { throw ChatProtocolError.notStarted }
            try await chat.end(conversation, by: .contact(conversation.contactID))
        }
    }

    /// Joins a conversation: the welcome, what the client is missing, and presence on the ticket.
    private func attach(
        _ conversation: ChatConversation, token: String, after seq: Int, connection: Connection,
        fileURL: @escaping @Sendable (Attachment) -> String, ws: WebSocket
    ) async throws {
        await connection.attach(conversation)
        let state = try await services.chat.state(of: conversation)
        await send(.welcome(token: token, number: conversation.ticketNumber.value, state: state), on: ws)
        // Listen first, then send what is missing: a line committed in between comes one way or the other, once.
        _ = await connection.unsent(try await services.chat.lines(of: conversation).filter { $0.seq <= seq })
        await listen(connection, fileURL: fileURL, ws: ws)
        let lines = try await services.chat.lines(of: conversation)
        for line in await connection.unsent(lines) { await send(.line(line, fileURL: fileURL), on: ws) }
        let name = try await services.directory.contact(conversation.contactID)?.name ?? ""
        await services.presence.enter(
            ticket: conversation.ticketID.rawValue, connection: connection.id,
            viewer: .init(agentID: conversation.contactID.rawValue, name: name, isTyping: false))
    }


    private func send(_ frame: ChatServerFrame, on ws: WebSocket) async {
        try? await ws.send(frame.json)
    }

    /// `scheme://host[:port]` of a URL.
    static func origin(of url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host
        else { return url }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
