/// What changed on the desk, published after the change is committed. Live queue views, ticket pages and (later)
/// triggers, webhooks and notifications consume these.
public struct TicketChange: Sendable, Hashable {
    public let ticket: Ticket
    public let events: [TicketEvent]
    /// The message added by this change, if any (internal notes included: consumers decide who may see them).
    public let message: Message?
    /// True when the ticket was just opened.
    public let isNew: Bool

    public init(ticket: Ticket, events: [TicketEvent], message: Message?, isNew: Bool) {
        self.ticket = ticket
        self.events = events
        self.message = message
        self.isNew = isNew
    }
}

/// Fans committed changes out to whoever listens. In-process for one instance; PostgreSQL LISTEN/NOTIFY later.
public protocol EventBus: Sendable {
    func publish(_ change: TicketChange) async
}

/// A bus nobody listens to (commands, tests of other parts).
public struct SilentEventBus: EventBus {
    public init() {}
    public func publish(_ change: TicketChange) async {}
}
