import Foundation
import Testing

@testable import BalcaoCore

@Suite("Trigger events from committed changes")
struct TriggerEventTests {
    private let at = AutoSample.afterOpening(hours: 1)

    private func event(_ field: TicketEvent.Field, by actor: Actor, _ old: String? = nil, _ new: String? = nil)
        -> TicketEvent
    {
        TicketEvent(ticketID: AutoSample.ticketID, actor: actor, at: at, field: field, oldValue: old, newValue: new)
    }

    private func events(isNew: Bool, _ events: [TicketEvent]) -> Set<TriggerEvent> {
        TriggerEvent.of(TicketChange(ticket: AutoSample.ticket(), events: events, message: nil, isNew: isNew))
    }

    private var agent: Actor { .agent(AutoSample.ana) }
    private var requester: Actor { .contact(AutoSample.requesterID) }

    @Test("A new ticket is created, not updated, even when it arrives with the requester's message")
    func created() {
        let result = events(
            isNew: true,
            [event(.created, by: requester), event(.reply, by: requester, nil, "m1"), event(.status, by: .system, nil, "new")])

        #expect(result == [.created])
    }

    @Test("A requester's reply to an existing ticket is an update and a requester reply")
    func requesterReplied() {
        #expect(events(isNew: false, [event(.reply, by: requester, nil, "m2")]) == [.updated, .requesterReplied])
    }

    @Test("An agent's public reply is an agent reply, also on a ticket an agent opens with a reply")
    func agentReplied() {
        #expect(events(isNew: false, [event(.reply, by: agent, nil, "m3")]) == [.updated, .agentReplied])
        #expect(
            events(isNew: true, [event(.created, by: agent), event(.reply, by: agent, nil, "m1")])
                == [.created, .agentReplied])
    }

    @Test("A reply written by Balcão itself is neither the agent's nor the requester's")
    func systemReply() {
        #expect(events(isNew: false, [event(.reply, by: .system, nil, "m4")]) == [.updated])
    }

    @Test("An internal note is note_added, never a reply")
    func noteAdded() {
        #expect(events(isNew: false, [event(.note, by: agent, nil, "m5")]) == [.updated, .noteAdded])
    }

    @Test("Status and assignee changes name themselves, together with the reply that came with them")
    func statusAndAssignee() {
        let result = events(
            isNew: false,
            [
                event(.reply, by: agent, nil, "m6"), event(.status, by: agent, "open", "pending"),
                event(.assignee, by: agent, nil, AutoSample.ana.description),
            ])

        #expect(result == [.updated, .agentReplied, .statusChanged, .assigneeChanged])
    }

    @Test("Other field edits are just updates")
    func plainUpdate() {
        #expect(events(isNew: false, [event(.priority, by: agent, "normal", "high"), event(.tags, by: agent)]) == [.updated])
    }

    @Test("A recorded SLA breach is sla_breached")
    func slaBreach() {
        let result = events(isNew: false, [event(.slaBreach, by: .system, "first_response", "2026-11-25T13:00:00Z")])

        #expect(result == [.updated, .slaBreached])
    }

    @Test("An event condition matches what just happened: created vs updated, replies, notes")
    func eventConditions() {
        let created = AutoSample.facts(events: TriggerEvent.of(
            TicketChange(ticket: AutoSample.ticket(), events: [event(.created, by: requester)], message: nil, isNew: true)))
        let replied = AutoSample.facts(events: TriggerEvent.of(
            TicketChange(
                ticket: AutoSample.ticket(), events: [event(.reply, by: requester, nil, "m7")], message: nil,
                isNew: false)))

        #expect(AutoSample.holds(RuleCondition(.event, .is, "created"), on: created))
        #expect(!AutoSample.holds(RuleCondition(.event, .is, "updated"), on: created))
        #expect(AutoSample.holds(RuleCondition(.event, .is, "requester_replied"), on: replied))
        #expect(AutoSample.holds(RuleCondition(.event, .is, "agent_replied, requester_replied"), on: replied))
        #expect(!AutoSample.holds(RuleCondition(.event, .is, "agent_replied, note_added"), on: replied))
        #expect(AutoSample.holds(RuleCondition(.event, .isNot, "created"), on: replied))
    }

    @Test("Event names are the snake_case words rules are written with")
    func rawValues() {
        #expect(
            TriggerEvent.allCases.map(\.rawValue) == [
                "created", "updated", "requester_replied", "agent_replied", "note_added", "status_changed",
                "assignee_changed", "sla_breached",
            ])
    }
}
