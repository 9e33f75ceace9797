import Foundation

/// What admins and supervisors do with triage and automation: edit the priority matrix, calendars, SLA policies,
/// rules, macros and department settings (each checked before it is saved), preview a rule, apply a macro, and
/// set an agent's availability.
public struct AutomationAdministration: Sendable {
    let automation: any AutomationStore
    let directory: any DirectoryStore
    let tickets: any TicketStore
    let service: TicketService
    let runner: AutomationRunner
    let clock: any Clock
    let desk: DeskIdentity

    public init(
        automation: any AutomationStore, directory: any DirectoryStore, tickets: any TicketStore,
        service: TicketService, runner: AutomationRunner, clock: any Clock, desk: DeskIdentity
    ) {
        self.automation = automation
        self.directory = directory
        self.tickets = tickets
        self.service = service
        self.runner = runner
        self.clock = clock
        self.desk = desk
    }

    /// Admins and supervisors set up the desk's triage (a department head runs their desk's automations).
    public static func requireManager(_ actor: Agent) throws(DirectoryError) {
        guard actor.isActive, actor.role >= .supervisor else {
            throw DirectoryError.forbidden("only admins and supervisors may change triage and automations")
        }
    }

    public func settings() async throws -> AutomationSettings { try await automation.settings() }

    public func saveMatrix(_ matrix: PriorityMatrix, by actor: Agent) async throws {
        try Self.requireManager(actor)
        try matrix.validate()
        try await automation.save(.matrix(matrix))
    }

    public func saveCalendar(_ calendar: BusinessCalendar, by actor: Agent) async throws {
        try Self.requireManager(actor)
        try calendar.validate()
        try await automation.save(.calendar(calendar))
    }

    /// Refused while a policy or department counts on it.
    public func deleteCalendar(_ id: BusinessCalendar.ID, by actor: Agent) async throws {
        try Self.requireManager(actor)
        let settings = try await automation.settings()
        let users = settings.policies.filter { $0.calendarID == id }.count
            + settings.departments.filter { $0.calendarID == id }.count
        if users > 0 { throw DirectoryError.inUse(what: "SLA policies or departments", count: users) }
        try await requireDeleted(.calendar, id.rawValue)
    }

    public func savePolicy(_ policy: SLAPolicy, by actor: Agent) async throws {
        try Self.requireManager(actor)
        try policy.validate()
        let settings = try await automation.settings()
        var issues = ValidationCollector()
        if settings.calendar(policy.calendarID) == nil { issues.add("calendarId", "no calendar has this id") }
        try await checkExists(departments: Array(policy.conditions.departmentIDs), field: "conditions.departmentIds", into: &issues)
        for id in policy.conditions.organizationIDs where try await directory.organization(id) == nil {
            issues.add("conditions.organizationIds", "no organization has the id \(id)")
        }
        try issues.check()
        try await automation.save(.policy(policy))
    }

    public func deletePolicy(_ id: SLAPolicy.ID, by actor: Agent) async throws {
        try Self.requireManager(actor)
        try await requireDeleted(.policy, id.rawValue)
    }

    public func saveRule(_ rule: Rule, by actor: Agent) async throws {
        try Self.requireManager(actor)
        try rule.validate()
        var issues = ValidationCollector()
        try await checkReferences(of: rule.actions, into: &issues)
        try issues.check()
        try await automation.save(.rule(rule))
    }

    public func deleteRule(_ id: Rule.ID, by actor: Agent) async throws {
        try Self.requireManager(actor)
        try await requireDeleted(.rule, id.rawValue)
    }

    public func saveMacro(_ macro: Macro, by actor: Agent) async throws {
        try Self.requireManager(actor)
        try macro.validate()
        var issues = ValidationCollector()
        try await checkExists(departments: macro.departmentIDs, field: "departmentIds", into: &issues)
        try await checkReferences(of: macro.actions, into: &issues)
        try issues.check()
        try await automation.save(.macro(macro))
    }

    public func deleteMacro(_ id: Macro.ID, by actor: Agent) async throws {
        try Self.requireManager(actor)
        try await requireDeleted(.macro, id.rawValue)
    }

    public func saveDepartment(_ setting: DepartmentAutomation, by actor: Agent) async throws {
        try Self.requireManager(actor)
        guard try await directory.department(setting.departmentID) != nil else {
            throw DirectoryError.departmentNotFound(setting.departmentID)
        }
        if let id = setting.calendarID, try await automation.settings().calendar(id) == nil {
            throw ValidationError(field: "calendarId", "no calendar has this id")
        }
        try await automation.save(.department(setting))
    }

    /// The tickets among the most recently updated `sample` that a rule's conditions match now, newest first — what
    /// an admin checks before switching a rule on. Routing and trigger previews see no message text or event.
    public func preview(_ rule: Rule, sample: Int = 200, by actor: Agent) async throws -> [Ticket] {
        try Self.requireManager(actor)
        try rule.validate()
        let settings = try await automation.settings()
        var query = TicketQuery()
        query.sort = .updatedAt
        query.limit = min(sample, TicketQuery.maxLimit)
        if rule.kind == .timeRule { query.statuses = AutomationRunner.candidateStatuses(for: [rule]) }
        var matches: [Ticket] = []
        for ticket in try await tickets.tickets(query).tickets {
            let facts = try await runner.facts(
                for: ticket, events: rule.kind == .routing ? [.created] : [], message: nil, settings: settings)
            if rule.conditions.matches(facts) { matches.append(ticket) }
        }
        return matches
    }

    /// Applies a macro as `agent`: its field changes, then its text as a reply or note with placeholders filled.
    /// Only macros of the ticket's department (or of every department) apply.
    public func applyMacro(_ id: Macro.ID, to ticketID: Ticket.ID, by agent: Agent) async throws -> Ticket {
        guard let macro = try await automation.settings().macros.first(where: { $0.id == id }) else {
            throw AutomationError.notFound(.macro, id.rawValue)
        }
        guard var ticket = try await tickets.ticket(ticketID) else { throw TicketError.notFound(ticketID) }
        guard macro.isAvailable(in: ticket.departmentID) else {
            throw ValidationError(field: "macroId", "this macro is not available in the ticket's department")
        }
        var outcome = RuleOutcome(ticket: ticket)
        for action in macro.actions { RuleEngine.apply(action, to: &outcome) }
        var changes = outcome.changes
        // With a text, the status goes with the message in one save ("reply and set pending"), so a macro that
        // solves or closes never leaves its fields applied without its words.
        if let next = changes.status, next != ticket.status, !ticket.status.canMove(to: next) {
            throw TicketError.invalidTransition(from: ticket.status, to: next)
        }
        let status = macro.hasText ? changes.status : nil
        if macro.hasText { changes.status = nil }
        if changes != TicketChanges() {
            ticket = try await service.update(ticketID, changes, by: .agent(agent.id))
        }
        guard macro.hasText else { return ticket }
        let values = try await Placeholders.values(for: ticket, agent: agent, directory: directory, desk: desk)
        let text = Placeholders.fill(macro.text ?? "", with: values)
        let (saved, _) = try await service.addMessage(
            AddMessage(
                kind: macro.messageKind, body: MessageBody(text: text), author: .agent(agent.id), channel: .web,
                status: status),
            to: ticketID)
        return saved
    }

    /// The macros an agent may apply on a ticket of `departmentID`, in order.
    public func macros(for departmentID: Department.ID?) async throws -> [Macro] {
        try await automation.settings().macros.filter { $0.isAvailable(in: departmentID) }
            .sorted { ($0.position, $0.name) < ($1.position, $1.name) }
    }

    /// Agents set their own availability; admins and supervisors anyone's.
    public func setAvailability(_ availability: AgentAvailability, of agentID: Agent.ID, by actor: Agent) async throws {
        if actor.id != agentID { try Self.requireManager(actor) }
        guard try await directory.agent(agentID) != nil else { throw DirectoryError.agentNotFound(agentID) }
        try await automation.setAvailability(availability, of: agentID, at: clock.now)
    }

    /// The agent's own notifications, newest first.
    public func notifications(for agent: Agent, limit: Int = 50) async throws -> [AgentNotification] {
        try await automation.notifications(for: agent.id, limit: limit)
    }

    public func markNotificationsRead(for agent: Agent) async throws {
        try await automation.markNotificationsRead(for: agent.id, at: clock.now)
    }

    private func requireDeleted(_ kind: AutomationDocumentKind, _ id: UUID) async throws {
        guard try await automation.delete(kind, id: id) else { throw AutomationError.notFound(kind, id) }
    }

    private func checkExists(departments: [Department.ID], field: String, into issues: inout ValidationCollector)
        async throws
    {
        for id in departments where try await directory.department(id) == nil {
            issues.add(field, "no department has the id \(id)")
        }
    }

    /// Actions name departments and agents by id: they must exist when the rule or macro is saved.
    private func checkReferences(of actions: [RuleAction], into issues: inout ValidationCollector) async throws {
        for (index, action) in actions.enumerated() {
            try await checkReference(of: action, path: "actions[\(index)]", into: &issues)
        }
    }

    private func checkReference(of action: RuleAction, path: String, into issues: inout ValidationCollector)
        async throws
    {
        guard let id = UUID(uuidString: action.trimmedValue) else { return }
        switch action.type {
        case .setDepartment:
            if try await directory.department(Department.ID(rawValue: id)) == nil {
                issues.add("\(path).value", "no department has this id")
            }
        case .setAssignee:
            if try await directory.agent(Agent.ID(rawValue: id))?.isActive != true {
                issues.add("\(path).value", "no active agent has this id")
            }
        default:
            break
        }
    }
}

/// Why an automation command was refused, beyond invalid fields.
public enum AutomationError: Error, Sendable, Equatable {
    case notFound(AutomationDocumentKind, UUID)
    /// The id already belongs to a document of another kind.
    case idTaken(UUID)
}
