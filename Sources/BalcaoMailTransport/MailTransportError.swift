/// Why talking to a mail server failed.
///
/// A struct with an open-ended ``Kind`` (the swift-nio / async-http-client habit) so that new detail can be added
/// without breaking callers that switch on the kind.
public struct MailTransportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The TCP connection could not be made or was lost.
        case connectionFailed
        /// The server did not answer (or accept our bytes) within the endpoint's timeout.
        case timedOut
        /// TLS could not be set up: handshake or certificate failure, or STARTTLS not offered.
        case tlsFailed
        /// The server refused the credentials, or offers no way to send them.
        case authenticationFailed
        /// The server refused a command (SMTP 4xx/5xx, IMAP NO/BAD).
        case rejected
        /// The server sent something that is not the protocol.
        case protocolViolation
    }

    public var kind: Kind
    /// Human-readable detail, usually including the server's own text.
    public var message: String
    /// The SMTP reply code, when the error comes from one.
    public var replyCode: Int?
    /// `true` when retrying the same operation will not help: SMTP 5xx rejections and refused credentials.
    public var isPermanent: Bool

    /// - Parameter isPermanent: defaults to `true` for ``Kind/authenticationFailed`` (unless `replyCode` is a 4xx
    ///   temporary failure) and for ``Kind/rejected`` with a 5xx `replyCode`; `false` otherwise.
    public init(_ kind: Kind, _ message: String, replyCode: Int? = nil, isPermanent: Bool? = nil) {
        self.kind = kind
        self.message = message
        self.replyCode = replyCode
        self.isPermanent =
            isPermanent
            ?? {
                switch kind {
                case .authenticationFailed: return !(400..<500).contains(replyCode ?? 500)
                case .rejected: return (500..<600).contains(replyCode ?? 0)
                default: return false
                }
            }()
    }

    public var description: String {
        let code = replyCode.map { " [\($0)]" } ?? ""
        return "MailTransportError.\(kind)\(code): \(message)"
    }
}
