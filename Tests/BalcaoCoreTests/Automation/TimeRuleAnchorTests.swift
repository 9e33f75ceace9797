import Foundation
import Testing

@testable import BalcaoCore

@Suite("Time rules: candidate statuses and anchors")
struct TimeRuleAnchorTests {
    private let unclosed: [TicketStatus] = [.new, .open, .pending, .onHold, .solved]

    private func timeRule(all: [RuleCondition] = [], any: [RuleCondition] = []) -> Rule {
        AutoSample.rule(.timeRule, name: "Tempo", all: all, any: any, actions: [RuleAction(.addTags, "lembrete")])
    }

    private let after72 = RuleCondition(.hoursSinceUpdated, .greaterThan, "72")

    @Test("A time rule without a status condition looks at every ticket but closed ones")
    func noStatusCondition() {
        #expect(AutomationRunner.candidateStatuses(for: [timeRule(all: [after72])]) == unclosed)
    }

    @Test("A status is condition narrows the scan to the statuses it names, in status order")
    func statusNarrows() {
        let rule = timeRule(all: [RuleCondition(.status, .is, "on_hold, pending"), after72])

        #expect(AutomationRunner.candidateStatuses(for: [rule]) == [.pending, .onHold])
    }

    @Test("Several rules scan the union of their statuses, closed never included")
    func unionOfRules() {
        let pending = timeRule(all: [RuleCondition(.status, .is, "pending"), after72])
        let solved = timeRule(all: [RuleCondition(.status, .is, "solved, closed"), RuleCondition(.hoursSinceSolved, .greaterThan, "96")])

        #expect(AutomationRunner.candidateStatuses(for: [pending, solved]) == [.pending, .solved])
    }

    @Test("One rule without a status condition widens the scan to every unclosed status")
    func oneOpenRuleWidens() {
        let pending = timeRule(all: [RuleCondition(.status, .is, "pending"), after72])
        let any = timeRule(all: [after72])

        #expect(AutomationRunner.candidateStatuses(for: [pending, any]) == unclosed)
        #expect(AutomationRunner.candidateStatuses(for: [any, pending]) == unclosed)
    }

    @Test("Status is_not and status conditions under any do not narrow the scan")
    func onlyAllIsNarrows() {
        let isNot = timeRule(all: [RuleCondition(.status, .isNot, "pending"), after72])
        let anyStatus = timeRule(all: [after72], any: [RuleCondition(.status, .is, "pending")])

        #expect(AutomationRunner.candidateStatuses(for: [isNot]) == unclosed)
        #expect(AutomationRunner.candidateStatuses(for: [anyStatus]) == unclosed)
    }

    @Test("A rule that only names closed tickets scans nothing: closed tickets never change")
    func closedOnly() {
        let rule = timeRule(all: [RuleCondition(.status, .is, "closed"), after72])

        #expect(AutomationRunner.candidateStatuses(for: [rule]).isEmpty)
    }

    // MARK: Anchors

    private let updated = AutoSample.afterOpening(hours: 5)
    private let solvedAt = AutoSample.afterOpening(hours: 8)

    @Test("Hours since created anchors on creation: the rule fires once per ticket")
    func anchorCreated() {
        let rule = timeRule(all: [RuleCondition(.hoursSinceCreated, .greaterThan, "24")])

        #expect(AutomationRunner.anchor(of: rule, for: AutoSample.ticket(updatedAt: updated)) == AutoSample.opened)
    }

    @Test("Hours since updated anchors on the last update, so it fires again after the ticket changes")
    func anchorUpdated() {
        let rule = timeRule(all: [after72])
        let ticket = AutoSample.ticket(updatedAt: updated)
        var touched = ticket
        touched.updatedAt = AutoSample.afterOpening(hours: 90)

        #expect(AutomationRunner.anchor(of: rule, for: ticket) == updated)
        #expect(AutomationRunner.anchor(of: rule, for: touched) == AutoSample.afterOpening(hours: 90))
    }

    @Test("Business hours since updated anchors on the last update too")
    func anchorBusinessUpdated() {
        let rule = timeRule(any: [RuleCondition(.businessHoursSinceUpdated, .greaterThan, "8")])

        #expect(AutomationRunner.anchor(of: rule, for: AutoSample.ticket(updatedAt: updated)) == updated)
    }

    @Test("Hours since solved anchors on the solve, or on creation for a ticket never solved")
    func anchorSolved() {
        let rule = timeRule(all: [RuleCondition(.hoursSinceSolved, .greaterThan, "96")])

        #expect(AutomationRunner.anchor(of: rule, for: AutoSample.ticket(status: .solved, solvedAt: solvedAt)) == solvedAt)
        #expect(AutomationRunner.anchor(of: rule, for: AutoSample.ticket()) == AutoSample.opened)
    }

    @Test("With several time conditions the latest anchor wins")
    func latestAnchor() {
        let rule = timeRule(all: [
            RuleCondition(.hoursSinceCreated, .greaterThan, "1"), after72,
            RuleCondition(.hoursSinceSolved, .greaterThan, "1"),
        ])
        let ticket = AutoSample.ticket(status: .solved, updatedAt: updated, solvedAt: solvedAt)

        #expect(AutomationRunner.anchor(of: rule, for: ticket) == solvedAt)
    }

    @Test("An SLA condition anchors on the earliest due time of a timer not yet met")
    func anchorSLA() throws {
        let desk = try AutoSLADesk()
        let sla = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00")])
        let answered = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00"), (.agentReplied, "2025-05-12 10:00")])
        let rule = timeRule(all: [RuleCondition(.sla, .is, "breached")])
        let created = desk.at("2025-05-12 09:00")
        func ticket(_ state: SLAState) -> Ticket {
            Ticket(
                number: TicketNumber(7), subject: "SLA", channel: .email, requesterID: AutoSample.requesterID,
                sla: state, createdAt: created)
        }

        // First response due Monday 13:00; once it is met, resolution (Tuesday 15:00) is the one to watch.
        #expect(AutomationRunner.anchor(of: rule, for: ticket(sla)) == desk.at("2025-05-12 13:00"))
        #expect(AutomationRunner.anchor(of: rule, for: ticket(answered)) == desk.at("2025-05-13 15:00"))
    }

    @Test("Without any time field the anchor is the creation")
    func anchorFallback() {
        let rule = timeRule(all: [RuleCondition(.status, .is, "pending")])

        #expect(AutomationRunner.anchor(of: rule, for: AutoSample.ticket(updatedAt: updated)) == AutoSample.opened)
    }
}
