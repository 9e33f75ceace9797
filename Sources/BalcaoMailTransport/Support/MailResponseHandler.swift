import NIOCore

/// The last handler of a mail connection: queues decoded server responses until the client asks for them,
/// writes the client's bytes, and turns every failure (error, close, timeout) into one ``MailTransportError``.
///
/// Used only on its channel's event loop (reached through `NIOLoopBound` by ``MailConnection``). The client asks
/// for one response at a time, so there is at most one waiting promise.
final class MailResponseHandler<Frame: Sendable>: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = ByteBuffer

    private let eventLoop: any EventLoop
    private let timeout: Duration
    private var context: ChannelHandlerContext?
    private var frames = CircularBuffer<Frame>()
    private var waiter: (promise: EventLoopPromise<Frame>, timer: Scheduled<Void>)?
    private(set) var failure: MailTransportError?

    init(eventLoop: any EventLoop, timeout: Duration) {
        self.eventLoop = eventLoop
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(MailTransportError(.connectionFailed, "connection closed"))
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        if let waiter {
            self.waiter = nil
            waiter.timer.cancel()
            waiter.promise.succeed(frame)
        } else {
            frames.append(frame)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(MailTransportError(wrapping: error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(MailTransportError(.connectionFailed, "connection closed by the server"))
        context.fireChannelInactive()
    }

    /// The next response: a queued one, or the next to arrive within the timeout.
    func nextFrame() -> EventLoopFuture<Frame> {
        guard let context else {
            return eventLoop.makeFailedFuture(failure ?? MailTransportError(.connectionFailed, "connection closed"))
        }
        if let frame = frames.popFirst() {
            return context.eventLoop.makeSucceededFuture(frame)
        }
        if let failure {
            return context.eventLoop.makeFailedFuture(failure)
        }
        guard waiter == nil else {
            return context.eventLoop.makeFailedFuture(
                MailTransportError(.protocolViolation, "internal: two concurrent reads on one mail connection")
            )
        }
        let promise = context.eventLoop.makePromise(of: Frame.self)
        let timer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            self.fail(MailTransportError(.timedOut, "no response from the server within \(self.timeout)"))
            self.context?.close(promise: nil)
        }
        waiter = (promise, timer)
        return promise.futureResult
    }

    /// Writes and flushes `bytes`; fails when they are not handed to the kernel within the timeout.
    func write(_ bytes: [UInt8]) -> EventLoopFuture<Void> {
        guard let context else {
            return eventLoop.makeFailedFuture(failure ?? MailTransportError(.connectionFailed, "connection closed"))
        }
        if let failure {
            return context.eventLoop.makeFailedFuture(failure)
        }
        let promise = context.eventLoop.makePromise(of: Void.self)
        let timer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            self.fail(MailTransportError(.timedOut, "the server did not take our data within \(self.timeout)"))
            self.context?.close(promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: promise)
        return promise.futureResult.assumeIsolated().flatMapError { error in
            timer.cancel()
            return context.eventLoop.makeFailedFuture(self.failure ?? MailTransportError(wrapping: error))
        }.map {
            timer.cancel()
        }.nonisolated()
    }

    /// Throws unless the connection is idle and healthy: used right before inserting TLS after STARTTLS, when
    /// nothing may be left over from the plaintext phase.
    func checkReadyForTLS() throws {
        if let failure { throw failure }
        guard frames.isEmpty else {
            throw MailTransportError(.protocolViolation, "server sent unexpected data before the TLS handshake")
        }
    }

    private func fail(_ error: MailTransportError) {
        if failure == nil { failure = error }
        if let waiter {
            self.waiter = nil
            waiter.timer.cancel()
            waiter.promise.fail(failure ?? error)
        }
    }
}
