import Foundation

/// What Balcão remembers about mail: which Message-IDs belong to which ticket (threading and de-duplication),
/// the mailboxes it serves, and the notification templates admins edited. BalcaoStore implements it.
public protocol MailStore: Sendable {
    /// Reserves an inbound Message-ID before the mail is processed. False when it was already taken: the same
    /// mail delivered twice (or by two pollers at once) is stored once.
    func claimInbound(messageID: String, at: Date) async throws -> Bool
    /// Gives a claimed id back after processing failed, so a later delivery can try again.
    func releaseInbound(messageID: String) async throws
    /// Records which ticket a Message-ID (inbound or outbound) belongs to.
    func link(messageID: String, to ticketID: Ticket.ID, direction: MailDirection, at: Date) async throws
    /// The ticket the first known id of `messageIDs` belongs to.
    func ticketID(forMessageIDs messageIDs: [String]) async throws -> Ticket.ID?
    /// Every Message-ID of a ticket's mail with its direction, oldest first: the References of the next mail
    /// Balcão sends, whose In-Reply-To is the newest inbound one.
    func messageIDs(of ticketID: Ticket.ID) async throws -> [(id: String, direction: MailDirection)]

    func mailboxes() async throws -> [Mailbox]
    func mailbox(_ id: Mailbox.ID) async throws -> Mailbox?
    func mailbox(address: EmailAddress) async throws -> Mailbox?
    /// Throws `MailboxError.addressTaken` when another mailbox has the address.
    func save(_ mailbox: Mailbox) async throws
    func deleteMailbox(_ id: Mailbox.ID) async throws
    /// Records the outcome of a poll without touching the admin's fields; returns how many polls in a row have now
    /// failed (0 after a success).
    @discardableResult
    func recordPoll(of id: Mailbox.ID, at: Date, error: String?) async throws -> Int
    /// Where IMAP polling of a mailbox got to.
    func imapProgress(of id: Mailbox.ID) async throws -> IMAPProgress?
    func saveIMAPProgress(_ progress: IMAPProgress, of id: Mailbox.ID) async throws

    /// The mailbox a ticket's first mail came in on, so replies leave from the address the customer wrote to.
    func setMailbox(_ mailboxID: Mailbox.ID, for ticketID: Ticket.ID) async throws
    func mailboxID(for ticketID: Ticket.ID) async throws -> Mailbox.ID?

    /// People copied on a ticket's mail (Cc), who receive its replies and whose mail threads onto it.
    func participants(of ticketID: Ticket.ID) async throws -> [MailAddress]
    func addParticipants(_ addresses: [MailAddress], to ticketID: Ticket.ID) async throws

    /// Addresses that bounced permanently: no mail goes to them until `until`.
    func markUndeliverable(_ email: String, until: Date, reason: String, at: Date) async throws
    /// Which of `emails` are undeliverable at `now`, with why and until when (addresses lower-cased).
    func undeliverable(_ emails: [String], at now: Date) async throws -> [UndeliverableAddress]
    func undeliverableAddresses(at now: Date) async throws -> [UndeliverableAddress]
    func clearUndeliverable(_ email: String) async throws

    /// Mail that could not become a ticket (unreadable, too large), kept whole for an admin to look at.
    func quarantine(_ mail: QuarantinedMail) async throws
    /// The newest held mail, without their bytes.
    func quarantined(limit: Int) async throws -> [QuarantinedMail]
    func quarantinedMail(_ id: QuarantinedMail.ID) async throws -> QuarantinedMail?
    func deleteQuarantined(_ id: QuarantinedMail.ID) async throws

    /// Admin-edited templates; kinds and languages not listed use the built-in text.
    func templates() async throws -> [NotificationTemplate]
    func save(_ template: NotificationTemplate) async throws
    func deleteTemplate(_ kind: NotificationTemplate.Kind, language: SupportedLanguage) async throws
}

public enum MailDirection: String, Sendable, Codable {
    case inbound, outbound
}

public enum MailboxError: Error, Sendable, Equatable {
    case addressTaken(EmailAddress)
    case notFound(Mailbox.ID)
}

/// The durable queue of mail to send. Nothing is lost on restart; failures stay visible to admins.
public protocol OutboxStore: Sendable {
    func enqueue(_ mail: OutboxMail) async throws
    /// Claims up to `limit` mails due at `now` for `lease` seconds, so a second worker (or instance) skips them.
    func claimDue(at now: Date, limit: Int, lease: TimeInterval) async throws -> [OutboxMail]
    func markSent(_ id: OutboxMail.ID, at: Date) async throws
    /// Records a failed attempt: `nextAttemptAt` nil means given up.
    func markFailed(_ id: OutboxMail.ID, attempts: Int, error: String, nextAttemptAt: Date?) async throws
    /// Puts a given-up mail back in the queue now (an admin's "retry").
    func retry(_ id: OutboxMail.ID, at: Date) async throws -> Bool
    func outbox(_ filter: OutboxFilter, limit: Int) async throws -> [OutboxMail]
    func outboxCounts() async throws -> [OutboxMail.State: Int]
    /// Whether any mail is in `state` (cheap at any outbox size: the layout asks on every admin page).
    func hasMail(in state: OutboxMail.State) async throws -> Bool
    /// How many mails of a purpose went (or wait to go) to `recipient` since a time: caps auto-replies so two
    /// auto-responders that ignore the rules cannot mail each other forever.
    func count(_ purposes: [NotificationTemplate.Kind], to recipient: String, ticket: Ticket.ID?, since: Date)
        async throws -> Int
}

public enum OutboxFilter: String, Sendable, CaseIterable {
    case all, pending, failed, sent
}
