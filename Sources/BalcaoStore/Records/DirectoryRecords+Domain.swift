import BalcaoCore
import FluentKit
import Foundation

extension OrganizationRecord {
    convenience init(_ organization: Organization) {
        self.init()
        id = organization.id.rawValue
        update(from: organization)
        createdAt = organization.createdAt
    }

    func update(from organization: Organization) {
        name = organization.name
        searchKey = BalcaoStore.searchKey([organization.name] + organization.domains)
        domains = JSONColumn.encode(organization.domains)
        notes = organization.notes
        updatedAt = organization.updatedAt
    }

    func toDomain() throws -> Organization {
        let id = try requireID()
        return Organization(
            id: .init(rawValue: id), name: name,
            domains: try JSONColumn.decode([String].self, domains, table: Self.schema, id: id.uuidString, column: "domains"),
            notes: notes, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension ContactRecord {
    convenience init(_ contact: Contact) {
        self.init()
        id = contact.id.rawValue
        createdAt = contact.createdAt
        update(from: contact)
    }

    func update(from contact: Contact) {
        kind = contact.kind.rawValue
        name = contact.name
        searchKey = BalcaoStore.searchKey([contact.name] + contact.emails.map(\.value))
        phone = contact.phone
        $organization.id = contact.organizationID?.rawValue
        language = contact.languageTag
        timeZone = contact.timeZone
        updatedAt = contact.updatedAt
    }

    func toDomain(emails: [ContactEmailRecord]) throws -> Contact {
        let id = try requireID()
        guard let kind = Contact.Kind(rawValue: kind) else {
            throw StoreError.corruptRow(table: Self.schema, id: id.uuidString, column: "kind")
        }
        return Contact(
            id: .init(rawValue: id), kind: kind, name: name,
            emails: emails.sorted { $0.position < $1.position }.compactMap { $0.id.flatMap(EmailAddress.init) },
            phone: phone, organizationID: $organization.id.map(Organization.ID.init(rawValue:)), languageTag: language,
            timeZone: timeZone, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension DepartmentRecord {
    convenience init(_ department: Department) {
        self.init()
        id = department.id.rawValue
        createdAt = department.createdAt
        update(from: department)
    }

    func update(from department: Department) {
        name = department.name
        searchKey = BalcaoStore.searchKey([department.name])
        kind = department.kind.rawValue
        tier = department.tier.rawValue
        escalationTargetID = department.escalationTargetID?.rawValue
        customFields = JSONColumn.encode(department.customFields)
        updatedAt = department.updatedAt
    }

    func toDomain() throws -> Department {
        let id = try requireID()
        guard let kind = Department.Kind(rawValue: kind), let tier = Department.Tier(rawValue: tier) else {
            throw StoreError.corruptRow(table: Self.schema, id: id.uuidString, column: "kind/tier")
        }
        let fields = try JSONColumn.decode(
            [CustomFieldDefinition].self, customFields, table: Self.schema, id: id.uuidString, column: "custom_fields")
        return Department(
            id: .init(rawValue: id), name: name, kind: kind, tier: tier,
            escalationTargetID: escalationTargetID.map(Department.ID.init(rawValue:)), customFields: fields,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension AgentRecord {
    convenience init(_ agent: Agent) {
        self.init()
        id = agent.id.rawValue
        createdAt = agent.createdAt
        update(from: agent)
    }

    func update(from agent: Agent) {
        name = agent.name
        email = agent.email.value
        searchKey = BalcaoStore.searchKey([agent.name, agent.email.value])
        role = agent.role.rawValue
        language = agent.languageTag
        timeZone = agent.timeZone
        isActive = agent.isActive
        updatedAt = agent.updatedAt
    }

    func toDomain(departments: [AgentDepartmentRecord]) throws -> Agent {
        let id = try requireID()
        guard let role = Agent.Role(rawValue: role), let address = EmailAddress(email) else {
            throw StoreError.corruptRow(table: Self.schema, id: id.uuidString, column: "role/email")
        }
        return Agent(
            id: .init(rawValue: id), name: name, email: address, role: role,
            departmentIDs: departments.sorted { $0.position < $1.position }.map { .init(rawValue: $0.$department.id) },
            languageTag: language, timeZone: timeZone, isActive: isActive, createdAt: createdAt, updatedAt: updatedAt)
    }
}
