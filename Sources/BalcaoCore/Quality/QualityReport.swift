import Foundation

/// The quality team's view of a period: each complaint type's count against the period before (the trend), how many
/// customers reported it more than once, and the organizations reporting it most.
public struct QualityReport: Sendable {
    public enum Trend: String, Sendable, Codable {
        case up, down, flat, new
    }

    public struct Line: Sendable {
        public let key: String
        public let label: String
        public let count: Int
        public let previous: Int
        public let trend: Trend
        /// Change against the previous period in percent (nil when it had none).
        public let change: Int?
        /// Requesters who reported this type twice or more in the period.
        public let repeatRequesters: Int
        /// Organizations with the most tickets of this type, most first (at most three).
        public let topOrganizations: [(id: Organization.ID, count: Int)]
    }

    public let from: Date
    public let to: Date
    /// Most reported first.
    public let lines: [Line]

    /// One ticket's facts the report counts.
    public struct Fact: Sendable, Hashable {
        public let category: String
        public let requesterID: Contact.ID
        public let organizationID: Organization.ID?
        public let createdAt: Date

        public init(category: String, requesterID: Contact.ID, organizationID: Organization.ID?, createdAt: Date) {
            self.category = category
            self.requesterID = requesterID
            self.organizationID = organizationID
            self.createdAt = createdAt
        }
    }

    /// `facts` must cover `[from - (to - from), to)`: this period and the one before, of the same length.
    public init(facts: [Fact], from: Date, to: Date, taxonomy: ComplaintTaxonomy) {
        let length = to.timeIntervalSince(from)
        let current = facts.filter { $0.createdAt >= from && $0.createdAt < to }
        let before = facts.filter { $0.createdAt >= from.addingTimeInterval(-length) && $0.createdAt < from }
        let previousCounts = Dictionary(grouping: before, by: \.category).mapValues(\.count)
        lines = Dictionary(grouping: current, by: \.category).map { key, tickets in
            let previous = previousCounts[key] ?? 0
            let byRequester = Dictionary(grouping: tickets, by: \.requesterID).mapValues(\.count)
            let byOrganization = Dictionary(grouping: tickets.compactMap(\.organizationID), by: { $0 }).mapValues(\.count)
            return Line(
                key: key, label: taxonomy.label(of: key) ?? key, count: tickets.count, previous: previous,
                trend: Self.trend(tickets.count, previous),
                change: previous == 0 ? nil : Int((Double(tickets.count - previous) / Double(previous) * 100).rounded()),
                repeatRequesters: byRequester.values.filter { $0 > 1 }.count,
                topOrganizations: byOrganization.sorted { ($0.value, $1.key.description) > ($1.value, $0.key.description) }
                    .prefix(3).map { ($0.key, $0.value) })
        }
        .sorted { ($0.count, $1.key) > ($1.count, $0.key) }
        self.from = from
        self.to = to
    }

    /// Up or down when the count moved by more than 10 % (and by more than one ticket).
    static func trend(_ count: Int, _ previous: Int) -> Trend {
        if previous == 0 { return count == 0 ? .flat : .new }
        let delta = count - previous
        guard abs(delta) > 1, Double(abs(delta)) > Double(previous) * 0.1 else { return .flat }
        return delta > 0 ? .up : .down
    }
}
