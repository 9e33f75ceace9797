import BalcaoCore
import BalcaoStore
import BalcaoWeb
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Many open chat widgets on one instance: the memory each idle connection costs, and the round trip of a line
/// (sent → stored → acknowledged) while the others stay connected. Client and server share this process, so the
/// memory per connection is an upper bound (it includes the client's side of each socket).
enum ChatBench {
    struct Result {
        let connections: Int
        let kilobytesPerConnection: Double
        let roundTrips: Samples
        let seconds: Double
    }

    /// One widget connection: counts `ready` and times acknowledgements by client id.
    final class Widget: Sendable {
        let socket: WebSocket
        private let waiting = NIOLockedValueBox<[String: CheckedContinuation<Void, Never>]>([:])
        private let readyCount = NIOLockedValueBox(0)

        init(socket: WebSocket) { self.socket = socket }

        func received(_ text: String) {
            if text.contains(#""type":"ready""#) { readyCount.withLockedValue { $0 += 1 } }
            guard text.contains(#""type":"ack""#),
                let range = text.range(of: #""clientId":"[0-9a-f-]{36}""#, options: .regularExpression)
            else { return }
            let id = String(text[range].dropFirst(12).dropLast())
            waiting.withLockedValue { $0.removeValue(forKey: id) }?.resume()
        }

        var isReady: Bool { readyCount.withLockedValue { $0 > 0 } }

        /// Sends `frame` and waits for the ack of `clientID`.
        func sendAndWait(_ frame: String, clientID: String) async throws {
            await withCheckedContinuation { continuation in
                waiting.withLockedValue { $0[clientID] = continuation }
                socket.send(frame)
            }
        }
    }

    static func connect(_ url: String, origin: String, host: String, on group: any EventLoopGroup) async throws -> Widget {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .origin, value: origin)
        headers.replaceOrAdd(name: .host, value: host)
        let promise = group.next().makePromise(of: Widget.self)
        WebSocket.connect(to: url, headers: headers, on: group) { ws in
            let widget = Widget(socket: ws)
            ws.onText { _, text in widget.received(text) }
            promise.succeed(widget)
        }.cascadeFailure(to: promise)
        let widget = try await promise.futureResult.get()
        // The greeting may come with the upgrade, before the handler: ask until a ready arrives.
        for _ in 0..<200 where !widget.isReady {
            try await widget.socket.send(#"{"type":"hello"}"#)
            try await Task.sleep(for: .milliseconds(25))
        }
        return widget
    }

    /// Opens `connections` idle widgets, then `chatters` of them start chats and send `lines` lines each, one every
    /// `interval` seconds (as people type; 0 sends the next as soon as the last is acknowledged), timing every
    /// round trip.
    static func measure(
        services: BalcaoServices, app: Application, baseURL: String, connections: Int, chatters: Int, lines: Int,
        interval: Double
    ) async throws -> Result {
        let department = Department(name: "Chat bench", kind: .external, createdAt: Date())
        try await services.directory.insert(department)
        try await services.chatStore.save(ChatWidget(departmentID: department.id, allowedOrigins: [baseURL]))
        let url = baseURL.replacingOccurrences(of: "http://", with: "ws://") + "/chat/socket"
        let host = String(baseURL.dropFirst("http://".count))

        let before = residentMegabytes()
        var widgets: [Widget] = []
        for batch in stride(from: 0, to: connections, by: 100) {
            let opened = try await withThrowingTaskGroup(of: Widget.self) { group in
                for _ in batch..<min(connections, batch + 100) {
                    group.addTask { try await connect(url, origin: baseURL, host: host, on: app.eventLoopGroup) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            widgets += opened
        }
        try await Task.sleep(for: .seconds(1))  // let the server settle its per-connection state
        let perConnection = (residentMegabytes() - before) * 1024 / Double(max(connections, 1))

        let start = DispatchTime.now().uptimeNanoseconds
        let samples = try await withThrowingTaskGroup(of: Samples.self) { group in
            for (index, widget) in widgets.prefix(chatters).enumerated() {
                group.addTask {
                    var samples = Samples()
                    let first = UUID().uuidString.lowercased()
                    let startFrame = """
                        {"type":"start","name":"Visitante \(index)","email":"visitante\(index)@bench.example",\
                        "departmentId":"\(department.id)","text":"Olá, preciso de ajuda com o pedido \(index)",\
                        "clientId":"\(first)"}
                        """
                    try await widget.sendAndWait(startFrame, clientID: first)
                    // Start at different moments, so the lines of all chatters spread over each interval.
                    try await Task.sleep(for: .milliseconds(Int(interval * 1000 * Double(index) / Double(max(chatters, 1)))))
                    for line in 0..<lines {
                        let sent = DispatchTime.now().uptimeNanoseconds
                        let id = UUID().uuidString.lowercased()
                        let frame = #"{"type":"line","clientId":"\#(id)","text":"Linha \#(line) do visitante \#(index)"}"#
                        samples.add(try await milliseconds { try await widget.sendAndWait(frame, clientID: id) })
                        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e9
                        if interval > elapsed { try await Task.sleep(for: .milliseconds(Int((interval - elapsed) * 1000))) }
                    }
                    return samples
                }
            }
            return try await group.reduce(into: Samples()) { $0.merge($1) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        for widget in widgets { try? await widget.socket.close() }
        return Result(connections: widgets.count, kilobytesPerConnection: perConnection, roundTrips: samples, seconds: seconds)
    }
}
