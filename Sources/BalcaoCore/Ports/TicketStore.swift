import Foundation

/// Loads and saves tickets with their conversation and history. BalcaoStore implements it.
public protocol TicketStore: Sendable {
    /// Reserves the next human number. Numbers only grow; one lost to a failed save leaves a gap.
    func nextTicketNumber() async throws -> TicketNumber
    func ticket(_ id: Ticket.ID) async throws -> Ticket?
    func ticket(number: TicketNumber) async throws -> Ticket?
    /// Inserts a new ticket with its first messages and events in one transaction.
    func insert(_ ticket: Ticket, messages: [Message], events: [TicketEvent]) async throws
    /// Saves `ticket` (whose `version` is already bumped) with new messages and events in one transaction,
    /// only if the stored version is still `ticket.version - 1`. Returns false when someone saved in between.
    func update(_ ticket: Ticket, messages: [Message], events: [TicketEvent]) async throws -> Bool
    func tickets(_ query: TicketQuery) async throws -> TicketPage
    /// The conversation, oldest first.
    func messages(of ticketID: Ticket.ID) async throws -> [Message]
    /// The history, oldest first.
    func events(of ticketID: Ticket.ID) async throws -> [TicketEvent]
    /// An attachment and the message it belongs to.
    func attachment(_ id: Attachment.ID) async throws -> (attachment: Attachment, message: Message.ID, ticket: Ticket.ID)?
    /// Ticket counts per (department, assignee, status), kept up to date with every change.
    func queueCounts() async throws -> QueueCounts
    /// How many tickets point at a contact, organization, department or agent (deleting those is refused then).
    func ticketCount(referencing reference: TicketReference) async throws -> Int
}

/// Something tickets point at.
public enum TicketReference: Sendable, Hashable {
    case requester(Contact.ID)
    case organization(Organization.ID)
    case department(Department.ID)
    case assignee(Agent.ID)
}

/// Keeps attachment bytes by content hash, so the same file sent twice is stored once.
public protocol BlobStore: Sendable {
    /// Stores `data` and returns its lower-case hex SHA-256.
    func put(_ data: Data) async throws -> String
    func get(_ sha256: String) async throws -> Data?
}
