import FluentKit
import Foundation

// Fluent models are classes with property wrappers, mutable by design; each is confined to the task that loaded
// it, which is why they are `@unchecked Sendable` (as in vapor/template).

final class OrganizationRecord: Model, @unchecked Sendable {
    static let schema = "organizations"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "search_key") var searchKey: String
    @Field(key: "domains") var domains: String
    @OptionalField(key: "notes") var notes: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

/// One row per mail domain, so an incoming address finds its organization with one indexed lookup.
final class OrganizationDomainRecord: Model, @unchecked Sendable {
    static let schema = "organization_domains"
    @ID(custom: "domain", generatedBy: .user) var id: String?
    @Parent(key: "organization_id") var organization: OrganizationRecord
    init() {}
    init(domain: String, organizationID: UUID) {
        self.id = domain
        self.$organization.id = organizationID
    }
}

final class ContactRecord: Model, @unchecked Sendable {
    static let schema = "contacts"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "search_key") var searchKey: String
    @OptionalField(key: "phone") var phone: String?
    @OptionalParent(key: "organization_id") var organization: OrganizationRecord?
    @OptionalField(key: "language") var language: String?
    @OptionalField(key: "time_zone") var timeZone: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Children(for: \.$contact) var emails: [ContactEmailRecord]
    init() {}
}

/// Addresses are unique across contacts: the primary key is the address itself.
final class ContactEmailRecord: Model, @unchecked Sendable {
    static let schema = "contact_emails"
    @ID(custom: "email", generatedBy: .user) var id: String?
    @Parent(key: "contact_id") var contact: ContactRecord
    @Field(key: "position") var position: Int
    init() {}
    init(email: String, contactID: UUID, position: Int) {
        self.id = email
        self.$contact.id = contactID
        self.position = position
    }
}

final class DepartmentRecord: Model, @unchecked Sendable {
    static let schema = "departments"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "search_key") var searchKey: String
    @Field(key: "kind") var kind: String
    @Field(key: "tier") var tier: Int
    @OptionalField(key: "escalation_target_id") var escalationTargetID: UUID?
    @Field(key: "custom_fields") var customFields: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

final class AgentRecord: Model, @unchecked Sendable {
    static let schema = "agents"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Field(key: "search_key") var searchKey: String
    @Field(key: "role") var role: String
    @OptionalField(key: "language") var language: String?
    @OptionalField(key: "time_zone") var timeZone: String?
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

final class AgentDepartmentRecord: Model, @unchecked Sendable {
    static let schema = "agent_departments"
    @ID(key: .id) var id: UUID?
    @Parent(key: "agent_id") var agent: AgentRecord
    @Parent(key: "department_id") var department: DepartmentRecord
    @Field(key: "position") var position: Int
    init() {}
    init(agentID: UUID, departmentID: UUID, position: Int) {
        self.id = UUID()
        self.$agent.id = agentID
        self.$department.id = departmentID
        self.position = position
    }
}

final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(key: .id) var id: UUID?
    @Parent(key: "agent_id") var agent: AgentRecord
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    init() {}
}
