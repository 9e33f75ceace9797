import Foundation

/// Departments and agents shape the whole desk, so only admins create, change or remove them.
extension DirectoryService {
    // MARK: Departments

    public func createDepartment(_ fields: DepartmentFields, by actor: Agent) async throws -> Department {
        try Self.requireAdmin(actor)
        var department = Department(name: "", kind: fields.kind ?? .external, createdAt: clock.now)
        try await apply(fields, to: &department, isNew: true)
        try await directory.insert(department)
        return department
    }

    public func updateDepartment(_ id: Department.ID, _ fields: DepartmentFields, by actor: Agent) async throws
        -> Department
    {
        try Self.requireAdmin(actor)
        guard var department = try await directory.department(id) else { throw DirectoryError.departmentNotFound(id) }
        try await apply(fields, to: &department, isNew: false)
        department.updatedAt = clock.now
        try await directory.update(department)
        return department
    }

    public func deleteDepartment(_ id: Department.ID, by actor: Agent) async throws {
        try Self.requireAdmin(actor)
        guard try await directory.department(id) != nil else { throw DirectoryError.departmentNotFound(id) }
        let count = try await tickets.ticketCount(referencing: .department(id))
        if count > 0 { throw DirectoryError.inUse(what: "tickets", count: count) }
        let escalating = DirectoryQuery.everything
        let sources = try await directory.departments(escalating).filter { $0.escalationTargetID == id }
        if !sources.isEmpty { throw DirectoryError.inUse(what: "departments escalating to it", count: sources.count) }
        try await directory.delete(id)
    }

    private func apply(_ fields: DepartmentFields, to department: inout Department, isNew: Bool) async throws {
        var collector = ValidationCollector()
        if isNew || fields.name != nil { collector.requireText(fields.name, field: "name", maxLength: 120) }
        if let definitions = fields.customFields {
            CustomFieldDefinition.validate(definitions, prefix: "customFields", into: &collector)
            if definitions.count > 100 { collector.add("customFields", "at most 100 fields") }
        }
        let tier = fields.tier ?? department.tier
        let targetID = fields.escalationTargetID.applied(to: department.escalationTargetID)
        if targetID == department.id { collector.add("escalationTargetId", "a department cannot escalate to itself") }
        if tier == .second && targetID != nil { collector.add("escalationTargetId", "only tier-1 departments escalate") }
        try collector.check()
        if !isNew, tier == .first, department.tier == .second {
            let all = DirectoryQuery.everything
            if try await directory.departments(all).contains(where: { $0.escalationTargetID == department.id }) {
                throw ValidationError(field: "tier", "other departments escalate to this one, so it must stay tier 2")
            }
        }
        if let targetID, targetID != department.id {
            guard let target = try await directory.department(targetID) else {
                throw ValidationError(field: "escalationTargetId", "no department has this id")
            }
            guard target.tier == .second else {
                throw ValidationError(field: "escalationTargetId", "the escalation target must be a tier-2 department")
            }
        }
        if let name = fields.name { department.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let kind = fields.kind { department.kind = kind }
        department.tier = tier
        department.escalationTargetID = targetID
        if let definitions = fields.customFields { department.customFields = definitions }
    }

    // MARK: Agents

    public func createAgent(_ fields: AgentFields, by actor: Agent?) async throws -> Agent {
        if let actor { try Self.requireAdmin(actor) }
        var agent = Agent(name: "", email: EmailAddress("placeholder@invalid.example")!, createdAt: clock.now)
        try await apply(fields, to: &agent, isNew: true)
        try await directory.insert(agent)
        return agent
    }

    public func updateAgent(_ id: Agent.ID, _ fields: AgentFields, by actor: Agent) async throws -> Agent {
        guard var agent = try await directory.agent(id) else { throw DirectoryError.agentNotFound(id) }
        // Agents may change their own name, language and time zone; everything else is the admins' call.
        let isSelfService = actor.id == id && fields.email == nil && fields.role == nil
            && fields.departmentIDs == nil && fields.isActive == nil
        if !isSelfService { try Self.requireAdmin(actor) }
        if actor.id == id && (fields.isActive == false || (fields.role.map { $0 < .admin } ?? false)) {
            throw DirectoryError.forbidden("admins cannot deactivate or demote themselves")
        }
        try await apply(fields, to: &agent, isNew: false)
        agent.updatedAt = clock.now
        try await directory.update(agent)
        return agent
    }

    /// Agents are deactivated, never deleted: their replies and history must keep an author.
    public func deactivateAgent(_ id: Agent.ID, by actor: Agent) async throws -> Agent {
        var fields = AgentFields()
        fields.isActive = false
        return try await updateAgent(id, fields, by: actor)
    }

    private func apply(_ fields: AgentFields, to agent: inout Agent, isNew: Bool) async throws {
        var collector = ValidationCollector()
        if isNew || fields.name != nil { collector.requireText(fields.name, field: "name", maxLength: 200) }
        var email = agent.email
        if isNew || fields.email != nil {
            if let parsed = fields.email.flatMap(EmailAddress.init) { email = parsed } else {
                collector.add("email", fields.email == nil ? "is required" : "is not an email address")
            }
        }
        let languageTag = fields.languageTag.applied(to: agent.languageTag)
        let timeZone = fields.timeZone.applied(to: agent.timeZone)
        PersonSettings.validate(languageTag: languageTag, timeZone: timeZone, into: &collector)
        try collector.check()
        if email != agent.email || isNew, let owner = try await directory.agent(email: email), owner.id != agent.id {
            throw DirectoryError.emailTaken(email)
        }
        let departmentIDs = fields.departmentIDs.map { ids in
            var seen = Set<Department.ID>()
            return ids.filter { seen.insert($0).inserted }
        }
        for (index, id) in (departmentIDs ?? []).enumerated() where try await directory.department(id) == nil {
            throw ValidationError(field: "departmentIds[\(index)]", "no department has this id")
        }
        if let name = fields.name { agent.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        agent.email = email
        if let role = fields.role { agent.role = role }
        if let departmentIDs { agent.departmentIDs = departmentIDs }
        agent.languageTag = PersonSettings.canonical(languageTag)
        agent.timeZone = timeZone
        if let isActive = fields.isActive { agent.isActive = isActive }
    }

    /// Throws `forbidden` unless `actor` is an active admin.
    public static func requireAdmin(_ actor: Agent) throws(DirectoryError) {
        guard actor.role == .admin, actor.isActive else { throw DirectoryError.forbidden("only admins may do this") }
    }
}
