import Foundation

/// Filters, order and page of a ticket list (the API's list endpoint and, later, queue views).
public struct TicketQuery: Sendable, Hashable {
    /// Sort keys; every order is made total with the ticket number as tie-breaker, so keyset pages never skip.
    public enum SortKey: String, Sendable, CaseIterable {
        /// The priority ruler agents work by: urgent first, then the nearest SLA due time, then the oldest.
        /// Ascending is that order.
        case ruler
        case updatedAt = "updated_at"
        case createdAt = "created_at"
        case priority
        case number
    }

    public enum AssigneeFilter: Sendable, Hashable {
        case agent(Agent.ID)
        case unassigned
    }

    public var statuses: [TicketStatus] = []
    public var priorities: [TicketPriority] = []
    public var departmentID: Department.ID?
    /// Only tickets in one of these departments (an agent's own desks); empty means no restriction.
    public var departmentIDs: [Department.ID] = []
    public var assignee: AssigneeFilter?
    public var requesterID: Contact.ID?
    public var organizationID: Organization.ID?
    public var tag: String?
    /// A complaint type's key (or any category text).
    public var category: String?
    public var updatedSince: Date?
    /// Created in `[createdSince, createdBefore)`.
    public var createdSince: Date?
    public var createdBefore: Date?
    /// Only tickets whose SLA watch time (`SLAState.nextWatchAt`) is at or before this instant.
    public var slaWatchBefore: Date?
    public var sort: SortKey = .updatedAt
    public var descending = true
    public var limit = 50
    public var after: TicketCursor?

    public static let maxLimit = 200

    public init() {}
}

/// Where the previous page ended: the number of its last ticket, in the order it was listed. Opaque to clients.
/// The store compares against that ticket's stored sort values, so no float or time-zone rounding can make a
/// page skip or repeat a row.
public struct TicketCursor: Sendable, Hashable, Codable {
    public let sort: TicketQuery.SortKey.RawValue
    public let descending: Bool
    public let number: Int

    public init(sort: TicketQuery.SortKey, descending: Bool, number: Int) {
        self.sort = sort.rawValue
        self.descending = descending
        self.number = number
    }

    /// The cursor positioned after `ticket` for `query`'s order.
    public init(after ticket: Ticket, in query: TicketQuery) {
        self.init(sort: query.sort, descending: query.descending, number: ticket.number.value)
    }

    /// URL-safe base64 of the JSON form.
    public var token: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Parses a token; nil when it is not one of ours.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard token.count <= 512, let data = Data(base64Encoded: base64),
            let cursor = try? JSONDecoder().decode(TicketCursor.self, from: data),
            TicketQuery.SortKey(rawValue: cursor.sort) != nil
        else { return nil }
        self = cursor
    }

    /// Whether this cursor was made for `query`'s order (a cursor from another sort would skip or repeat rows).
    public func fits(_ query: TicketQuery) -> Bool {
        sort == query.sort.rawValue && descending == query.descending
    }
}

/// One page of tickets and the cursor of the next, nil on the last page.
public struct TicketPage: Sendable, Hashable {
    public let tickets: [Ticket]
    public let next: TicketCursor?

    public init(tickets: [Ticket], next: TicketCursor?) {
        self.tickets = tickets
        self.next = next
    }
}
