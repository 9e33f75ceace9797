import Foundation

/// One mail waiting in (or gone through) the outbox: the rendered message plus its SMTP envelope.
public struct OutboxMail: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<OutboxMail>

    public enum State: String, Sendable, Codable, CaseIterable {
        /// Waiting for its first or next attempt.
        case pending
        case sent
        /// Given up: permanently refused or out of attempts. An admin may retry it.
        case failed
    }

    public let id: ID
    public let ticketID: Ticket.ID?
    public let purpose: NotificationTemplate.Kind
    public let envelopeFrom: String
    public let recipients: [String]
    /// Without angle brackets; recorded against the ticket so replies to this mail thread onto it.
    public let messageID: String
    public let subject: String
    public let raw: Data
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    public let createdAt: Date
    public var sentAt: Date?

    public init(
        id: ID = ID(), ticketID: Ticket.ID?, purpose: NotificationTemplate.Kind, envelopeFrom: String,
        recipients: [String], messageID: String, subject: String, raw: Data, state: State = .pending, attempts: Int = 0,
        nextAttemptAt: Date?, lastError: String? = nil, createdAt: Date, sentAt: Date? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.purpose = purpose
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.messageID = messageID
        self.subject = subject
        self.raw = raw
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}

/// When to try a failed mail again: quickly at first (a server restarting), then backing off to hours, and
/// giving up after a day so a dead address does not retry forever.
public struct OutboxRetryPolicy: Sendable, Hashable {
    public var delays: [TimeInterval]

    public init(delays: [TimeInterval] = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600]) {
        self.delays = delays
    }

    /// The time of the next attempt after `attempts` failed ones, or nil to give up.
    public func nextAttempt(afterFailures attempts: Int, permanent: Bool, now: Date) -> Date? {
        guard !permanent, attempts >= 1, attempts <= delays.count else { return nil }
        return now.addingTimeInterval(delays[attempts - 1])
    }
}
