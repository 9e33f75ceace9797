import Foundation

/// What triage decided for a new ticket beyond its fields: the routing rules that fired and their effects, for the
/// automation runner to carry out once the ticket is saved.
public struct RoutingResult: Sendable, Hashable {
    public var command: OpenTicket
    public var fired: [Rule]
    public var effects: [RuleEffect]
}

/// Triage that happens inside a ticket save: routing rules, the priority matrix and assignment for new tickets, and
/// the SLA timers after every change. Pure decisions over the configuration snapshot; no effects outside the ticket.
public struct TicketTriage: Sendable {
    let automation: any AutomationStore
    let directory: any DirectoryStore
    let tickets: any TicketStore

    public init(automation: any AutomationStore, directory: any DirectoryStore, tickets: any TicketStore) {
        self.automation = automation
        self.directory = directory
        self.tickets = tickets
    }

    /// Applies routing rules to a new ticket's command, then the priority matrix, then the department's assignment
    /// strategy. Fields the command sets explicitly win over the matrix; routing rules win over the command's
    /// department and priority only when they set them (a rule names where tickets *go*). References to deleted
    /// departments or agents in a rule are skipped, never an error for the requester.
    public func route(_ command: OpenTicket, requester: Contact, at now: Date) async throws -> RoutingResult {
        let settings = try await automation.settings()
        var command = command
        let draft = Ticket(
            number: TicketNumber(0), subject: command.subject, priority: command.priority ?? .normal,
            type: command.type ?? .question, channel: command.channel, requesterID: requester.id,
            organizationID: command.organizationID ?? requester.organizationID, departmentID: command.departmentID,
            assigneeID: command.assigneeID, tags: Tag.normalize(command.tags), impact: command.impact,
            urgency: command.urgency, createdAt: now)
        let facts = RuleFacts(
            ticket: draft, requesterKind: requester.kind, requesterEmail: requester.primaryEmail?.value,
            receivingAddress: command.receivingAddress, messageText: command.body.text, events: [.created], now: now)
        let routingRules = try await withoutDanglingReferences(settings.rules(.routing))
        let outcome = RuleEngine.run(routingRules, on: facts)
        let changes = outcome.changes
        if case .set(let id) = changes.departmentID, try await directory.department(id) != nil {
            command.departmentID = id
        }
        if case .set(let id) = changes.assigneeID, let agent = try await directory.agent(id), agent.isActive,
            agent.canWork(in: command.departmentID)
        {
            command.assigneeID = id
        }
        command.priority = changes.priority ?? command.priority
        command.type = changes.type ?? command.type
        if case .set(let level) = changes.impact { command.impact = level }
        if case .set(let level) = changes.urgency { command.urgency = level }
        if changes.tags != nil { command.tags = outcome.ticket.tags }
        command.customFields.merge(changes.customFields) { _, rule in rule }
        if command.priority == nil, let impact = command.impact, let urgency = command.urgency {
            command.priority = settings.matrix.priority(impact: impact, urgency: urgency)
        }
        if command.assigneeID == nil, let departmentID = command.departmentID {
            command.assigneeID = try await chooseAssignee(in: departmentID, settings: settings, at: now)
        }
        let fired = outcome.fired.compactMap { id in routingRules.first { $0.id == id } }
        return RoutingResult(command: command, fired: fired, effects: outcome.effects)
    }

    /// The rules with actions that name a department that no longer exists or an agent who left removed, so a
    /// later rule's stale reference cannot override an earlier rule's good one.
    func withoutDanglingReferences(_ rules: [Rule]) async throws -> [Rule] {
        var valid: [String: Bool] = [:]
        var result: [Rule] = []
        for var rule in rules {
            var kept: [RuleAction] = []
            for action in rule.actions {
                guard action.type == .setDepartment || action.type == .setAssignee,
                    let id = UUID(uuidString: action.trimmedValue)
                else {
                    kept.append(action)
                    continue
                }
                let key = "\(action.type.rawValue):\(id)"
                if valid[key] == nil {
                    valid[key] =
                        action.type == .setDepartment
                        ? try await directory.department(Department.ID(rawValue: id)) != nil
                        : try await directory.agent(Agent.ID(rawValue: id))?.isActive == true
                }
                if valid[key] == true { kept.append(action) }
            }
            rule.actions = kept
            result.append(rule)
        }
        return result
    }

    /// The agent the department's strategy picks, recorded as its latest assignment; nil for manual or nobody online.
    func chooseAssignee(in departmentID: Department.ID, settings: AutomationSettings, at now: Date) async throws
        -> Agent.ID?
    {
        let strategy = settings.department(departmentID)?.assignment ?? .manual
        guard strategy != .manual else { return nil }
        var query = DirectoryQuery.everything
        query.departmentID = departmentID
        let agents = try await directory.agents(query).filter { $0.isActive && $0.departmentIDs.contains(departmentID) }
        guard !agents.isEmpty else { return nil }
        let availability = try await automation.availability(of: agents.map(\.id))
        let last = try await automation.lastAssignments(in: departmentID)
        let counts = strategy == .leastOpen ? try await tickets.queueCounts() : QueueCounts(cells: [])
        let candidates = agents.map { agent in
            AssignmentCandidate(
                agentID: agent.id, availability: availability[agent.id] ?? .online,
                unsolvedTickets: counts.cells.filter { $0.assigneeID == agent.id && $0.status.isUnsolved }
                    .reduce(0) { $0 + $1.count },
                lastAssignedAt: last[agent.id])
        }
        guard let chosen = strategy.choose(among: candidates) else { return nil }
        try await automation.recordAssignment(in: departmentID, to: chosen, at: now)
        return chosen
    }

    /// Brings what follows from a ticket's fields up to date after `events` were applied to it: the priority from
    /// impact × urgency (when they changed and the priority was not set in the same change), then the SLA timers.
    /// Returns any events it adds (a priority change by the matrix).
    public func refresh(_ ticket: inout Ticket, after events: [TicketEvent], by actor: Actor, at now: Date)
        async throws -> [TicketEvent]
    {
        let settings = try await automation.settings()
        var added: [TicketEvent] = []
        let ratingChanged = events.contains { $0.field == .impact || $0.field == .urgency }
        if ratingChanged, !events.contains(where: { $0.field == .priority }), let impact = ticket.impact,
            let urgency = ticket.urgency
        {
            let priority = settings.matrix.priority(impact: impact, urgency: urgency)
            if priority != ticket.priority {
                added.append(
                    TicketEvent(
                        ticketID: ticket.id, actor: actor, at: now, field: .priority, oldValue: ticket.priority.rawValue,
                        newValue: priority.rawValue))
                ticket.priority = priority
            }
        }
        try await updateSLA(&ticket, after: events + added, settings: settings)
        return added
    }

    /// Applies the events to the ticket's SLA state, or replays its whole history under a new policy when the
    /// matching policy changed (a department move, a type change) — so the clock always reflects one policy.
    func updateSLA(_ ticket: inout Ticket, after events: [TicketEvent], settings: AutomationSettings) async throws {
        guard let policy = SLAPolicy.matching(SLASubject(ticket), among: settings.policies),
            let calendar = settings.calendar(policy.calendarID), let clock = try? SLAClock(calendar: calendar)
        else {
            ticket.sla = nil
            return
        }
        if var state = ticket.sla, state.policyID == policy.id, state.calendarID == calendar.id {
            for (event, at) in SLAEvent.derived(from: events, createdWith: ticket.priority) {
                state.apply(event, at: at, clock: clock)
            }
            ticket.sla = state
            return
        }
        let isNew = events.contains { $0.field == .created }
        let history = isNew ? events : (try await tickets.events(of: ticket.id)) + events
        var state = SLAState(policy: policy)
        let initial = SLAEvent.initialPriority(of: ticket, history: history)
        for (event, at) in SLAEvent.derived(from: history, createdWith: initial) {
            state.apply(event, at: at, clock: clock)
        }
        ticket.sla = state
    }
}
