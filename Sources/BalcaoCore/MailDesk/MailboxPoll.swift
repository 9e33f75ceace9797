import Foundation

/// One poll of a mailbox. Messages are read by UID after the last one stored (not by the \Seen flag, which people
/// and other clients change); each is stored before it is marked processed and before the progress moves on. The
/// first poll of a folder — or after a new UIDVALIDITY, when the server renumbered it — takes the unread messages
/// (older, read mail is history, not requests) and then follows UIDs; de-duplication keeps every mail single.
/// A failure stops the poll with the message left for the next one; polls failing `MailboxPoll.alertAfter` times
/// in a row alert the admins.
public struct MailboxPoll: Sendable {
    let intake: MailIntake
    let mail: any MailStore
    let clock: any Clock
    let alerts: (any MailboxAlerting)?

    public static let alertAfter = 3

    public init(intake: MailIntake, mail: any MailStore, clock: any Clock, alerts: (any MailboxAlerting)? = nil) {
        self.intake = intake
        self.mail = mail
        self.clock = clock
        self.alerts = alerts
    }

    public struct Report: Sendable {
        public var received: [MailIntakeResult] = []
        public var error: String?
    }

    /// Reads `mailbox` through `reader` (closed afterwards) and records the outcome on the mailbox.
    public func run(_ mailbox: Mailbox, reader: any MailboxReader, limit: Int = 100) async -> Report {
        var report = Report()
        do {
            let validity = try await reader.uidValidity()
            let saved = try await mail.imapProgress(of: mailbox.id)
            var progress: IMAPProgress
            let pending: [UInt32]
            if let saved, saved.uidValidity == validity {
                progress = saved
                pending = try await reader.messages(after: saved.lastUID).filter { $0 > saved.lastUID }
            } else {
                let unseen = try await reader.unseenMessages()
                // Start after everything already read, so it is never picked up later.
                let read = Set(try await reader.messages(after: 0)).subtracting(unseen)
                progress = IMAPProgress(uidValidity: validity, lastUID: read.max() ?? 0)
                pending = unseen
            }
            for uid in pending.sorted().prefix(limit) {
                if let raw = try await reader.message(uid) {
                    report.received.append(try await intake.receive(raw, recipient: mailbox.address))
                }
                progress.lastUID = uid
                try await mail.saveIMAPProgress(progress, of: mailbox.id)
                try await reader.markProcessed(uid)
            }
            if saved == nil || saved != progress { try await mail.saveIMAPProgress(progress, of: mailbox.id) }
        } catch {
            report.error = String(describing: error)
        }
        await reader.close()
        await record(report.error, for: mailbox)
        return report
    }

    /// Records a failed connection (the reader could not even be opened).
    public func recordFailure(_ error: String, for mailbox: Mailbox) async {
        await record(error, for: mailbox)
    }

    private func record(_ error: String?, for mailbox: Mailbox) async {
        guard let streak = try? await mail.recordPoll(of: mailbox.id, at: clock.now, error: error) else { return }
        if streak == Self.alertAfter, let error {
            try? await alerts?.mailboxFailing(mailbox, error: error, failures: streak)
        }
    }
}

/// Tells admins that a mailbox stopped working (in the app they see it on every page; this sends mail too).
public protocol MailboxAlerting: Sendable {
    func mailboxFailing(_ mailbox: Mailbox, error: String, failures: Int) async throws
}
