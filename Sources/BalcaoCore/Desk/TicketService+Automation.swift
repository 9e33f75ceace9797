import Foundation

/// Changes rules make. A rule is configuration written earlier, so a reference that no longer holds (a deleted
/// department, an agent who left, a status the ticket cannot move to) is skipped rather than failing the change:
/// the rest of the rule still applies, and the history records which rules fired.
extension TicketService {
    /// Applies a rule outcome's field changes as Balcão, recording one `rule` event per fired rule.
    @discardableResult
    public func applyRules(_ id: Ticket.ID, changes: TicketChanges, fired: [Rule]) async throws -> Ticket {
        try await withRetries(id) { ticket in
            guard ticket.status != .closed else { return ([], []) }
            var changes = changes
            if case .set(let departmentID) = changes.departmentID, try await directory.department(departmentID) == nil {
                changes.departmentID = .unchanged
            }
            let departmentID = changes.departmentID.applied(to: ticket.departmentID)
            if case .set(let agentID) = changes.assigneeID {
                let agent = try await directory.agent(agentID)
                if agent.map({ !$0.isActive || !$0.canWork(in: departmentID) }) ?? true { changes.assigneeID = .unchanged }
            } else if departmentID != ticket.departmentID, let assigneeID = ticket.assigneeID,
                try await directory.agent(assigneeID).map({ $0.canWork(in: departmentID) }) != true
            {
                changes.assigneeID = .clear
            }
            if let status = changes.status, status != ticket.status, !ticket.status.canMove(to: status) {
                changes.status = nil
            }
            let department = try await checkedDepartment(departmentID)
            let checked = (try? Self.check(changes.customFields, against: department)) ?? [:]
            let now = clock.now
            var next = ticket
            var events = try next.apply(changes, customFields: checked, by: .system, at: now)
            if next.status == .solved, ticket.status != .solved, (try? await checkRequiredFields(of: next)) == nil {
                changes.status = nil
                next = ticket
                events = try next.apply(changes, customFields: checked, by: .system, at: now)
            }
            ticket = next
            events += fired.map { rule in
                TicketEvent(
                    ticketID: ticket.id, actor: .system, at: now, field: .rule, oldValue: rule.id.description,
                    newValue: rule.name)
            }
            return ([], events)
        }
    }

    /// Records that an SLA timer passed its due time: a `sla_breach` event (which triggers see as `sla_breached`),
    /// noted in the ticket's SLA state so the watch does not record it again. False when the timer was met or moved
    /// in the meantime.
    public func recordSLABreach(_ id: Ticket.ID, metric: SLAMetric, due: Date) async throws -> Bool {
        var recorded = false
        _ = try await withRetries(id) { ticket in
            guard var state = ticket.sla, state.unrecordedBreaches(at: clock.now).contains(where: {
                $0.metric == metric && $0.dueAt == due
            }) else { return ([], []) }
            state.recordBreach(of: metric, due: due)
            ticket.sla = state
            recorded = true
            let event = TicketEvent(
                ticketID: ticket.id, actor: .system, at: clock.now, field: .slaBreach, oldValue: metric.rawValue,
                newValue: due.formatted(.iso8601))
            return ([], [event])
        }
        return recorded
    }

    /// Re-applies the SLA policy that matches the ticket now, replaying its whole history (after an admin changed
    /// policies, or for tickets imported without SLA). Records a `sla_policy` event naming the policy, or "—".
    @discardableResult
    public func reapplySLA(_ id: Ticket.ID) async throws -> Ticket {
        try await withRetries(id) { ticket in
            guard ticket.status != .closed else { return ([], []) }
            let old = ticket.sla?.policyID.description
            ticket.sla = nil
            let event = TicketEvent(
                ticketID: ticket.id, actor: .system, at: clock.now, field: .slaPolicy, oldValue: old, newValue: nil)
            return ([], [event])
        }
    }
}

extension TicketEvent.Field {
    /// The SLA policy was (re)applied: old = the previous policy's id, if any.
    public static let slaPolicy = TicketEvent.Field(rawValue: "sla_policy")
}
