import FluentKit
import Foundation

final class MailMessageIDRecord: Model, @unchecked Sendable {
    static let schema = "mail_message_ids"
    @ID(custom: "message_id", generatedBy: .user) var id: String?
    /// Nil while an inbound mail is claimed but not yet stored.
    @OptionalField(key: "ticket_id") var ticketID: UUID?
    @Field(key: "direction") var direction: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class MailboxRecord: Model, @unchecked Sendable {
    static let schema = "mailboxes"
    @ID(key: .id) var id: UUID?
    @Field(key: "address") var address: String
    @Field(key: "display_name") var displayName: String
    @OptionalField(key: "department_id") var departmentID: UUID?
    /// JSON of `IMAPSettings`, nil for an address fed only by pipe or HTTP.
    @OptionalField(key: "imap") var imap: String?
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "last_polled_at") var lastPolledAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "imap_uid_validity") var imapUIDValidity: Int64?
    @OptionalField(key: "imap_last_uid") var imapLastUID: Int64?
    /// Polls failed in a row; admins are alerted when it reaches `MailboxHealth.alertAfter`.
    @Field(key: "failure_count") var failureCount: Int
    init() {}
}

final class MailTemplateRecord: Model, @unchecked Sendable {
    static let schema = "mail_templates"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "language") var language: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

final class OutboxRecord: Model, @unchecked Sendable {
    static let schema = "outbox"
    @ID(key: .id) var id: UUID?
    @OptionalField(key: "ticket_id") var ticketID: UUID?
    @Field(key: "purpose") var purpose: String
    @Field(key: "envelope_from") var envelopeFrom: String
    /// JSON array of addresses.
    @Field(key: "recipients") var recipients: String
    /// The first recipient again, indexed, for the auto-reply cap.
    @Field(key: "first_recipient") var firstRecipient: String
    @Field(key: "message_id") var messageID: String
    @Field(key: "subject") var subject: String
    @Field(key: "raw") var raw: Data
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "claim_token") var claimToken: UUID?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    init() {}
}

final class DeskSecretRecord: Model, @unchecked Sendable {
    static let schema = "desk_secrets"
    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    init() {}
}

final class MailParticipantRecord: Model, @unchecked Sendable {
    static let schema = "mail_participants"
    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketID: UUID
    @Field(key: "email") var email: String
    @OptionalField(key: "name") var name: String?
    init() {}
}

final class UndeliverableRecord: Model, @unchecked Sendable {
    static let schema = "mail_undeliverable"
    @ID(custom: "email", generatedBy: .user) var id: String?
    @Field(key: "until") var until: Date
    @Field(key: "reason") var reason: String
    @Field(key: "recorded_at") var recordedAt: Date
    init() {}
}

final class QuarantineRecord: Model, @unchecked Sendable {
    static let schema = "mail_quarantine"
    @ID(key: .id) var id: UUID?
    @OptionalField(key: "mailbox_id") var mailboxID: UUID?
    @OptionalField(key: "recipient") var recipient: String?
    @OptionalField(key: "sender") var sender: String?
    @Field(key: "subject") var subject: String
    @Field(key: "reason") var reason: String
    @Field(key: "raw") var raw: Data
    @Field(key: "size") var size: Int
    @Field(key: "received_at") var receivedAt: Date
    init() {}
}

final class TicketMailboxRecord: Model, @unchecked Sendable {
    static let schema = "mail_ticket_mailboxes"
    @ID(custom: "ticket_id", generatedBy: .user) var id: UUID?
    @Field(key: "mailbox_id") var mailboxID: UUID
    init() {}
}
