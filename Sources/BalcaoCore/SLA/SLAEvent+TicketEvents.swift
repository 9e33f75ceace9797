import Foundation

extension SLAEvent {
    /// The SLA events a ticket's history stands for, with their times. `createdWith` is the priority the ticket was
    /// opened with (the `created` event does not carry it). Notes, field edits and system messages answer nobody.
    public static func derived(from events: [TicketEvent], createdWith priority: TicketPriority) -> [(SLAEvent, Date)] {
        events.compactMap { event in
            switch event.field {
            case .created:
                return (.ticketCreated(priority), event.at)
            case .reply:
                switch event.actor {
                case .agent: return (.agentReplied, event.at)
                case .contact: return (.requesterReplied, event.at)
                case .system: return nil
                }
            case .status:
                guard let from = event.oldValue.flatMap(TicketStatus.init), let to = event.newValue.flatMap(TicketStatus.init)
                else { return nil }
                return (.statusChanged(from: from, to: to), event.at)
            case .priority:
                return event.newValue.flatMap(TicketPriority.init).map { (.priorityChanged(to: $0), event.at) }
            default:
                return nil
            }
        }
    }

    /// The priority a ticket was opened with: the old value of its first priority change, else its priority now.
    public static func initialPriority(of ticket: Ticket, history: [TicketEvent]) -> TicketPriority {
        history.first { $0.field == .priority }?.oldValue.flatMap(TicketPriority.init) ?? ticket.priority
    }
}

extension SLAState {
    /// The most pressing state of the running timers, for rules and badges: breached, then at risk, running, paused,
    /// met.
    public func worstStatus(at date: Date, clock: SLAClock) -> SLATimer.Status? {
        let order: [SLATimer.Status] = [.breached, .atRisk, .running, .paused, .met]
        let statuses = SLAMetric.allCases.compactMap { status(of: $0, at: date, clock: clock) }
        return order.first(where: statuses.contains)
    }
}
