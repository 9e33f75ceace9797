import NIOCore

/// Frames IMAP responses: a line, extended by every `{n}` literal it ends with (n bytes, then more of the line).
///
/// Bytes stay in the buffer until the whole response has arrived, so a literal split across reads is simply
/// waited for; `scanned` remembers how far the unfinished response has been checked so it is not rescanned.
struct IMAPResponseFramer: MailFramer {
    var maxLineLength = 8 * 1024 * 1024
    var maxLiteralLength = 256 * 1024 * 1024

    /// Offset from the reader index up to which the pending response has been walked.
    private var scanned = 0

    init() {}

    var hasPartialFrame: Bool { false }

    mutating func nextFrame(from buffer: inout ByteBuffer) throws -> IMAPResponse? {
        guard let length = try completeResponseLength(in: buffer) else { return nil }
        scanned = 0
        let bytes = buffer.readBytes(length: length) ?? []
        return try IMAPResponseParser.parse(bytes)
    }

    /// The byte count of the first complete response in `buffer`, or `nil` while it is incomplete.
    private mutating func completeResponseLength(in buffer: ByteBuffer) throws(MailTransportError) -> Int? {
        let view = buffer.readableBytesView
        while true {
            let lineStart = view.startIndex + scanned
            guard let newline = view[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                if view.endIndex - lineStart > maxLineLength {
                    throw MailTransportError(.protocolViolation, "IMAP line longer than \(maxLineLength) bytes")
                }
                return nil
            }
            guard let literal = try Self.literalLength(endingLine: view[lineStart..<newline]) else {
                return newline + 1 - view.startIndex
            }
            guard literal <= maxLiteralLength else {
                throw MailTransportError(.protocolViolation, "IMAP literal of \(literal) bytes is over the limit")
            }
            let next = newline + 1 + literal
            guard next <= view.endIndex else { return nil }
            scanned = next - view.startIndex
        }
    }

    /// `n` when the line (CR optional) ends with `{n}`.
    static func literalLength(endingLine line: ByteBufferView.SubSequence) throws(MailTransportError) -> Int? {
        var end = line.endIndex
        if end > line.startIndex, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > line.startIndex, line[end - 1] == UInt8(ascii: "}") else { return nil }
        var digitsStart = end - 1
        while digitsStart > line.startIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[digitsStart - 1]) {
            digitsStart -= 1
        }
        guard digitsStart > line.startIndex, line[digitsStart - 1] == UInt8(ascii: "{") else { return nil }
        let digits = line[digitsStart..<(end - 1)]
        guard !digits.isEmpty, digits.count <= 12, let length = Int(String(decoding: digits, as: UTF8.self)) else {
            throw MailTransportError(.protocolViolation, "malformed IMAP literal length")
        }
        return length
    }
}
