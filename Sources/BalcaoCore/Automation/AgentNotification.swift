import Foundation

/// A message for an agent inside Balcão (the bell in the top bar), written by a rule's `notify` action with
/// channel `in_app` or `both`.
public struct AgentNotification: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<AgentNotification>

    public let id: ID
    public let agentID: Agent.ID
    public let ticketID: Ticket.ID?
    public let ticketNumber: TicketNumber?
    public let title: String
    public let body: String
    public let createdAt: Date
    public var readAt: Date?

    public init(
        id: ID = ID(), agentID: Agent.ID, ticketID: Ticket.ID?, ticketNumber: TicketNumber?, title: String,
        body: String, createdAt: Date, readAt: Date? = nil
    ) {
        self.id = id
        self.agentID = agentID
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.title = title
        self.body = body
        self.createdAt = createdAt
        self.readAt = readAt
    }
}

/// Where a `notify` action delivers.
public enum NotifyChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case email
    /// The agents' bell in Balcão; only agent recipients (assignee, department agents, supervisors).
    case inApp = "in_app"
    case both
}
