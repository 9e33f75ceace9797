import BalcaoCore
import Vapor

/// `/api/v1/contacts` and `/api/v1/organizations`: the people tickets are for.
struct ContactsAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let contacts = routes.grouped("contacts")
        contacts.get(use: list)
        contacts.post(use: create)
        contacts.get(":contactID", use: show)
        contacts.patch(":contactID", use: update)
        contacts.delete(":contactID", use: delete)
    }

    @Sendable func list(req: Request) async throws -> DirectoryPageDTO<ContactDTO> {
        let query = try DirectoryListParameters.query(from: req.query)
        let contacts = try await services.directory.contacts(query)
        return DirectoryPageDTO(data: contacts.map(ContactDTO.init), offset: query.offset, limit: query.limit)
    }

    @Sendable func show(req: Request) async throws -> ContactDTO {
        let id = try req.id("contactID", as: Contact.ID.self)
        guard let contact = try await services.directory.contact(id) else { throw DirectoryError.contactNotFound(id) }
        return ContactDTO(contact)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.content.decode(ContactRequest.self).fields
        let contact = try await services.people.createContact(fields)
        return try await created(ContactDTO(contact), at: "contacts/\(contact.id)", for: req)
    }

    @Sendable func update(req: Request) async throws -> ContactDTO {
        let fields = try req.content.decode(ContactRequest.self).fields
        return ContactDTO(try await services.people.updateContact(try req.id("contactID", as: Contact.ID.self), fields))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        try await services.people.deleteContact(try req.id("contactID", as: Contact.ID.self))
        return .noContent
    }
}

struct OrganizationsAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let organizations = routes.grouped("organizations")
        organizations.get(use: list)
        organizations.post(use: create)
        organizations.get(":organizationID", use: show)
        organizations.patch(":organizationID", use: update)
        organizations.delete(":organizationID", use: delete)
    }

    @Sendable func list(req: Request) async throws -> DirectoryPageDTO<OrganizationDTO> {
        let query = try DirectoryListParameters.query(from: req.query)
        let organizations = try await services.directory.organizations(query)
        return DirectoryPageDTO(data: organizations.map(OrganizationDTO.init), offset: query.offset, limit: query.limit)
    }

    @Sendable func show(req: Request) async throws -> OrganizationDTO {
        let id = try req.id("organizationID", as: Organization.ID.self)
        guard let organization = try await services.directory.organization(id) else {
            throw DirectoryError.organizationNotFound(id)
        }
        return OrganizationDTO(organization)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.content.decode(OrganizationRequest.self).fields
        let organization = try await services.people.createOrganization(fields)
        return try await created(OrganizationDTO(organization), at: "organizations/\(organization.id)", for: req)
    }

    @Sendable func update(req: Request) async throws -> OrganizationDTO {
        let fields = try req.content.decode(OrganizationRequest.self).fields
        let id = try req.id("organizationID", as: Organization.ID.self)
        return OrganizationDTO(try await services.people.updateOrganization(id, fields))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        try await services.people.deleteOrganization(try req.id("organizationID", as: Organization.ID.self))
        return .noContent
    }
}

/// A 201 with `Location: /api/v1/<path>`.
func created(_ body: some Content, at path: String, for req: Request) async throws -> Response {
    let response = try await body.encodeResponse(status: .created, for: req)
    response.headers.replaceOrAdd(name: .location, value: "/api/v1/\(path)")
    return response
}
