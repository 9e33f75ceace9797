import Foundation

/// What Balcão reads from an incoming message. `MIMEParser.parse(_:)` always returns one, however broken
/// the input, and lists in `warnings` what it could not read.
public struct ParsedMail: Sendable {
    /// The top-level header fields.
    public var headers: MailHeaders
    /// The `Message-ID`, without angle brackets.
    public var messageID: String?
    /// The ids in `In-Reply-To`, without angle brackets.
    public var inReplyTo: [String]
    /// The ids in `References`, oldest first, without angle brackets.
    public var references: [String]
    /// The first mailbox of `From` (or of `Sender` when `From` is missing).
    public var from: MailAddress?
    /// Where replies should go instead of `from`; empty when the header is missing.
    public var replyTo: [MailAddress]
    /// Every mailbox of every `To` field; group names are dropped.
    public var to: [MailAddress]
    /// Every mailbox of every `Cc` field.
    public var cc: [MailAddress]
    /// The subject, RFC 2047-decoded, unfolded and trimmed; empty when missing.
    public var subject: String
    /// The `Date`, nil when missing or unreadable.
    public var date: Date?
    /// The best readable text: the text/plain body, else the HTML body converted to text.
    public var text: String
    /// The text/html body, decoded to a string (not sanitized).
    public var html: String?
    /// Attachments, inline images and forwarded messages (as `.eml`), in the order they appear.
    public var attachments: [MailAttachment]
    /// Human-readable notes about what could not be read.
    public var warnings: [String]
    /// Why no auto-response may answer the message (machine-sent, or the sender asked); nil for a person's mail.
    public var automation: AutomatedMail?
    /// What a bounce says (failed addresses, permanence, the bounced mail's Message-ID); nil unless
    /// `automation` is `.bounce` and the report is not a plain "delivered" notification.
    public var bounce: BounceReport?

    /// Creates a parsed message; everything but the headers has an empty default.
    public init(
        headers: MailHeaders = MailHeaders(), messageID: String? = nil, inReplyTo: [String] = [],
        references: [String] = [],
        from: MailAddress? = nil, replyTo: [MailAddress] = [], to: [MailAddress] = [], cc: [MailAddress] = [],
        subject: String = "", date: Date? = nil, text: String = "", html: String? = nil,
        attachments: [MailAttachment] = [],
        warnings: [String] = [], automation: AutomatedMail? = nil, bounce: BounceReport? = nil
    ) {
        self.headers = headers
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.subject = subject
        self.date = date
        self.text = text
        self.html = html
        self.attachments = attachments
        self.warnings = warnings
        self.automation = automation
        self.bounce = bounce
    }
}
