import Foundation

extension TicketService {
    /// Finds the requester; an unknown address becomes a new contact, joined to the organization that claims its
    /// domain (so mail from `@cliente.com.br` lands under that company without anyone filing it).
    func resolve(_ reference: RequesterReference, at now: Date) async throws -> Contact {
        switch reference {
        case .id(let id):
            guard let contact = try await directory.contact(id) else {
                throw ValidationError(field: "requester.id", "no contact has this id")
            }
            return contact
        case .email(let email, let name, let kind):
            if let contact = try await directory.contact(email: email) { return contact }
            let domain = String(email.value.split(separator: "@").last ?? "")
            let organization = try await directory.organization(domain: domain)
            let displayName = Self.blankToNil(name) ?? String(email.value.split(separator: "@").first ?? "")
            let contact = Contact(
                kind: kind ?? .customer, name: String(displayName.prefix(200)), emails: [email],
                organizationID: organization?.id, createdAt: now)
            do {
                try await directory.insert(contact)
                return contact
            } catch DirectoryError.emailTaken(_, _) {
                // Another request created the same contact a moment ago: use theirs.
                if let existing = try await directory.contact(email: email) { return existing }
                throw DirectoryError.emailTaken(email, field: "requester.email")
            }
        }
    }

    func checkedOrganization(_ id: Organization.ID?) async throws -> Organization.ID? {
        guard let id else { return nil }
        guard try await directory.organization(id) != nil else {
            throw ValidationError(field: "organizationId", "no organization has this id")
        }
        return id
    }

    func checkedDepartment(_ id: Department.ID?) async throws -> Department? {
        guard let id else { return nil }
        guard let department = try await directory.department(id) else {
            throw ValidationError(field: "departmentId", "no department has this id")
        }
        return department
    }

    /// An assignee must be an active agent who works in the ticket's department (admins work everywhere).
    func checkAssignee(_ id: Agent.ID?, in departmentID: Department.ID?) async throws {
        guard let id else { return }
        guard let agent = try await directory.agent(id), agent.isActive else {
            throw ValidationError(field: "assigneeId", "no active agent has this id")
        }
        guard agent.canWork(in: departmentID) else {
            throw ValidationError(field: "assigneeId", "\(agent.name) is not a member of the ticket's department")
        }
    }

    func store(_ uploads: [AttachmentUpload]) async throws -> [Attachment] {
        var stored: [Attachment] = []
        for upload in uploads {
            let sha = try await blobs.put(upload.data)
            stored.append(
                Attachment(
                    filename: upload.filename, contentType: upload.contentType, size: upload.data.count, sha256: sha))
        }
        return stored
    }

    /// Checks raw custom-field values against the department's definitions; keys it does not define are refused.
    static func check(
        _ inputs: [String: CustomFieldInput], against department: Department?
    ) throws(ValidationError) -> [String: CustomFieldValue?] {
        var collector = ValidationCollector()
        var checked: [String: CustomFieldValue?] = [:]
        let definitions = department?.customFields ?? []
        for (key, input) in inputs.sorted(by: { $0.key < $1.key }) {
            guard let definition = definitions.first(where: { $0.key == key }) else {
                collector.add("customFields.\(key)", "is not a field of the ticket's department")
                continue
            }
            switch definition.check(input) {
            case .success(let value): checked[key] = value
            case .failure(let issue): collector.add(issue.field, issue.message)
            }
        }
        try collector.check()
        return checked
    }

    /// Required fields are required to solve (Zendesk's rule): a ticket may be opened by mail or chat without
    /// them, but an agent must fill them in before it counts as solved.
    func checkRequiredFields(of ticket: Ticket) async throws {
        guard ticket.status == .solved, let department = try await checkedDepartment(ticket.departmentID) else {
            return
        }
        var collector = ValidationCollector()
        for definition in department.customFields where definition.isRequired && ticket.customFields[definition.key] == nil {
            collector.add("customFields.\(definition.key)", "is required to solve the ticket")
        }
        try collector.check()
    }

    static func validateTags(_ tags: [String], into collector: inout ValidationCollector) {
        if tags.count > 50 { collector.add("tags", "at most 50 tags") }
        for tag in tags where (Tag.normalize(tag)?.count ?? 0) > Tag.maxLength {
            collector.add("tags", "a tag must be at most \(Tag.maxLength) characters")
        }
    }

    static func blankToNil(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
