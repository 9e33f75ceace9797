/// What an SMTP server accepted of one message.
public struct SMTPDeliveryReport: Sendable, Equatable {
    /// A recipient the server refused at RCPT TO while it accepted others.
    public struct Rejection: Sendable, Equatable {
        public var recipient: String
        public var replyCode: Int
        public var message: String
        /// 5xx: sending to this recipient again will fail again.
        public var isPermanent: Bool { (500..<600).contains(replyCode) }

        public init(recipient: String, replyCode: Int, message: String) {
            self.recipient = recipient
            self.replyCode = replyCode
            self.message = message
        }
    }

    public var acceptedRecipients: [String]
    public var rejectedRecipients: [Rejection]

    /// Some recipients were refused; the message went to the others.
    public var isPartial: Bool { !rejectedRecipients.isEmpty }

    public init(acceptedRecipients: [String], rejectedRecipients: [Rejection] = []) {
        self.acceptedRecipients = acceptedRecipients
        self.rejectedRecipients = rejectedRecipients
    }
}
