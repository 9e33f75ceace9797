/// A change to a nullable field: leave it, set it, or clear it.
public enum FieldPatch<Value: Sendable & Hashable>: Sendable, Hashable {
    case unchanged
    case set(Value)
    case clear

    /// Applies the patch to `current`.
    public func applied(to current: Value?) -> Value? {
        switch self {
        case .unchanged: current
        case .set(let value): value
        case .clear: nil
        }
    }
}

/// Field changes an agent (or a rule) makes to a ticket in one go. Nil / `.unchanged` leaves a field as it is.
public struct TicketChanges: Sendable, Hashable {
    public var subject: String?
    public var status: TicketStatus?
    public var priority: TicketPriority?
    public var type: TicketType?
    public var category: FieldPatch<String> = .unchanged
    public var requesterID: Contact.ID?
    public var organizationID: FieldPatch<Organization.ID> = .unchanged
    public var departmentID: FieldPatch<Department.ID> = .unchanged
    public var assigneeID: FieldPatch<Agent.ID> = .unchanged
    public var impact: FieldPatch<TriageLevel> = .unchanged
    public var urgency: FieldPatch<TriageLevel> = .unchanged
    /// Replaces the whole tag list.
    public var tags: [String]?
    /// Raw values per field key; checked against the department's definitions before they are applied.
    public var customFields: [String: CustomFieldInput] = [:]

    public init() {}

    public var isEmpty: Bool { self == TicketChanges() }
}
