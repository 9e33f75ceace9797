import Foundation

/// A contact's or organization's tickets as one timeline, newest first, with each complaint type's count: what a
/// quality analyst or an account manager reads before calling a customer.
public struct IncidentHistory: Sendable {
    public struct Entry: Sendable {
        public let ticket: Ticket
        /// "Product › Delivery › Late"; nil when unclassified.
        public let categoryLabel: String?
        /// Its place among this history's tickets of the same type, oldest first (1 for the first report).
        public let occurrence: Int?
    }

    public struct TypeSummary: Sendable, Hashable {
        public let key: String
        public let label: String
        public let count: Int
        public let first: Date
        public let last: Date
    }

    public static let maxTickets = 1_000

    public let entries: [Entry]
    /// Most reported first.
    public let types: [TypeSummary]
    /// More tickets exist than the history holds (the oldest are left out).
    public let isTruncated: Bool

    public init(tickets: [Ticket], taxonomy: ComplaintTaxonomy, isTruncated: Bool = false) {
        let oldestFirst = tickets.sorted { ($0.createdAt, $0.number.value) < ($1.createdAt, $1.number.value) }
        var seen: [String: Int] = [:]
        var occurrences: [Ticket.ID: Int] = [:]
        for ticket in oldestFirst {
            guard let category = ticket.category, !category.isEmpty else { continue }
            seen[category, default: 0] += 1
            occurrences[ticket.id] = seen[category]
        }
        entries = oldestFirst.reversed().map {
            Entry(ticket: $0, categoryLabel: taxonomy.label(of: $0.category), occurrence: occurrences[$0.id])
        }
        types = Dictionary(grouping: oldestFirst.filter { !($0.category ?? "").isEmpty }, by: { $0.category! })
            .map { key, tickets in
                TypeSummary(
                    key: key, label: taxonomy.label(of: key) ?? key, count: tickets.count,
                    first: tickets.first!.createdAt, last: tickets.last!.createdAt)
            }
            .sorted { ($0.count, $0.last) > ($1.count, $1.last) }
        self.isTruncated = isTruncated
    }
}

extension QualityService {
    public enum HistoryOwner: Sendable, Hashable {
        case contact(Contact.ID)
        case organization(Organization.ID)
    }

    /// The owner's tickets, newest `IncidentHistory.maxTickets` at most.
    public func history(of owner: HistoryOwner) async throws -> IncidentHistory {
        var query = TicketQuery()
        switch owner {
        case .contact(let id): query.requesterID = id
        case .organization(let id): query.organizationID = id
        }
        query.sort = .createdAt
        query.descending = true
        query.limit = TicketQuery.maxLimit
        var found: [Ticket] = []
        var more = true
        while more, found.count < IncidentHistory.maxTickets {
            let page = try await tickets.tickets(query)
            found += page.tickets
            query.after = page.next
            more = page.next != nil
        }
        return IncidentHistory(
            tickets: Array(found.prefix(IncidentHistory.maxTickets)), taxonomy: try await store.taxonomy(),
            isTruncated: more || found.count > IncidentHistory.maxTickets)
    }
}
