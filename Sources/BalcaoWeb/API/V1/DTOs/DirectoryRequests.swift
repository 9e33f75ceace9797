import BalcaoCore
import Foundation
import Vapor

/// `POST /contacts` and `PATCH /contacts/{id}`.
struct ContactRequest: Content {
    var fields = ContactFields()

    enum CodingKeys: String, CodingKey { case kind, name, emails, phone, organizationId, language, timeZone }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fields.kind = try container.decodeIfPresent(Contact.Kind.self, forKey: .kind)
        fields.name = try container.decodeIfPresent(String.self, forKey: .name)
        fields.emails = try container.decodeIfPresent([String].self, forKey: .emails)
        fields.phone = try container.decodePatch(String.self, forKey: .phone)
        fields.organizationID = try container.decodeIDPatch(Organization.ID.self, forKey: .organizationId)
        fields.languageTag = try container.decodePatch(String.self, forKey: .language)
        fields.timeZone = try container.decodePatch(String.self, forKey: .timeZone)
    }

    func encode(to encoder: any Encoder) throws {}
}

/// `POST /organizations` and `PATCH /organizations/{id}`.
struct OrganizationRequest: Content {
    var fields = OrganizationFields()

    enum CodingKeys: String, CodingKey { case name, domains, notes }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fields.name = try container.decodeIfPresent(String.self, forKey: .name)
        fields.domains = try container.decodeIfPresent([String].self, forKey: .domains)
        fields.notes = try container.decodePatch(String.self, forKey: .notes)
    }

    func encode(to encoder: any Encoder) throws {}
}

/// `POST /departments` and `PATCH /departments/{id}`.
struct DepartmentRequest: Content {
    var fields = DepartmentFields()

    enum CodingKeys: String, CodingKey { case name, kind, tier, escalationTargetId, customFields }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fields.name = try container.decodeIfPresent(String.self, forKey: .name)
        fields.kind = try container.decodeIfPresent(Department.Kind.self, forKey: .kind)
        fields.tier = try container.decodeIfPresent(Department.Tier.self, forKey: .tier)
        fields.escalationTargetID = try container.decodeIDPatch(Department.ID.self, forKey: .escalationTargetId)
        fields.customFields = try container.decodeIfPresent([CustomFieldDefinition].self, forKey: .customFields)
    }

    func encode(to encoder: any Encoder) throws {}
}

/// `POST /agents` and `PATCH /agents/{id}`. A password is optional: agents without one use API tokens only
/// until they set one.
struct AgentRequest: Content {
    var fields = AgentFields()
    var password: String?

    enum CodingKeys: String, CodingKey { case name, email, role, departmentIds, language, timeZone, active, password }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fields.name = try container.decodeIfPresent(String.self, forKey: .name)
        fields.email = try container.decodeIfPresent(String.self, forKey: .email)
        fields.role = try container.decodeIfPresent(Agent.Role.self, forKey: .role)
        fields.departmentIDs = try container.decodeIfPresent([UUID].self, forKey: .departmentIds)?
            .map { .init(rawValue: $0) }
        fields.languageTag = try container.decodePatch(String.self, forKey: .language)
        fields.timeZone = try container.decodePatch(String.self, forKey: .timeZone)
        fields.isActive = try container.decodeIfPresent(Bool.self, forKey: .active)
        password = try container.decodeIfPresent(String.self, forKey: .password)
    }

    func encode(to encoder: any Encoder) throws {}
}

/// `?q=&limit=&offset=` of directory lists, plus the filters some lists take.
enum DirectoryListParameters {
    static func query(from parameters: any URLQueryContainer) throws -> DirectoryQuery {
        var reader = QueryReader(parameters)
        var query = DirectoryQuery()
        query.search = reader.text("q")
        query.limit = reader.integer("limit", in: 1...DirectoryQuery.maxLimit) ?? query.limit
        query.offset = reader.integer("offset", in: 0...Int.max) ?? query.offset
        query.organizationID = reader.id("organizationId", as: Organization.ID.self)
        query.departmentID = reader.id("departmentId", as: Department.ID.self)
        query.contactKind = reader.value("kind", as: Contact.Kind.self, expected: "must be customer or employee")
        try reader.check()
        return query
    }
}

extension Request {
    /// A path parameter that must be a typed id; anything else is a 404 (no such resource).
    func id<Owner>(_ name: String, as _: TypedID<Owner>.Type) throws -> TypedID<Owner> {
        let raw = try parameters.require(name)
        guard let id = TypedID<Owner>(raw) else { throw Abort(.notFound, reason: "\(raw) is not a valid id") }
        return id
    }
}
