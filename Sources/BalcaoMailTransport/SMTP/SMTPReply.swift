import NIOCore

/// One SMTP reply: a three-digit code and its text, one entry per line (RFC 5321 §4.2).
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    /// 2yz: the command succeeded.
    var isPositiveCompletion: Bool { (200..<300).contains(code) }

    /// The text as one line, for error messages.
    var text: String { lines.joined(separator: " / ") }
}

/// Frames SMTP replies: single lines (`250 OK`) and multi-line replies (`250-…` lines closed by `250 …`).
struct SMTPReplyFramer: MailFramer {
    /// RFC 5321 allows 512 bytes; real servers send longer text, so this is only a sanity limit.
    static let maxLineLength = 16 * 1024
    static let maxLines = 1_000

    private var pendingCode: Int?
    private var pendingLines: [String] = []

    var hasPartialFrame: Bool { pendingCode != nil }

    mutating func nextFrame(from buffer: inout ByteBuffer) throws -> SMTPReply? {
        while let line = try buffer.readMailLine(maxLength: Self.maxLineLength) {
            let (code, isLast, text) = try Self.parse(line)
            if let pendingCode, pendingCode != code {
                throw MailTransportError(
                    .protocolViolation, "multi-line SMTP reply changes its code from \(pendingCode) to \(code)")
            }
            pendingCode = code
            pendingLines.append(text)
            if isLast {
                let reply = SMTPReply(code: code, lines: pendingLines)
                pendingCode = nil
                pendingLines = []
                return reply
            }
            guard pendingLines.count < Self.maxLines else {
                throw MailTransportError(.protocolViolation, "SMTP reply with more than \(Self.maxLines) lines")
            }
        }
        return nil
    }

    /// `250-text` → (250, false, "text"); `250 text` or `250` → (250, true, …).
    static func parse(_ line: [UInt8]) throws(MailTransportError) -> (code: Int, isLast: Bool, text: String) {
        let digits = line.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let code = Int(String(decoding: digits, as: UTF8.self)), (200..<600).contains(code)
        else {
            throw MailTransportError(
                .protocolViolation, "not an SMTP reply: \(String(decoding: line.prefix(80), as: UTF8.self))")
        }
        guard line.count > 3 else { return (code, true, "") }
        let separator = line[3]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw MailTransportError(
                .protocolViolation, "not an SMTP reply: \(String(decoding: line.prefix(80), as: UTF8.self))")
        }
        return (code, separator == UInt8(ascii: " "), String(decoding: line.dropFirst(4), as: UTF8.self))
    }
}
