import Foundation

/// A requester's verdict on how their solved request was handled (CSAT): good or bad, with an optional comment.
public struct SatisfactionRating: Sendable, Hashable {
    public enum Score: String, Sendable, Codable, CaseIterable {
        case good, bad
    }

    public let ticketID: Ticket.ID
    public let contactID: Contact.ID
    public var score: Score
    public var comment: String?
    public var ratedAt: Date

    public init(ticketID: Ticket.ID, contactID: Contact.ID, score: Score, comment: String?, ratedAt: Date) {
        self.ticketID = ticketID
        self.contactID = contactID
        self.score = score
        self.comment = comment
        self.ratedAt = ratedAt
    }

    public static let maxCommentLength = 2_000
}

extension TicketEvent.Field {
    /// The requester rated the request: old and new are the scores (`good`, `bad`).
    public static let satisfaction = TicketEvent.Field(rawValue: "satisfaction")
}
