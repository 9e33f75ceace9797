import Foundation

/// The facts about a ticket that decide which SLA policy applies.
public struct SLASubject: Sendable, Hashable {
    public var departmentID: Department.ID?
    public var organizationID: Organization.ID?
    public var priority: TicketPriority
    public var type: TicketType

    public init(
        departmentID: Department.ID? = nil, organizationID: Organization.ID? = nil, priority: TicketPriority,
        type: TicketType
    ) {
        self.departmentID = departmentID
        self.organizationID = organizationID
        self.priority = priority
        self.type = type
    }

    public init(_ ticket: Ticket) {
        self.init(
            departmentID: ticket.departmentID, organizationID: ticket.organizationID, priority: ticket.priority,
            type: ticket.type)
    }
}

/// Which tickets a policy covers. Every non-empty set must contain the ticket's value; an empty set is "any", so a
/// policy without conditions is the catch-all.
public struct SLAConditions: Sendable, Hashable, Codable {
    public var departmentIDs: Set<Department.ID>
    public var priorities: Set<TicketPriority>
    public var organizationIDs: Set<Organization.ID>
    public var types: Set<TicketType>

    public init(
        departmentIDs: Set<Department.ID> = [], priorities: Set<TicketPriority> = [],
        organizationIDs: Set<Organization.ID> = [], types: Set<TicketType> = []
    ) {
        self.departmentIDs = departmentIDs
        self.priorities = priorities
        self.organizationIDs = organizationIDs
        self.types = types
    }

    enum CodingKeys: String, CodingKey {
        case priorities, types
        case departmentIDs = "departmentIds"
        case organizationIDs = "organizationIds"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        departmentIDs = try container.decodeIfPresent(Set<Department.ID>.self, forKey: .departmentIDs) ?? []
        priorities = try container.decodeIfPresent(Set<TicketPriority>.self, forKey: .priorities) ?? []
        organizationIDs = try container.decodeIfPresent(Set<Organization.ID>.self, forKey: .organizationIDs) ?? []
        types = try container.decodeIfPresent(Set<TicketType>.self, forKey: .types) ?? []
    }

    /// A ticket without a department (or organization) never matches a condition that names some.
    public func matches(_ subject: SLASubject) -> Bool {
        Self.allows(departmentIDs, subject.departmentID) && Self.allows(priorities, subject.priority)
            && Self.allows(organizationIDs, subject.organizationID) && Self.allows(types, subject.type)
    }

    private static func allows<Value: Hashable>(_ allowed: Set<Value>, _ value: Value?) -> Bool {
        allowed.isEmpty || value.map(allowed.contains) == true
    }
}

/// Promised response and resolution times for the tickets matching `conditions`, counted on one business calendar.
/// Policies are tried by `order` (lowest first) and the first match wins, so a gold-customer policy goes before the
/// catch-all.
public struct SLAPolicy: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = TypedID<SLAPolicy>

    public let id: ID
    public var name: String
    /// Lower is tried first; ties keep the order of the list given to `matching(_:among:)`.
    public var order: Int
    public var calendarID: BusinessCalendar.ID
    public var conditions: SLAConditions
    public var targets: SLAPriorityTargets
    /// Share of a target used at which a timer reads `.atRisk`: 0.8 warns with a fifth of the time left.
    public var warningThreshold: Double
    /// Escalate a breached ticket to its department's tier-2 team (when it has one).
    public var escalateOnBreach: Bool

    public init(
        id: ID = ID(), name: String, order: Int = 0, calendarID: BusinessCalendar.ID,
        conditions: SLAConditions = SLAConditions(), targets: SLAPriorityTargets, warningThreshold: Double = 0.8,
        escalateOnBreach: Bool = false
    ) {
        self.id = id
        self.name = name
        self.order = order
        self.calendarID = calendarID
        self.conditions = conditions
        self.targets = targets
        self.warningThreshold = warningThreshold
        self.escalateOnBreach = escalateOnBreach
    }

    enum CodingKeys: String, CodingKey {
        case id, name, order, conditions, targets, warningThreshold, escalateOnBreach
        case calendarID = "calendarId"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(ID.self, forKey: .id) ?? ID()
        name = try container.decode(String.self, forKey: .name)
        order = try container.decodeIfPresent(Int.self, forKey: .order) ?? 0
        calendarID = try container.decode(BusinessCalendar.ID.self, forKey: .calendarID)
        conditions = try container.decodeIfPresent(SLAConditions.self, forKey: .conditions) ?? SLAConditions()
        targets = try container.decode(SLAPriorityTargets.self, forKey: .targets)
        warningThreshold = try container.decodeIfPresent(Double.self, forKey: .warningThreshold) ?? 0.8
        escalateOnBreach = try container.decodeIfPresent(Bool.self, forKey: .escalateOnBreach) ?? false
    }

    /// The policy that governs `subject`: the first match by `order`, nil when none applies.
    public static func matching(_ subject: SLASubject, among policies: [SLAPolicy]) -> SLAPolicy? {
        policies.enumerated()
            .sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
            .first { $0.element.conditions.matches(subject) }?
            .element
    }

    /// Targets must be positive and at most `SLAClock.maximumDuration` (what the clock can add); fields are
    /// `targets.urgent.firstResponse` and so on.
    public func validate() throws(ValidationError) {
        var issues = ValidationCollector()
        issues.requireText(name, field: "name", maxLength: 120)
        if !(warningThreshold > 0 && warningThreshold <= 1) {
            issues.add("warningThreshold", "must be more than 0 and at most 1")
        }
        for priority in TicketPriority.allCases {
            for metric in SLAMetric.allCases {
                guard let seconds = targets[priority][metric] else { continue }
                if !(seconds > 0 && seconds <= SLAClock.maximumDuration) {
                    issues.add(
                        "targets.\(priority.rawValue).\(metric.propertyName)",
                        "must be more than 0 and at most \(Int(SLAClock.maximumDuration)) seconds")
                }
            }
        }
        try issues.check()
    }
}

extension SLAMetric {
    /// The Swift/JSON property name (`firstResponse`), used in validation paths.
    var propertyName: String {
        switch self {
        case .firstResponse: "firstResponse"
        case .nextResponse: "nextResponse"
        case .resolution: "resolution"
        }
    }
}
