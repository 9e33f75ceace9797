import Foundation

/// How a department hands new tickets to its agents.
public enum AssignmentStrategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Tickets wait in the queue until an agent takes one.
    case manual
    /// Each new ticket goes to the available agent who got one longest ago.
    case roundRobin = "round_robin"
    /// Each new ticket goes to the available agent with the fewest unsolved tickets (ties: round-robin).
    case leastOpen = "least_open"
}

/// Whether an agent takes new work. Agents who never said count as online: a new desk assigns from day one.
public enum AgentAvailability: String, Sendable, Hashable, Codable, CaseIterable {
    case online, away, offline
}

/// One agent as an assignment strategy sees them.
public struct AssignmentCandidate: Sendable, Hashable {
    public let agentID: Agent.ID
    public let availability: AgentAvailability
    public let unsolvedTickets: Int
    /// When this department last gave them a ticket; nil for never.
    public let lastAssignedAt: Date?

    public init(agentID: Agent.ID, availability: AgentAvailability, unsolvedTickets: Int, lastAssignedAt: Date?) {
        self.agentID = agentID
        self.availability = availability
        self.unsolvedTickets = unsolvedTickets
        self.lastAssignedAt = lastAssignedAt
    }
}

extension AssignmentStrategy {
    /// The agent to give the next ticket to, nil for manual or when nobody is online.
    public func choose(among candidates: [AssignmentCandidate]) -> Agent.ID? {
        let online = candidates.filter { $0.availability == .online }
        // Never-assigned first, then the longest ago; the id settles exact ties so the choice is stable.
        func rotation(_ lhs: AssignmentCandidate, _ rhs: AssignmentCandidate) -> Bool {
            let left = lhs.lastAssignedAt ?? .distantPast
            let right = rhs.lastAssignedAt ?? .distantPast
            return left != right ? left < right : lhs.agentID.description < rhs.agentID.description
        }
        switch self {
        case .manual: return nil
        case .roundRobin: return online.min(by: rotation)?.agentID
        case .leastOpen:
            return online.min {
                $0.unsolvedTickets != $1.unsolvedTickets ? $0.unsolvedTickets < $1.unsolvedTickets : rotation($0, $1)
            }?.agentID
        }
    }
}
