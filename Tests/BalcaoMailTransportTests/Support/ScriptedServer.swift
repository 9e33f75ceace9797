import Foundation
import NIOCore
import NIOPosix

/// A loopback TCP server that plays a script: it sends the first reply on connect, then the next reply after each
/// line it receives. `{tag}` in a reply becomes the first word of that line (for IMAP). After a reply starting
/// with "354" it swallows lines up to "." (SMTP DATA). `nil` hangs up right after the reply before it; when the
/// script runs out the server goes silent.
struct ScriptedServer {
    let port: Int
    private let channel: any Channel
    private let log: LineLog

    /// Every line the client sent, in order (DATA contents excluded).
    var receivedLines: [String] { log.lines }

    static func start(_ script: [String?]) async throws -> ScriptedServer {
        let log = LineLog()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ScriptHandler(script: script, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return ScriptedServer(port: channel.localAddress?.port ?? 0, channel: channel, log: log)
    }

    func stop() async {
        try? await channel.close()
    }
}

private final class ScriptHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var script: [String?]
    private let log: LineLog
    private var received: [UInt8] = []
    private var inData = false

    init(script: [String?], log: LineLog) {
        self.script = script
        self.log = log
    }

    func channelActive(context: ChannelHandlerContext) {
        play(context: context, tag: "")
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += Array(buffer: unwrapInboundIn(data))
        while let newline = received.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: received[..<newline], as: UTF8.self)
                .trimmingSuffix { $0 == "\r" }
            received.removeSubrange(...newline)
            if inData {
                if line == "." { inData = false } else { continue }
            }
            log.append(line)
            play(context: context, tag: String(line.prefix { $0 != " " }))
        }
    }

    private func play(context: ChannelHandlerContext, tag: String) {
        guard !script.isEmpty else { return }
        guard let reply = script.removeFirst() else {
            context.close(promise: nil)
            return
        }
        inData = reply.hasPrefix("354")
        let text = reply.replacing("{tag}", with: tag)
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
        if case .some(.none) = script.first {
            context.close(promise: nil)
        }
    }
}

/// Lines written on a child channel's event loop and read by the test's task.
/// `@unchecked Sendable`: every access to `storage` holds `lock`.
private final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    var lines: [String] { lock.withLock { storage } }

    func append(_ line: String) {
        lock.withLock { storage.append(line) }
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
