import Foundation

/// Creates, changes and removes contacts, organizations, departments and agents, with their rules:
/// unique emails, valid settings, tier-2 escalation targets, admin-only desk configuration, and no deletion
/// that would orphan tickets.
public struct DirectoryService: Sendable {
    let directory: any DirectoryStore
    let tickets: any TicketStore
    let clock: any Clock

    public init(directory: any DirectoryStore, tickets: any TicketStore, clock: any Clock) {
        self.directory = directory
        self.tickets = tickets
        self.clock = clock
    }

    // MARK: Contacts

    public func createContact(_ fields: ContactFields) async throws -> Contact {
        var contact = Contact(name: "", emails: [], createdAt: clock.now)
        try await apply(fields, to: &contact, isNew: true)
        try await directory.insert(contact)
        return contact
    }

    public func updateContact(_ id: Contact.ID, _ fields: ContactFields) async throws -> Contact {
        guard var contact = try await directory.contact(id) else { throw DirectoryError.contactNotFound(id) }
        try await apply(fields, to: &contact, isNew: false)
        contact.updatedAt = clock.now
        try await directory.update(contact)
        return contact
    }

    public func deleteContact(_ id: Contact.ID) async throws {
        guard try await directory.contact(id) != nil else { throw DirectoryError.contactNotFound(id) }
        let count = try await tickets.ticketCount(referencing: .requester(id))
        if count > 0 { throw DirectoryError.inUse(what: "tickets", count: count) }
        try await directory.delete(id)
    }

    private func apply(_ fields: ContactFields, to contact: inout Contact, isNew: Bool) async throws {
        var collector = ValidationCollector()
        if isNew || fields.name != nil { collector.requireText(fields.name, field: "name", maxLength: 200) }
        var emails = contact.emails
        if let raw = fields.emails {
            emails = []
            for (index, text) in raw.enumerated() {
                guard let email = EmailAddress(text) else {
                    collector.add("emails[\(index)]", "is not an email address")
                    continue
                }
                if !emails.contains(email) { emails.append(email) }
            }
            if raw.count > 20 { collector.add("emails", "at most 20 addresses") }
        }
        if case .set(let phone) = fields.phone { collector.limit(phone, field: "phone", maxLength: 40) }
        let languageTag = fields.languageTag.applied(to: contact.languageTag)
        let timeZone = fields.timeZone.applied(to: contact.timeZone)
        PersonSettings.validate(languageTag: languageTag, timeZone: timeZone, into: &collector)
        try collector.check()

        for email in emails where !contact.emails.contains(email) {
            if let owner = try await directory.contact(email: email), owner.id != contact.id {
                throw DirectoryError.emailTaken(email, field: "emails")
            }
        }
        let organizationID = fields.organizationID.applied(to: contact.organizationID)
        if let organizationID, try await directory.organization(organizationID) == nil {
            throw ValidationError(field: "organizationId", "no organization has this id")
        }
        if let kind = fields.kind { contact.kind = kind }
        if let name = fields.name { contact.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        contact.emails = emails
        contact.phone = TicketService.blankToNil(fields.phone.applied(to: contact.phone))
        contact.organizationID = organizationID
        contact.languageTag = PersonSettings.canonical(languageTag)
        contact.timeZone = timeZone
    }

    // MARK: Organizations

    public func createOrganization(_ fields: OrganizationFields) async throws -> Organization {
        var organization = Organization(name: "", createdAt: clock.now)
        try apply(fields, to: &organization, isNew: true)
        try await directory.insert(organization)
        return organization
    }

    public func updateOrganization(_ id: Organization.ID, _ fields: OrganizationFields) async throws -> Organization {
        guard var organization = try await directory.organization(id) else {
            throw DirectoryError.organizationNotFound(id)
        }
        try apply(fields, to: &organization, isNew: false)
        organization.updatedAt = clock.now
        try await directory.update(organization)
        return organization
    }

    public func deleteOrganization(_ id: Organization.ID) async throws {
        guard try await directory.organization(id) != nil else { throw DirectoryError.organizationNotFound(id) }
        let contacts = try await directory.contactCount(in: id)
        if contacts > 0 { throw DirectoryError.inUse(what: "contacts", count: contacts) }
        let count = try await tickets.ticketCount(referencing: .organization(id))
        if count > 0 { throw DirectoryError.inUse(what: "tickets", count: count) }
        try await directory.delete(id)
    }

    private func apply(_ fields: OrganizationFields, to organization: inout Organization, isNew: Bool) throws {
        var collector = ValidationCollector()
        if isNew || fields.name != nil { collector.requireText(fields.name, field: "name", maxLength: 200) }
        let domains = (fields.domains ?? organization.domains).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        }
        for (index, domain) in domains.enumerated() where !Self.isDomain(domain) {
            collector.add("domains[\(index)]", "is not a mail domain")
        }
        if case .set(let notes) = fields.notes { collector.limit(notes, field: "notes", maxLength: 10_000) }
        try collector.check()
        if let name = fields.name { organization.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        organization.domains = Array(Set(domains)).sorted()
        organization.notes = TicketService.blankToNil(fields.notes.applied(to: organization.notes))
    }

    static func isDomain(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && text.count <= 253
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            }
    }
}
