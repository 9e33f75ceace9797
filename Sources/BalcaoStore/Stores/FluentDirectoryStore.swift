import BalcaoCore
import FluentKit
import SQLKit
import Foundation

/// The directory (contacts, organizations, departments, agents) on Fluent, on SQLite or PostgreSQL alike.
public struct FluentDirectoryStore: DirectoryStore {
    let context: StoreContext
    var database: any Database { context.database }

    public init(context: StoreContext) { self.context = context }

    // MARK: Contacts

    public func contact(_ id: Contact.ID) async throws -> Contact? {
        try await ContactRows.contacts(where: "c.id = \(bind: id.rawValue)", on: context.sql).first
    }

    public func contact(email: EmailAddress) async throws -> Contact? {
        try await ContactRows.contacts(
            where: "c.id IN (SELECT contact_id FROM contact_emails WHERE email = \(bind: email.value))", on: context.sql
        ).first
    }

    public func contacts(_ query: DirectoryQuery) async throws -> [Contact] {
        let builder = ContactRecord.query(on: database)
        if let term = Self.term(query.search) { builder.filter(\.$searchKey ~~ term) }
        if let organizationID = query.organizationID { builder.filter(\.$organization.$id == organizationID.rawValue) }
        if let kind = query.contactKind { builder.filter(\.$kind == kind.rawValue) }
        let ids = try await builder.sort(\.$searchKey).sort(\.$id).range(Self.range(query)).all(\.$id)
        let byID = Dictionary(uniqueKeysWithValues: try await contacts(ids: ids.map(Contact.ID.init)).map { ($0.id, $0) })
        return ids.compactMap { byID[Contact.ID(rawValue: $0)] }
    }

    public func contacts(ids: [Contact.ID]) async throws -> [Contact] {
        guard !ids.isEmpty else { return [] }
        let ids = SQLList(Set(ids.map(\.rawValue)).map { SQLBind($0) })
        return try await ContactRows.contacts(where: "c.id IN (\(ids))", on: context.sql)
    }

    public func insert(_ contact: Contact) async throws {
        try await context.write { db in
            try await Self.claim(contact.emails, for: contact.id, on: db)
            try await ContactRecord(contact).create(on: db)
            try await Self.saveEmails(of: contact, on: db)
        }
    }

    public func update(_ contact: Contact) async throws {
        try await context.write { db in
            guard let record = try await ContactRecord.find(contact.id.rawValue, on: db) else {
                throw DirectoryError.contactNotFound(contact.id)
            }
            try await Self.claim(contact.emails, for: contact.id, on: db)
            record.update(from: contact)
            try await record.update(on: db)
            try await ContactEmailRecord.query(on: db).filter(\.$contact.$id == contact.id.rawValue).delete()
            try await Self.saveEmails(of: contact, on: db)
        }
    }

    public func delete(_ id: Contact.ID) async throws {
        try await context.write { db in
            try await ContactRecord.query(on: db).filter(\.$id == id.rawValue).delete()
        }
    }

    private static func claim(_ emails: [EmailAddress], for owner: Contact.ID, on db: any Database) async throws {
        guard !emails.isEmpty else { return }
        let taken = try await ContactEmailRecord.query(on: db).filter(\.$id ~~ emails.map(\.value))
            .filter(\.$contact.$id != owner.rawValue).first()
        if let taken, let email = taken.id.flatMap(EmailAddress.init) {
            throw DirectoryError.emailTaken(email, field: "emails")
        }
    }

    /// `ON CONFLICT DO NOTHING`: on PostgreSQL another transaction may claim an address between `claim` and here
    /// (two tickets from a new requester at once); that is "taken", not a database error.
    private static func saveEmails(of contact: Contact, on db: any Database) async throws {
        for (position, email) in contact.emails.enumerated() {
            let inserted = try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO contact_emails (email, contact_id, position) \
                VALUES (\(bind: email.value), \(bind: contact.id.rawValue), \(bind: position)) \
                ON CONFLICT (email) DO NOTHING RETURNING email
                """
            ).all()
            if inserted.isEmpty { throw DirectoryError.emailTaken(email, field: "emails") }
        }
    }

    // MARK: Organizations

    public func organization(_ id: Organization.ID) async throws -> Organization? {
        try await OrganizationRecord.find(id.rawValue, on: database)?.toDomain()
    }

    public func organization(domain: String) async throws -> Organization? {
        guard let row = try await OrganizationDomainRecord.find(domain.lowercased(), on: database) else { return nil }
        return try await organization(.init(rawValue: row.$organization.id))
    }

    public func organizations(_ query: DirectoryQuery) async throws -> [Organization] {
        let builder = OrganizationRecord.query(on: database)
        if let term = Self.term(query.search) { builder.filter(\.$searchKey ~~ term) }
        return try await builder.sort(\.$searchKey).sort(\.$id).range(Self.range(query)).all().map { try $0.toDomain() }
    }

    public func insert(_ organization: Organization) async throws {
        try await context.write { db in
            try await Self.claim(organization.domains, for: organization.id, on: db)
            try await OrganizationRecord(organization).create(on: db)
            try await Self.saveDomains(of: organization, on: db)
        }
    }

    public func update(_ organization: Organization) async throws {
        try await context.write { db in
            guard let record = try await OrganizationRecord.find(organization.id.rawValue, on: db) else {
                throw DirectoryError.organizationNotFound(organization.id)
            }
            try await Self.claim(organization.domains, for: organization.id, on: db)
            record.update(from: organization)
            try await record.update(on: db)
            try await OrganizationDomainRecord.query(on: db).filter(\.$organization.$id == organization.id.rawValue)
                .delete()
            try await Self.saveDomains(of: organization, on: db)
        }
    }

    public func delete(_ id: Organization.ID) async throws {
        try await context.write { db in
            try await OrganizationRecord.query(on: db).filter(\.$id == id.rawValue).delete()
        }
    }

    public func contactCount(in organization: Organization.ID) async throws -> Int {
        try await ContactRecord.query(on: database).filter(\.$organization.$id == organization.rawValue).count()
    }

    private static func claim(_ domains: [String], for owner: Organization.ID, on db: any Database) async throws {
        guard !domains.isEmpty else { return }
        let taken = try await OrganizationDomainRecord.query(on: db).filter(\.$id ~~ domains)
            .filter(\.$organization.$id != owner.rawValue).first()
        if let taken, let domain = taken.id { throw DirectoryError.domainTaken(domain) }
    }

    /// As `saveEmails`: a domain claimed meanwhile by another transaction is "taken".
    private static func saveDomains(of organization: Organization, on db: any Database) async throws {
        for domain in organization.domains {
            let inserted = try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO organization_domains (domain, organization_id) \
                VALUES (\(bind: domain), \(bind: organization.id.rawValue)) ON CONFLICT (domain) DO NOTHING RETURNING domain
                """
            ).all()
            if inserted.isEmpty { throw DirectoryError.domainTaken(domain) }
        }
    }

    // MARK: Paging

    static func term(_ search: String?) -> String? {
        guard let trimmed = search?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(), !trimmed.isEmpty
        else { return nil }
        return trimmed
    }

    static func range(_ query: DirectoryQuery) -> Range<Int> {
        let offset = max(0, query.offset)
        return offset..<(offset + min(max(1, query.limit), DirectoryQuery.maxLimit))
    }
}
