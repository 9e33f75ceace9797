/// Full-text search over tickets (number, subject, every message, requester name and emails).
/// BalcaoStore implements it with SQLite FTS5 or PostgreSQL tsvector.
public protocol TicketSearch: Sendable {
    /// The newest matching tickets first, at most `limit`.
    func search(_ query: SearchQuery, limit: Int) async throws -> [Ticket]
}
