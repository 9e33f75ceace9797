/// Contact fields a client sends; on create the required ones must be present, on update nil leaves a field alone.
public struct ContactFields: Sendable, Hashable {
    public var kind: Contact.Kind?
    public var name: String?
    public var emails: [String]?
    public var phone: FieldPatch<String> = .unchanged
    public var organizationID: FieldPatch<Organization.ID> = .unchanged
    public var languageTag: FieldPatch<String> = .unchanged
    public var timeZone: FieldPatch<String> = .unchanged
    public init() {}
}

public struct OrganizationFields: Sendable, Hashable {
    public var name: String?
    public var domains: [String]?
    public var notes: FieldPatch<String> = .unchanged
    public init() {}
}

public struct DepartmentFields: Sendable, Hashable {
    public var name: String?
    public var kind: Department.Kind?
    public var tier: Department.Tier?
    public var escalationTargetID: FieldPatch<Department.ID> = .unchanged
    public var customFields: [CustomFieldDefinition]?
    public init() {}
}

public struct AgentFields: Sendable, Hashable {
    public var name: String?
    public var email: String?
    public var role: Agent.Role?
    public var departmentIDs: [Department.ID]?
    public var languageTag: FieldPatch<String> = .unchanged
    public var timeZone: FieldPatch<String> = .unchanged
    public var isActive: Bool?
    public init() {}
}
