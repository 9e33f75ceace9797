/// Why a ticket command was refused.
public enum TicketError: Error, Sendable, Equatable {
    case notFound(Ticket.ID)
    case numberNotFound(TicketNumber)
    case invalidTransition(from: TicketStatus, to: TicketStatus)
    /// Closed tickets are final: nothing may be changed or added.
    case closed(TicketNumber)
    /// Someone else saved the ticket between our read and our write, more often than we retry.
    case concurrentUpdate(Ticket.ID)
    /// Only agents may write internal notes.
    case noteByNonAgent
}
