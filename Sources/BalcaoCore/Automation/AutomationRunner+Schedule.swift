import Foundation

/// What one scheduler tick did.
public struct AutomationTick: Sendable, Hashable {
    public var breachesRecorded = 0
    public var escalations = 0
    public var timeRulesFired = 0

    public init() {}
}

extension AutomationRunner {
    /// One pass of the scheduler: record SLA breaches that came due (escalating where the policy says so), then run
    /// the time rules. Safe to run from several processes at once: every firing is claimed first (a unique row), so
    /// each happens once; a process that dies between the claim and the change loses that one firing rather than
    /// repeating it.
    public func tick() async throws -> AutomationTick {
        let settings = try await automation.settings()
        var result = AutomationTick()
        try await watchSLA(settings: settings, into: &result)
        try await runTimeRules(settings: settings, into: &result)
        return result
    }

    func watchSLA(settings: AutomationSettings, into result: inout AutomationTick) async throws {
        let now = clock.now
        var query = TicketQuery()
        query.slaWatchBefore = now
        query.sort = .number
        query.descending = false
        query.limit = TicketQuery.maxLimit
        try await forEachTicket(query) { ticket in
            for timer in ticket.sla?.unrecordedBreaches(at: now) ?? [] {
                guard let due = timer.dueAt,
                    try await automation.claimFiring("sla:\(timer.metric.rawValue)", ticket: ticket.id, anchor: due, at: now)
                else { continue }
                guard try await service.recordSLABreach(ticket.id, metric: timer.metric, due: due) else { continue }
                result.breachesRecorded += 1
                let policy = settings.policies.first { $0.id == ticket.sla?.policyID }
                if let policy, policy.escalateOnBreach, let departmentID = ticket.departmentID,
                    try await directory.department(departmentID)?.escalationTargetID != nil
                {
                    let metric = timer.metric.rawValue.replacingOccurrences(of: "_", with: " ")
                    let reason = "SLA \(metric) breached (due \(due.formatted(.iso8601))); "
                        + "escalated by the policy \(policy.name)."
                    do {
                        _ = try await service.escalate(ticket.id, reason: reason, as: .system)
                        result.escalations += 1
                    } catch {
                        report("escalation of ticket \(ticket.number) on SLA breach failed: \(error)")
                    }
                }
                // Triggers on `sla_breached` see the ticket after any escalation, so the team now responsible hears.
                guard let breached = try await tickets.ticket(ticket.id) else { continue }
                let triggers = settings.rules(.trigger)
                let facts = try await facts(for: breached, events: [.updated, .slaBreached], message: nil, settings: settings)
                try await carryOut(RuleEngine.run(triggers, on: facts), rules: triggers, on: breached, settings: settings)
            }
        }
    }

    func runTimeRules(settings: AutomationSettings, into result: inout AutomationTick) async throws {
        let rules = settings.rules(.timeRule).enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
        guard !rules.isEmpty else { return }
        var query = TicketQuery()
        query.statuses = Self.candidateStatuses(for: rules)
        query.sort = .number
        query.descending = false
        query.limit = TicketQuery.maxLimit
        let now = clock.now
        try await forEachTicket(query) { ticket in
            var ticket = ticket
            // Facts are read once per ticket, and again only after a rule changed it.
            var ticketFacts = try await facts(for: ticket, events: [], message: nil, settings: settings)
            for rule in rules {
                guard rule.conditions.matches(ticketFacts),
                    try await automation.claimFiring(
                        "rule:\(rule.id)", ticket: ticket.id, anchor: Self.anchor(of: rule, for: ticket), at: now)
                else { continue }
                do {
                    try await carryOut(RuleEngine.run([rule], on: ticketFacts), rules: [rule], on: ticket, settings: settings)
                    result.timeRulesFired += 1
                } catch {
                    report("time rule \(rule.name) on ticket \(ticket.number) failed: \(error)")
                }
                guard let fresh = try await tickets.ticket(ticket.id) else { break }
                ticket = fresh
                ticketFacts = try await facts(for: ticket, events: [], message: nil, settings: settings)
            }
        }
    }

    /// Pages through every ticket `query` lists, in ticket-number order, so changes made on the way (which move a
    /// ticket out of the query) never make a page skip one.
    private func forEachTicket(_ query: TicketQuery, _ body: (Ticket) async throws -> Void) async throws {
        var query = query
        while true {
            let page = try await tickets.tickets(query)
            for ticket in page.tickets { try await body(ticket) }
            guard let next = page.next else { return }
            query.after = next
        }
    }

    /// Statuses a time rule can match: those its `status is` conditions name, else every status but closed (closed
    /// tickets never change again).
    static func candidateStatuses(for rules: [Rule]) -> [TicketStatus] {
        var statuses: Set<TicketStatus> = []
        for rule in rules {
            guard let condition = rule.conditions.all.first(where: { $0.field == .status && $0.operator == .is }) else {
                return TicketStatus.allCases.filter { $0 != .closed }
            }
            statuses.formUnion(condition.alternatives.compactMap(TicketStatus.init).filter { $0 != .closed })
        }
        return TicketStatus.allCases.filter(statuses.contains)
    }

    /// The instant a time rule's conditions count from on this ticket; a rule fires once per ticket and anchor.
    /// "Pending 72 hours since the update" anchors on the last update, so it fires again only after the ticket
    /// changes and waits another 72 hours.
    static func anchor(of rule: Rule, for ticket: Ticket) -> Date {
        let fields = Set((rule.conditions.all + rule.conditions.any).map(\.field))
        var anchors: [Date] = []
        if fields.contains(.hoursSinceCreated) { anchors.append(ticket.createdAt) }
        if fields.contains(.hoursSinceUpdated) || fields.contains(.businessHoursSinceUpdated) {
            anchors.append(ticket.updatedAt)
        }
        if fields.contains(.hoursSinceSolved), let solvedAt = ticket.solvedAt { anchors.append(solvedAt) }
        if fields.contains(.sla), let due = ticket.sla?.timers.filter({ !$0.isFulfilled }).compactMap(\.dueAt).min() {
            anchors.append(due)
        }
        return anchors.max() ?? ticket.createdAt
    }
}
