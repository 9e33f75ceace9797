import Foundation

/// What recurrence is counted on: a ticket's category, who raised it and when.
public struct RecurrenceSubject: Sendable, Hashable {
    public let ticketID: Ticket.ID
    public let category: String
    public let requesterID: Contact.ID
    public let organizationID: Organization.ID?
    public let createdAt: Date

    public init(
        ticketID: Ticket.ID, category: String, requesterID: Contact.ID, organizationID: Organization.ID?, createdAt: Date
    ) {
        self.ticketID = ticketID
        self.category = category
        self.requesterID = requesterID
        self.organizationID = organizationID
        self.createdAt = createdAt
    }

    public init?(_ ticket: Ticket) {
        guard let category = ticket.category, !category.isEmpty else { return nil }
        self.init(
            ticketID: ticket.id, category: category, requesterID: ticket.requesterID,
            organizationID: ticket.organizationID, createdAt: ticket.createdAt)
    }
}

/// How many earlier tickets of the same category, within `days` before this one: the requester's, their
/// organization's (nil without one) and everyone's.
public struct RecurrenceCount: Sendable, Hashable, Codable {
    public let days: Int
    public let requester: Int
    public let organization: Int?
    public let overall: Int

    public init(days: Int, requester: Int, organization: Int?, overall: Int) {
        self.days = days
        self.requester = requester
        self.organization = organization
        self.overall = overall
    }

    /// The ticket's place among the requester's reports of it in the window: 1 for the first time.
    public var requesterOrdinal: Int { requester + 1 }
}

public enum RecurrenceCounter {
    /// Counts from the tickets themselves; the store counts the same in SQL, and tests compare the two.
    /// "Earlier" is strictly before the subject's creation; the window starts `days` × 24 h before it.
    public static func counts(for subject: RecurrenceSubject, among tickets: [RecurrenceSubject], windows: [Int])
        -> [RecurrenceCount]
    {
        windows.map { days in
            let start = subject.createdAt.addingTimeInterval(-Double(days) * 86400)
            let earlier = tickets.filter {
                $0.ticketID != subject.ticketID && $0.category == subject.category && $0.createdAt < subject.createdAt
                    && $0.createdAt >= start
            }
            return RecurrenceCount(
                days: days, requester: earlier.filter { $0.requesterID == subject.requesterID }.count,
                organization: subject.organizationID.map { organization in
                    earlier.filter { $0.organizationID == organization }.count
                },
                overall: earlier.count)
        }
    }

    /// The window the ticket page and queue badge speak of: the middle one (30 days by default).
    public static func headlineWindow(_ windows: [Int]) -> Int? {
        let sorted = windows.sorted()
        return sorted.isEmpty ? nil : sorted[sorted.count / 2]
    }
}
