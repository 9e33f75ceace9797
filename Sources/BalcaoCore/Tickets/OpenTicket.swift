/// Who a new ticket is for: a known contact, or an address that is looked up and created when new.
public enum RequesterReference: Sendable, Hashable {
    case id(Contact.ID)
    case email(EmailAddress, name: String?, kind: Contact.Kind?)
}

/// The command to open a ticket: its first message plus the fields to start with.
public struct OpenTicket: Sendable, Hashable {
    public var subject: String
    public var body: MessageBody
    public var requester: RequesterReference
    public var channel: TicketChannel
    public var priority: TicketPriority?
    public var type: TicketType?
    public var category: String?
    public var organizationID: Organization.ID?
    public var departmentID: Department.ID?
    public var assigneeID: Agent.ID?
    public var tags: [String]
    public var customFields: [String: CustomFieldInput]
    public var attachments: [AttachmentUpload]
    public var impact: TriageLevel?
    public var urgency: TriageLevel?
    /// The desk address a mail came to, for routing rules.
    public var receivingAddress: String?
    /// The first message's id when the sender chose it (see `AddMessage.id`).
    public var firstMessageID: Message.ID?

    public init(
        subject: String, body: MessageBody, requester: RequesterReference, channel: TicketChannel,
        priority: TicketPriority? = nil, type: TicketType? = nil, category: String? = nil,
        organizationID: Organization.ID? = nil, departmentID: Department.ID? = nil, assigneeID: Agent.ID? = nil,
        tags: [String] = [], customFields: [String: CustomFieldInput] = [:], attachments: [AttachmentUpload] = [],
        impact: TriageLevel? = nil, urgency: TriageLevel? = nil, receivingAddress: String? = nil,
        firstMessageID: Message.ID? = nil
    ) {
        self.subject = subject
        self.body = body
        self.requester = requester
        self.channel = channel
        self.priority = priority
        self.type = type
        self.category = category
        self.organizationID = organizationID
        self.departmentID = departmentID
        self.assigneeID = assigneeID
        self.tags = tags
        self.customFields = customFields
        self.attachments = attachments
        self.impact = impact
        self.urgency = urgency
        self.receivingAddress = receivingAddress
        self.firstMessageID = firstMessageID
    }

    public static let maxSubjectLength = 250
}

/// The command to add a public reply or an internal note.
public struct AddMessage: Sendable, Hashable {
    public var kind: Message.Kind
    public var body: MessageBody
    public var author: Actor
    public var channel: TicketChannel
    public var attachments: [AttachmentUpload]
    /// Status to set in the same step ("reply and set pending"), as agents do in one click.
    public var status: TicketStatus?
    /// The message's id when the sender chose it (a chat client's id for the line): saving the same id twice
    /// fails, so a line resent after a dropped connection is stored once.
    public var id: Message.ID?

    public init(
        kind: Message.Kind, body: MessageBody, author: Actor, channel: TicketChannel,
        attachments: [AttachmentUpload] = [], status: TicketStatus? = nil, id: Message.ID? = nil
    ) {
        self.kind = kind
        self.body = body
        self.author = author
        self.channel = channel
        self.attachments = attachments
        self.status = status
        self.id = id
    }
}

/// Limits on uploads, set from configuration.
public struct AttachmentPolicy: Sendable, Hashable {
    public var maxBytes: Int
    public var maxCount: Int

    public init(maxBytes: Int = 25 * 1024 * 1024, maxCount: Int = 20) {
        self.maxBytes = maxBytes
        self.maxCount = maxCount
    }

    func check(_ uploads: [AttachmentUpload]) throws(AttachmentError) {
        if uploads.count > maxCount { throw AttachmentError.tooMany(limit: maxCount) }
        if let big = uploads.first(where: { $0.data.count > maxBytes }) {
            throw AttachmentError.tooLarge(filename: big.filename, limit: maxBytes)
        }
    }
}
