import Foundation

/// An event bus that lets the mail notifier see each committed change first (so an agent's reply is in the
/// outbox before the request returns), then passes it on. A notification that cannot be queued is reported and
/// never undoes the change itself.
public struct MailNotifyingBus: EventBus {
    let notifier: MailNotifier
    let next: any EventBus
    let report: @Sendable (String) -> Void
    /// Changes the requester sees elsewhere right now (a live chat with the visitor connected): no mail for those.
    let seenLive: @Sendable (TicketChange) async -> Bool

    public init(
        notifier: MailNotifier, next: any EventBus, report: @escaping @Sendable (String) -> Void,
        seenLive: @escaping @Sendable (TicketChange) async -> Bool = { _ in false }
    ) {
        self.notifier = notifier
        self.next = next
        self.report = report
        self.seenLive = seenLive
    }

    public func publish(_ change: TicketChange) async {
        do {
            if await !seenLive(change) { try await notifier.notify(change) }
        } catch {
            report("mail notification for ticket \(change.ticket.number) not queued: \(error)")
        }
        await next.publish(change)
    }
}
