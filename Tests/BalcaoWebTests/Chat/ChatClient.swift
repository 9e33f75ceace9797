import BalcaoCore
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

/// A chat widget's connection for protocol tests: a real WebSocket to the test server, frames as JSON objects.
final class ChatClient: Sendable {
    /// Any server frame: the fields its type has are set.
    struct Frame: Decodable, Sendable {
        struct File: Decodable, Sendable {
            let name: String
            let url: String
            let size: Int
        }
        let type: String
        let files: [File]?
        let token: String?
        let number: Int?
        let state: String?
        let agent: String?
        let clientId: String?
        let seq: Int?
        let id: String?
        let from: String?
        let name: String?
        let text: String?
        let on: Bool?
        let online: Bool?
        let greeting: String?
        let color: String?
        let opensAt: String?
        let available: Bool?
        let departments: [Choice]?
        let form: Form?
        let sent: Bool?
        let code: String?
        let message: String?
    }

    struct Choice: Decodable, Sendable, Equatable {
        let id: String
        let name: String
    }

    struct Form: Decodable, Sendable {
        struct Field: Decodable, Sendable {
            let key: String
            let label: String
            let kind: String
            let required: Bool
        }

        let requiresName: Bool
        let fields: [Field]
    }

    /// Frames received and not yet read, in order.
    actor Mailbox {
        var frames: [Frame] = []
        var isClosed = false
        func put(_ frame: Frame) { frames.append(frame) }
        func close() { isClosed = true }
        func take() -> Frame? { frames.isEmpty ? nil : frames.removeFirst() }
    }

    private let socket: WebSocket
    let mailbox: Mailbox

    private init(socket: WebSocket, mailbox: Mailbox) {
        self.socket = socket
        self.mailbox = mailbox
    }

    /// Connects as a page from `origin` would (the test server's own origin by default).
    static func connect(_ app: TestApp, origin: String? = nil) async throws -> ChatClient {
        try await connect(baseURL: app.baseURL, on: app.app.eventLoopGroup, origin: origin)
    }

    /// Connects to the server at `baseURL` (a test server, or a `balcao serve` process) as a page from `origin`
    /// would (the server's own origin by default).
    static func connect(baseURL: String, on group: any EventLoopGroup, origin: String? = nil) async throws
        -> ChatClient
    {
        let client = try await open(baseURL: baseURL, on: group, path: "/chat/socket", origin: origin)
        // Frames sent before the server listens may be lost: wait for `ready`. The greeting itself can arrive with the
        // upgrade, before this client listens, so ask again with `hello` until one comes.
        for _ in 0..<60 {
            if await client.nextReady(timeout: 0.25) != nil { return client }
            try await client.send(["type": "hello"])
        }
        throw Abort(.internalServerError, reason: "no ready frame")
    }

    /// An agent's workspace socket (`/ws/agent`) with the session cookie of a signed-in page session: while it is
    /// open the agent counts as being at the desk.
    static func workspace(_ app: TestApp, session: PageSession, agent: Agent.ID) async throws -> ChatClient {
        let cookie = session.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        let client = try await open(
            baseURL: app.baseURL, on: app.app.eventLoopGroup, path: "/ws/agent", extra: ["Cookie": cookie])
        // The socket's own hello can arrive with the upgrade, before this client listens: wait for the server to
        // count the agent as connected instead (it subscribes to changes before that).
        for _ in 0..<500 where await !app.services.workspaceConnections.isConnected(agent) {
            try await Task.sleep(for: .milliseconds(10))
        }
        return client
    }

    private static func open(
        baseURL: String, on group: any EventLoopGroup, path: String, origin: String? = nil,
        extra: [String: String] = [:]
    ) async throws -> ChatClient {
        let mailbox = Mailbox()
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .origin, value: origin ?? baseURL)
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        // As a browser does (the client library leaves the port out): links the server builds use it.
        headers.replaceOrAdd(name: .host, value: String(baseURL.dropFirst("http://".count)))
        let url = baseURL.replacingOccurrences(of: "http://", with: "ws://") + path
        let promise = group.next().makePromise(of: WebSocket.self)
        WebSocket.connect(to: url, headers: headers, on: group) { ws in
            ws.onText { _, text in
                if let frame = try? JSONDecoder().decode(Frame.self, from: Data(text.utf8)) { await mailbox.put(frame) }
            }
            ws.onClose.whenComplete { _ in Task { await mailbox.close() } }
            promise.succeed(ws)
        }.cascadeFailure(to: promise)
        return ChatClient(socket: try await promise.futureResult.get(), mailbox: mailbox)
    }

    func send(_ frame: [String: any Sendable]) async throws {
        let data = try JSONSerialization.data(withJSONObject: frame)
        try await socket.send(String(decoding: data, as: UTF8.self))
    }

    func sendRaw(_ text: String) async throws { try await socket.send(text) }

    /// The next frame other than `ready` (late answers to the connection's hellos), or nil when none comes within
    /// `timeout` seconds. Generous timeouts: the whole suite runs in parallel on two cores.
    func next(timeout: TimeInterval = 15) async -> Frame? {
        let deadline = Date().addingTimeInterval(timeout)
        while let frame = await raw(until: deadline) {
            if frame.type != "ready" { return frame }
        }
        return nil
    }

    /// The next `ready` (the answer to a `hello`), skipping nothing else.
    func nextReady(timeout: TimeInterval = 15) async -> Frame? {
        let deadline = Date().addingTimeInterval(timeout)
        while let frame = await raw(until: deadline) {
            if frame.type == "ready" { return frame }
        }
        return nil
    }

    private func raw(until deadline: Date) async -> Frame? {
        while Date() < deadline {
            if let frame = await mailbox.take() { return frame }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// Frames up to and including the first of `type` (all frames seen when it never comes), `ready` skipped.
    func frames(until type: String, timeout: TimeInterval = 15) async -> [Frame] {
        var seen: [Frame] = []
        while let frame = await next(timeout: timeout) {
            seen.append(frame)
            if frame.type == type { return seen }
        }
        return seen
    }

    /// Nothing arrives for `seconds` (what must not be pushed is not).
    func quiet(for seconds: TimeInterval = 0.5) async -> Frame? {
        await next(timeout: seconds)
    }

    func close() async throws { try await socket.close() }
}
