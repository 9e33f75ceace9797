/// How soon a ticket must be handled. Ordered: `urgent` sorts first in queues.
public enum TicketPriority: String, Sendable, Codable, CaseIterable, Comparable {
    case low, normal, high, urgent

    /// 0 for low … 3 for urgent; stored so queues can sort by it with an index.
    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    public init?(rank: Int) {
        guard let match = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = match
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// What kind of request a ticket is (ITIL-style), used for routing and reports.
public enum TicketType: String, Sendable, Codable, CaseIterable {
    case question, incident, problem, task, complaint
}

/// Where a ticket or message came from.
public enum TicketChannel: String, Sendable, Codable, CaseIterable {
    case email, chat, portal, api, phone, web
}
