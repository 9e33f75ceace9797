import Foundation

/// Sends what is due in the outbox: each mail is claimed, handed to the sender, and marked sent, retried later
/// with backoff, or given up (permanent refusal or out of attempts) so admins see it.
public struct OutboxDelivery: Sendable {
    let outbox: any OutboxStore
    let sender: any MailSender
    let clock: any Clock
    let retryPolicy: OutboxRetryPolicy
    /// How long a claimed mail stays reserved: longer than any SMTP conversation.
    let lease: TimeInterval = 300

    public init(
        outbox: any OutboxStore, sender: any MailSender, clock: any Clock,
        retryPolicy: OutboxRetryPolicy = OutboxRetryPolicy()
    ) {
        self.outbox = outbox
        self.sender = sender
        self.clock = clock
        self.retryPolicy = retryPolicy
    }

    public struct Report: Sendable, Hashable {
        public var sent = 0
        public var retrying = 0
        public var gaveUp = 0
        public var errors: [String] = []
        public var total: Int { sent + retrying + gaveUp }
    }

    /// Delivers up to `limit` due mails, one at a time.
    public func deliverDue(limit: Int = 20) async throws -> Report {
        var report = Report()
        for mail in try await outbox.claimDue(at: clock.now, limit: limit, lease: lease) {
            do {
                try await sender.send(from: mail.envelopeFrom, recipients: mail.recipients, message: mail.raw)
                try await outbox.markSent(mail.id, at: clock.now)
                report.sent += 1
            } catch {
                let failure = error as? MailSendFailure ?? MailSendFailure(String(describing: error), isPermanent: false)
                let attempts = mail.attempts + 1
                let next = retryPolicy.nextAttempt(
                    afterFailures: attempts, permanent: failure.isPermanent, now: clock.now)
                try await outbox.markFailed(mail.id, attempts: attempts, error: failure.message, nextAttemptAt: next)
                if next == nil { report.gaveUp += 1 } else { report.retrying += 1 }
                report.errors.append("\(mail.recipients.joined(separator: ", ")): \(failure.message)")
            }
        }
        return report
    }
}
