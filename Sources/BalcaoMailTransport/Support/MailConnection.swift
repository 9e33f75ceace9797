import NIOCore
import NIOPosix
import NIOSSL

/// One TCP (or TLS) connection to a mail server, as async calls: receive the next framed response, send bytes,
/// upgrade with STARTTLS, close.
///
/// Pipeline: `[NIOSSLClientHandler] → ByteToMessageHandler(MailFrameDecoder<Framer>) → MailResponseHandler`.
/// Callers must not overlap `receive()` calls (the IMAP and SMTP clients run one command at a time).
struct MailConnection<Framer: MailFramer>: Sendable {
    private static var decoderName: String { "mail-frame-decoder" }

    let endpoint: MailServerEndpoint
    private let channel: any Channel
    private let handler: NIOLoopBound<MailResponseHandler<Framer.Frame>>
    private let tlsContext: NIOSSLContext?

    /// Connects, with TLS from the start when `endpoint.security == .tls`.
    static func connect(to endpoint: MailServerEndpoint, group: any EventLoopGroup) async throws -> Self {
        let tlsContext = endpoint.security == .none ? nil : try MailTLS.makeContext(for: endpoint)
        let implicitTLS = endpoint.security == .tls ? tlsContext : nil
        let host = endpoint.host
        let timeout = endpoint.timeout
        let port = endpoint.port
        guard (1...65535).contains(port) else {
            throw MailTransportError(.connectionFailed, "invalid port \(port)")
        }
        let bootstrap = ClientBootstrap(group: group).connectTimeout(TimeAmount(timeout))
        do {
            // The handler is handed out by the initializer itself: an implicit-TLS handshake can fail and tear
            // the pipeline down before connect returns, and its error lives in the handler.
            let (channel, handler) = try await bootstrap.connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try pipeline.addHandler(MailTLS.makeHandler(context: implicitTLS, host: host))
                    }
                    try pipeline.addHandler(ByteToMessageHandler(MailFrameDecoder<Framer>()), name: decoderName)
                    let handler = MailResponseHandler<Framer.Frame>(eventLoop: channel.eventLoop, timeout: timeout)
                    try pipeline.addHandler(handler)
                    return (channel, NIOLoopBound(handler, eventLoop: channel.eventLoop))
                }
            }
            return Self(endpoint: endpoint, channel: channel, handler: handler, tlsContext: tlsContext)
        } catch {
            throw MailTransportError(wrapping: error)
        }
    }

    /// The next complete response from the server.
    func receive() async throws(MailTransportError) -> Framer.Frame {
        let handler = self.handler
        do {
            return try await channel.eventLoop.flatSubmit { handler.value.nextFrame() }.get()
        } catch {
            throw MailTransportError(wrapping: error)
        }
    }

    func send(_ bytes: [UInt8]) async throws(MailTransportError) {
        let handler = self.handler
        do {
            try await channel.eventLoop.flatSubmit { handler.value.write(bytes) }.get()
        } catch {
            throw MailTransportError(wrapping: error)
        }
    }

    func send(_ line: String) async throws(MailTransportError) {
        try await send(Array(line.utf8))
    }

    /// Puts TLS under the protocol after the server agreed to STARTTLS. Anything the server sent in the clear
    /// after its agreement fails the connection (see ``MailFrameDecoder``); the handshake itself completes while
    /// the next command is sent, and its failure surfaces from that command's `receive()`.
    func startTLS() async throws(MailTransportError) {
        guard let tlsContext else {
            throw MailTransportError(.tlsFailed, "no TLS configuration for a \(endpoint.security) connection")
        }
        let channel = self.channel
        let handler = self.handler
        let host = endpoint.host
        do {
            try await channel.eventLoop.flatSubmit {
                channel.pipeline.syncOperations.removeHandler(name: Self.decoderName).assumeIsolated()
                    .flatMapThrowing {
                        try handler.value.checkReadyForTLS()
                        let pipeline = channel.pipeline.syncOperations
                        try pipeline.addHandler(
                            ByteToMessageHandler(MailFrameDecoder<Framer>()),
                            name: Self.decoderName,
                            position: .first
                        )
                        try pipeline.addHandler(MailTLS.makeHandler(context: tlsContext, host: host), position: .first)
                    }.nonisolated()
            }.get()
        } catch {
            channel.close(promise: nil)
            throw MailTransportError(wrapping: error)
        }
    }

    /// Closes the connection; never fails.
    func close() async {
        try? await channel.close()
    }
}
