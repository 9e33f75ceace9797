/// What changed on the desk, published after the change is committed. Live queue views, ticket pages and (later)
/// triggers, webhooks and notifications consume these.
public struct TicketChange: Sendable, Hashable {
    public let ticket: Ticket
    public let events: [TicketEvent]
    /// The message added by this change, if any (internal notes included: consumers decide who may see them).
    public let message: Message?
    /// True when the ticket was just opened.
    public let isNew: Bool
    /// Who caused it: a request (agent, requester, integration) or an automation. Triggers run on the first only,
    /// so an automation's own change cannot set off another round.
    public let origin: ChangeOrigin
    /// What routing rules asked for on a new ticket, carried out once it is saved (notes, mail, webhooks).
    public let effects: [RuleEffect]

    public init(
        ticket: Ticket, events: [TicketEvent], message: Message?, isNew: Bool, origin: ChangeOrigin = .request,
        effects: [RuleEffect] = []
    ) {
        self.ticket = ticket
        self.events = events
        self.message = message
        self.isNew = isNew
        self.origin = origin
        self.effects = effects
    }
}

/// Where a ticket change came from.
public enum ChangeOrigin: String, Sendable, Hashable {
    case request
    case automation
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
