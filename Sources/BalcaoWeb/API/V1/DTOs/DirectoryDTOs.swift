import BalcaoCore
import Foundation
import Vapor

struct ContactDTO: Content {
    let id: UUID
    let kind: Contact.Kind
    let name: String
    let emails: [String]
    let phone: String?
    let organizationId: UUID?
    let language: String?
    let timeZone: String?
    let createdAt: Date
    let updatedAt: Date

    init(_ contact: Contact) {
        id = contact.id.rawValue
        kind = contact.kind
        name = contact.name
        emails = contact.emails.map(\.value)
        phone = contact.phone
        organizationId = contact.organizationID?.rawValue
        language = contact.languageTag
        timeZone = contact.timeZone
        createdAt = contact.createdAt
        updatedAt = contact.updatedAt
    }
}

struct OrganizationDTO: Content {
    let id: UUID
    let name: String
    let domains: [String]
    let notes: String?
    let createdAt: Date
    let updatedAt: Date

    init(_ organization: Organization) {
        id = organization.id.rawValue
        name = organization.name
        domains = organization.domains
        notes = organization.notes
        createdAt = organization.createdAt
        updatedAt = organization.updatedAt
    }
}

struct DepartmentDTO: Content {
    let id: UUID
    let name: String
    let kind: Department.Kind
    let tier: Int
    let escalationTargetId: UUID?
    let customFields: [CustomFieldDefinition]
    let createdAt: Date
    let updatedAt: Date

    init(_ department: Department) {
        id = department.id.rawValue
        name = department.name
        kind = department.kind
        tier = department.tier.rawValue
        escalationTargetId = department.escalationTargetID?.rawValue
        customFields = department.customFields
        createdAt = department.createdAt
        updatedAt = department.updatedAt
    }
}

struct AgentDTO: Content {
    let id: UUID
    let name: String
    let email: String
    let role: Agent.Role
    let departmentIds: [UUID]
    let language: String?
    let timeZone: String?
    let active: Bool
    let createdAt: Date
    let updatedAt: Date

    init(_ agent: Agent) {
        id = agent.id.rawValue
        name = agent.name
        email = agent.email.value
        role = agent.role
        departmentIds = agent.departmentIDs.map(\.rawValue)
        language = agent.languageTag
        timeZone = agent.timeZone
        active = agent.isActive
        createdAt = agent.createdAt
        updatedAt = agent.updatedAt
    }
}

/// A page of a directory list, ordered by name; ask for the next with `offset + limit`.
struct DirectoryPageDTO<Item: Content>: Content {
    let data: [Item]
    let offset: Int
    let limit: Int
}
