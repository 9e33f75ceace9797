/// Where a ticket is in its life. `closed` is final; everything else can move on.
public enum TicketStatus: String, Sendable, Codable, CaseIterable, Comparable {
    case new
    case open
    case pending
    case onHold = "on_hold"
    case solved
    case closed

    /// Statuses an agent still has to work: they count in queues and keep SLA clocks running.
    public var isUnsolved: Bool { self != .solved && self != .closed }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
