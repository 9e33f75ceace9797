import Foundation

/// A request for help: what a requester asked, who works on it, and where it stands.
public struct Ticket: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<Ticket>

    public let id: ID
    public let number: TicketNumber
    public var subject: String
    public var status: TicketStatus
    public var priority: TicketPriority
    public var type: TicketType
    public var category: String?
    public let channel: TicketChannel
    public var requesterID: Contact.ID
    public var organizationID: Organization.ID?
    public var departmentID: Department.ID?
    public var assigneeID: Agent.ID?
    /// Normalized (see `Tag.normalize`), unique and sorted.
    public var tags: [String]
    public var customFields: [String: CustomFieldValue]
    /// Impact × urgency, when someone rated them; the priority matrix turns them into `priority`.
    public var impact: TriageLevel?
    public var urgency: TriageLevel?
    /// The SLA timers under the policy that matched, nil when no policy applies.
    public var sla: SLAState?
    public let createdAt: Date
    public var updatedAt: Date
    public var firstResponseAt: Date?
    public var solvedAt: Date?
    public var closedAt: Date?
    /// Bumped on every save; a save against a stale version is refused (optimistic concurrency).
    public var version: Int

    public init(
        id: ID = ID(), number: TicketNumber, subject: String, status: TicketStatus = .new,
        priority: TicketPriority = .normal, type: TicketType = .question, category: String? = nil,
        channel: TicketChannel, requesterID: Contact.ID, organizationID: Organization.ID? = nil,
        departmentID: Department.ID? = nil, assigneeID: Agent.ID? = nil, tags: [String] = [],
        customFields: [String: CustomFieldValue] = [:], impact: TriageLevel? = nil, urgency: TriageLevel? = nil,
        sla: SLAState? = nil, createdAt: Date, updatedAt: Date? = nil,
        firstResponseAt: Date? = nil, solvedAt: Date? = nil, closedAt: Date? = nil, version: Int = 1
    ) {
        self.id = id
        self.number = number
        self.subject = subject
        self.status = status
        self.priority = priority
        self.type = type
        self.category = category
        self.channel = channel
        self.requesterID = requesterID
        self.organizationID = organizationID
        self.departmentID = departmentID
        self.assigneeID = assigneeID
        self.tags = tags
        self.customFields = customFields
        self.impact = impact
        self.urgency = urgency
        self.sla = sla
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.firstResponseAt = firstResponseAt
        self.solvedAt = solvedAt
        self.closedAt = closedAt
        self.version = version
    }
}

/// Tag rules shared by tickets and (later) contacts: lower-case, no spaces, at most 64 characters.
public enum Tag {
    /// Lower-cases, trims and joins inner whitespace with "_" (Zendesk's convention); nil when nothing is left.
    public static func normalize(_ raw: String) -> String? {
        let words = raw.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," })
        let tag = words.joined(separator: "_")
        return tag.isEmpty ? nil : tag
    }

    /// Normalized, unique, sorted.
    public static func normalize(_ raw: [String]) -> [String] {
        Array(Set(raw.compactMap(normalize))).sorted()
    }

    public static let maxLength = 64
}
