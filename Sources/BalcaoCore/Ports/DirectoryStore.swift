/// A page request for directory lists (contacts, organizations, departments, agents), ordered by name.
public struct DirectoryQuery: Sendable, Hashable {
    /// Case-insensitive match on name (and email for people).
    public var search: String?
    public var organizationID: Organization.ID?
    public var contactKind: Contact.Kind?
    public var departmentID: Department.ID?
    public var limit = 50
    public var offset = 0

    public static let maxLimit = 200

    public init() {}

    /// The largest single page: for the short lists a page shows whole (departments, agents, organizations).
    public static var everything: DirectoryQuery {
        var query = DirectoryQuery()
        query.limit = maxLimit
        return query
    }
}

/// Loads and saves the people and desks tickets refer to. BalcaoStore implements it.
/// Inserts and updates throw `DirectoryError.emailTaken` / `.nameTaken` when a unique value is already used.
public protocol DirectoryStore: Sendable {
    func contact(_ id: Contact.ID) async throws -> Contact?
    func contact(email: EmailAddress) async throws -> Contact?
    func contacts(_ query: DirectoryQuery) async throws -> [Contact]
    /// The contacts with these ids (missing ids are skipped), for showing names beside many tickets at once.
    func contacts(ids: [Contact.ID]) async throws -> [Contact]
    func insert(_ contact: Contact) async throws
    func update(_ contact: Contact) async throws
    func delete(_ id: Contact.ID) async throws

    func organization(_ id: Organization.ID) async throws -> Organization?
    /// The organization that claims a mail domain, if any.
    func organization(domain: String) async throws -> Organization?
    func organizations(_ query: DirectoryQuery) async throws -> [Organization]
    func insert(_ organization: Organization) async throws
    func update(_ organization: Organization) async throws
    func delete(_ id: Organization.ID) async throws
    /// How many contacts belong to an organization.
    func contactCount(in organization: Organization.ID) async throws -> Int

    func department(_ id: Department.ID) async throws -> Department?
    func departments(_ query: DirectoryQuery) async throws -> [Department]
    func insert(_ department: Department) async throws
    func update(_ department: Department) async throws
    func delete(_ id: Department.ID) async throws

    func agent(_ id: Agent.ID) async throws -> Agent?
    func agent(email: EmailAddress) async throws -> Agent?
    func agents(_ query: DirectoryQuery) async throws -> [Agent]
    func insert(_ agent: Agent) async throws
    func update(_ agent: Agent) async throws
}

/// Why a directory command was refused.
public enum DirectoryError: Error, Sendable, Equatable {
    case contactNotFound(Contact.ID)
    case organizationNotFound(Organization.ID)
    case departmentNotFound(Department.ID)
    case agentNotFound(Agent.ID)
    /// `field` names the request field that carried the address (`emails` for contacts, `email` for agents).
    case emailTaken(EmailAddress, field: String = "email")
    case nameTaken(String)
    /// Another organization already claims this mail domain.
    case domainTaken(String)
    /// Deleting would orphan tickets, contacts or departments that still point here.
    case inUse(what: String, count: Int)
    /// The acting agent's role does not allow this.
    case forbidden(String)
}
