import NIOCore

/// Pure framing of a mail protocol's server output: takes bytes as they arrive, yields complete responses.
///
/// Implementations are value types tested without I/O; ``MailFrameDecoder`` plugs them into a NIO pipeline.
protocol MailFramer: Sendable {
    associatedtype Frame: Sendable

    init()

    /// Consumes one complete frame from the front of `buffer`, or returns `nil` and leaves unconsumed what it
    /// cannot use yet. Throws ``MailTransportError`` (`.protocolViolation`) on input that can never become valid.
    mutating func nextFrame(from buffer: inout ByteBuffer) throws -> Frame?

    /// Whether bytes of an unfinished frame are held inside the framer itself (not in the buffer).
    var hasPartialFrame: Bool { get }
}

/// Plugs a ``MailFramer`` into a pipeline as a `ByteToMessageDecoder`.
struct MailFrameDecoder<Framer: MailFramer>: ByteToMessageDecoder {
    typealias InboundOut = Framer.Frame

    private var framer = Framer()

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try framer.nextFrame(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(frame))
        return .continue
    }

    mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        if try decode(context: context, buffer: &buffer) == .continue { return .continue }
        // Without EOF this runs only when the decoder is removed for a STARTTLS upgrade. Bytes the server sent
        // after its "go ahead" and before the handshake would be read as if they came over TLS: the STARTTLS
        // command-injection attack (CVE-2011-0411), so they end the connection.
        if !seenEOF && (buffer.readableBytes > 0 || framer.hasPartialFrame) {
            throw MailTransportError(.protocolViolation, "server sent unexpected data before the TLS handshake")
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}
