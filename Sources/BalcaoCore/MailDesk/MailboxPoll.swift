import Foundation

/// One poll of a mailbox: every unprocessed message goes through the intake and is then marked processed.
/// A message the intake refuses as unreadable is marked processed too (it would fail forever otherwise) and
/// reported; any other failure stops the poll with the message left in place for the next one.
public struct MailboxPoll: Sendable {
    let intake: MailIntake
    let mail: any MailStore
    let clock: any Clock

    public init(intake: MailIntake, mail: any MailStore, clock: any Clock) {
        self.intake = intake
        self.mail = mail
        self.clock = clock
    }

    public struct Report: Sendable {
        public var received: [MailIntakeResult] = []
        public var rejected: [String] = []
        public var error: String?
    }

    /// Reads `mailbox` through `reader` (closed afterwards) and records the outcome on the mailbox.
    public func run(_ mailbox: Mailbox, reader: any MailboxReader, limit: Int = 100) async -> Report {
        var report = Report()
        do {
            for id in try await reader.unprocessedMessages().prefix(limit) {
                guard let raw = try await reader.message(id) else { continue }
                do {
                    report.received.append(try await intake.receive(raw, recipient: mailbox.address))
                } catch let error as ValidationError {
                    report.rejected.append(error.issues.map { "\($0.field) \($0.message)" }.joined(separator: "; "))
                }
                try await reader.markProcessed(id)
            }
        } catch {
            report.error = String(describing: error)
        }
        await reader.close()
        try? await mail.recordPoll(of: mailbox.id, at: clock.now, error: report.error ?? report.rejected.last)
        return report
    }
}
