import Foundation

/// What a requester does to their own request from the portal. Who may is `PortalAccess`'s rule; these apply the
/// lifecycle and record it in the history like any other change.
extension TicketService {
    /// "My problem is solved": no required-field check, those are for the agents who work the ticket.
    public func markSolved(_ id: Ticket.ID, byRequester contact: Contact.ID) async throws -> Ticket {
        try await withRetries(id) { ticket in
            guard ticket.requesterID == contact else { throw PortalError.requestNotFound }
            return ([], try ticket.move(to: .solved, by: .contact(contact), at: clock.now))
        }
    }

    /// Reopens a solved request (the window is checked by the caller, who knows the desk's settings).
    public func reopen(_ id: Ticket.ID, byRequester contact: Contact.ID) async throws -> Ticket {
        try await withRetries(id) { ticket in
            guard ticket.requesterID == contact else { throw PortalError.requestNotFound }
            guard ticket.status == .solved else { throw PortalError.notAllowed }
            return ([], try ticket.move(to: .open, by: .contact(contact), at: clock.now))
        }
    }

    /// Records the requester's satisfaction in the history (the rating itself is kept by `SatisfactionStore`);
    /// a closed ticket still takes it, as ratings often come after the close. `updatedAt` stays: a rating is not
    /// work on the ticket, and must not restart time rules such as closing solved tickets after some days.
    public func recordSatisfaction(_ id: Ticket.ID, old: SatisfactionRating.Score?, new: SatisfactionRating.Score, by contact: Contact.ID)
        async throws -> Ticket
    {
        try await record(.satisfaction, old: old?.rawValue, new: new.rawValue, on: id, by: .contact(contact))
    }

    /// Adds one event to the history without changing the ticket (a rating, a chat ending), published like any
    /// change so open pages and widgets hear of it.
    public func record(_ field: TicketEvent.Field, old: String?, new: String?, on id: Ticket.ID, by actor: Actor)
        async throws -> Ticket
    {
        try await withRetries(id) { _ in
            ([], [TicketEvent(ticketID: id, actor: actor, at: clock.now, field: field, oldValue: old, newValue: new)])
        }
    }
}
