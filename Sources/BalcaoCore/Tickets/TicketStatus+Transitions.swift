extension TicketStatus {
    /// The statuses a ticket may move to from this one.
    ///
    /// - `new` only leaves forward (it is never re-entered: once someone touched a ticket it is not new).
    /// - `solved` may be reopened (by the requester replying, or an agent) or closed; only a solved ticket closes,
    ///   so every closed ticket is a finished record.
    /// - `closed` is final: a requester writing again gets a follow-up ticket, as in Zendesk.
    public var allowedNextStatuses: Set<TicketStatus> {
        switch self {
        case .new: [.open, .pending, .onHold, .solved]
        case .open: [.pending, .onHold, .solved]
        case .pending: [.open, .onHold, .solved]
        case .onHold: [.open, .pending, .solved]
        case .solved: [.open, .pending, .onHold, .closed]
        case .closed: []
        }
    }

    /// Whether moving from this status to `next` is allowed; staying put is always allowed.
    public func canMove(to next: TicketStatus) -> Bool {
        next == self || allowedNextStatuses.contains(next)
    }
}
