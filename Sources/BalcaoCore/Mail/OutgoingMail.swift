import Foundation

/// A message Balcão sends: a ticket reply, a notification or an auto-acknowledgement.
public struct OutgoingMail: Sendable {
    /// The sender, usually the desk's mailbox with the agent's or desk's name.
    public var from: MailAddress
    /// The recipients; `To` is omitted when empty.
    public var to: [MailAddress]
    /// Copied recipients; `Cc` is omitted when empty.
    public var cc: [MailAddress]
    /// Where replies should go, when not to `from` (e.g. a ticket-specific address).
    public var replyTo: MailAddress?
    /// The subject, any text; non-ASCII is written as encoded words and line breaks become spaces.
    public var subject: String
    /// The id of this message, without angle brackets (see `MailComposer.newMessageID(domain:)`).
    public var messageID: String
    /// The id of the message answered, without angle brackets.
    public var inReplyTo: String?
    /// The thread's ids, oldest first, without angle brackets.
    public var references: [String]
    /// The `Date` header, written in UTC.
    public var date: Date
    /// The plain-text body. When empty and `html` is set, it is derived from the HTML.
    public var text: String
    /// An HTML version of the body, sent as multipart/alternative with `text`; written as given.
    public var html: String?
    /// Files to attach. Inline ones with a `contentID` are placed next to the HTML (`multipart/related`).
    public var attachments: [MailAttachment]
    /// More header fields, written as given after the standard ones (e.g. `("Auto-Submitted", "auto-replied")`).
    /// Values are folded and encoded like the subject; names that are not valid field names are dropped.
    public var extraHeaders: [(name: String, value: String)]

    /// Creates a message; only sender, recipients, subject, id, date and text are required.
    public init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: MailAddress? = nil, subject: String,
        messageID: String, inReplyTo: String? = nil, references: [String] = [], date: Date, text: String,
        html: String? = nil, attachments: [MailAttachment] = [], extraHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.text = text
        self.html = html
        self.attachments = attachments
        self.extraHeaders = extraHeaders
    }
}
