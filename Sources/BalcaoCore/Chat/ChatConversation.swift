import Foundation

/// A live chat: the ticket it is (channel `chat`), who is chatting, and where it stands.
public struct ChatConversation: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<ChatConversation>

    public enum State: String, Sendable, Codable, CaseIterable {
        /// No agent has answered yet.
        case waiting
        /// An agent answered.
        case active
        /// The visitor or an agent ended it; the ticket carries on by email or the portal.
        case ended
    }

    public let id: ID
    public let ticketID: Ticket.ID
    public let ticketNumber: TicketNumber
    public let departmentID: Department.ID
    public let contactID: Contact.ID
    public var state: State
    /// The site the widget ran on (`https://loja.example`), as its browser said.
    public let origin: String?
    public let createdAt: Date
    public var endedAt: Date?

    public init(
        id: ID = ID(), ticketID: Ticket.ID, ticketNumber: TicketNumber, departmentID: Department.ID,
        contactID: Contact.ID, state: State = .waiting, origin: String?, createdAt: Date, endedAt: Date? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.departmentID = departmentID
        self.contactID = contactID
        self.state = state
        self.origin = origin
        self.createdAt = createdAt
        self.endedAt = endedAt
    }
}

extension TicketEvent.Field {
    /// A live chat on the ticket ended: new = who ended it (`visitor`, `agent`).
    public static let chatEnded = TicketEvent.Field(rawValue: "chat_ended")
}
