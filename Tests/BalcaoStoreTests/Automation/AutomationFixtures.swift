import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation

/// Calendars, policies and rules the automation tests set up through the admin service, as an admin would.
extension TestDesk {
    /// Round the clock in UTC, so due times are plain arithmetic.
    func makeAlwaysOpenCalendar(by admin: Agent) async throws -> BusinessCalendar {
        let calendar = BusinessCalendar.twentyFourSeven(name: "24×7", timeZoneIdentifier: "UTC")
        try await automationAdmin.saveCalendar(calendar, by: admin)
        return calendar
    }

    /// One policy for every ticket: urgent 1 h first response / 4 h resolution, normal 8 h / 48 h, all 24×7.
    @discardableResult
    func makePolicy(
        calendar: BusinessCalendar, conditions: SLAConditions = SLAConditions(), escalateOnBreach: Bool = false,
        order: Int = 100, by admin: Agent
    ) async throws -> SLAPolicy {
        var targets = SLAPriorityTargets()
        targets.urgent = SLATargets(firstResponse: 3600, nextResponse: 3600, resolution: 4 * 3600)
        targets.high = SLATargets(firstResponse: 2 * 3600, nextResponse: 2 * 3600, resolution: 8 * 3600)
        targets.normal = SLATargets(firstResponse: 8 * 3600, nextResponse: 8 * 3600, resolution: 48 * 3600)
        targets.low = SLATargets(firstResponse: 24 * 3600, resolution: 120 * 3600)
        let policy = SLAPolicy(
            name: "Padrão", order: order, calendarID: calendar.id, conditions: conditions, targets: targets,
            escalateOnBreach: escalateOnBreach)
        try await automationAdmin.savePolicy(policy, by: admin)
        return policy
    }

    @discardableResult
    func makeRule(
        _ kind: RuleKind, _ name: String, position: Int = 0, all: [RuleCondition] = [], any: [RuleCondition] = [],
        actions: [RuleAction], by admin: Agent
    ) async throws -> Rule {
        let rule = Rule(
            kind: kind, name: name, position: position, conditions: RuleConditions(all: all, any: any),
            actions: actions)
        try await automationAdmin.saveRule(rule, by: admin)
        return rule
    }

    /// Mail in the outbox for `address`, oldest first.
    func outboxMail(to address: String) async throws -> [OutboxMail] {
        try await outbox.outbox(.all, limit: 200).filter { $0.recipients.contains(address) }
            .sorted { $0.createdAt < $1.createdAt }
    }
}
