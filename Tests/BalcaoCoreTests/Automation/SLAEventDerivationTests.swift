import Foundation
import Testing

@testable import BalcaoCore

@Suite("SLA events derived from ticket history")
struct SLAEventDerivationTests {
    let desk: AutoSLADesk

    init() throws { desk = try AutoSLADesk() }

    private var agent: Actor { .agent(AutoSample.ana) }
    private var requester: Actor { .contact(AutoSample.requesterID) }

    private func event(
        _ field: TicketEvent.Field, by actor: Actor, at time: String, _ old: String? = nil, _ new: String? = nil
    ) -> TicketEvent {
        TicketEvent(
            ticketID: AutoSample.ticketID, actor: actor, at: desk.at(time), field: field, oldValue: old, newValue: new)
    }

    /// Derived events as comparable pairs.
    private func derived(_ events: [TicketEvent], createdWith priority: TicketPriority = .normal) -> [AutoTimedSLAEvent] {
        SLAEvent.derived(from: events, createdWith: priority).map { AutoTimedSLAEvent(event: $0.0, at: $0.1) }
    }

    private func timed(_ event: SLAEvent, _ time: String) -> AutoTimedSLAEvent {
        AutoTimedSLAEvent(event: event, at: desk.at(time))
    }

    @Test("Creation starts the clock with the priority the ticket was opened with, at the event's time")
    func created() {
        let result = derived([event(.created, by: requester, at: "2025-05-12 09:00")], createdWith: .high)

        #expect(result == [timed(.ticketCreated(.high), "2025-05-12 09:00")])
    }

    @Test("An agent's reply answers the requester; the requester's reply asks again; Balcão's own replies do neither")
    func replies() {
        let result = derived([
            event(.reply, by: agent, at: "2025-05-12 10:00", nil, "m1"),
            event(.reply, by: requester, at: "2025-05-12 11:00", nil, "m2"),
            event(.reply, by: .system, at: "2025-05-12 12:00", nil, "m3"),
        ])

        #expect(result == [timed(.agentReplied, "2025-05-12 10:00"), timed(.requesterReplied, "2025-05-12 11:00")])
    }

    @Test("Internal notes, system messages, breaches and field edits answer nobody")
    func ignored() {
        let result = derived([
            event(.note, by: agent, at: "2025-05-12 10:00", nil, "n1"),
            event(.systemMessage, by: .system, at: "2025-05-12 10:01", nil, "s1"),
            event(.slaBreach, by: .system, at: "2025-05-12 13:01", "first_response", "2025-05-12T16:00:00Z"),
            event(.tags, by: agent, at: "2025-05-12 10:02", "", "vip"),
            event(.assignee, by: agent, at: "2025-05-12 10:03", nil, AutoSample.ana.description),
            event(.rule, by: .system, at: "2025-05-12 10:04", "id", "Regra"),
        ])

        #expect(result.isEmpty)
    }

    @Test("Status changes carry both ends; priority changes the new priority")
    func statusAndPriority() {
        let result = derived([
            event(.status, by: agent, at: "2025-05-12 10:00", "open", "on_hold"),
            event(.priority, by: agent, at: "2025-05-12 11:00", "normal", "urgent"),
        ])

        #expect(
            result == [
                timed(.statusChanged(from: .open, to: .onHold), "2025-05-12 10:00"),
                timed(.priorityChanged(to: .urgent), "2025-05-12 11:00"),
            ])
    }

    @Test("Status or priority events with values that are not statuses or priorities are skipped")
    func malformed() {
        let result = derived([
            event(.status, by: agent, at: "2025-05-12 10:00", nil, "open"),
            event(.status, by: agent, at: "2025-05-12 10:01", "open", "archived"),
            event(.priority, by: agent, at: "2025-05-12 10:02", "normal", nil),
            event(.priority, by: agent, at: "2025-05-12 10:03", "normal", "critical"),
        ])

        #expect(result.isEmpty)
    }

    @Test("The opening priority is the old value of the first priority change, else the priority now")
    func initialPriority() {
        let ticket = AutoSample.ticket(priority: .high)
        let history = [
            event(.created, by: requester, at: "2025-05-12 09:00"),
            event(.priority, by: agent, at: "2025-05-12 10:00", "low", "urgent"),
            event(.priority, by: agent, at: "2025-05-12 11:00", "urgent", "high"),
        ]

        #expect(SLAEvent.initialPriority(of: ticket, history: history) == .low)
        #expect(SLAEvent.initialPriority(of: ticket, history: Array(history.prefix(1))) == .high)
    }

    /// A ticket's life in change batches, as the desk commits them: opened by mail, answered, put on hold for the
    /// requester, answered by them, raised to urgent, solved, and reopened by a reply the next morning.
    private var batches: [[TicketEvent]] {
        [
            [
                event(.created, by: requester, at: "2025-05-12 09:00"),
                event(.reply, by: requester, at: "2025-05-12 09:00", nil, "m1"),
            ],
            [
                event(.reply, by: agent, at: "2025-05-12 10:00", nil, "m2"),
                event(.status, by: agent, at: "2025-05-12 10:00", "new", "open"),
            ],
            [event(.note, by: agent, at: "2025-05-12 10:30", nil, "n1")],
            [event(.status, by: agent, at: "2025-05-12 11:00", "open", "pending")],
            [
                event(.reply, by: requester, at: "2025-05-12 14:00", nil, "m3"),
                event(.status, by: .system, at: "2025-05-12 14:00", "pending", "open"),
            ],
            [event(.priority, by: agent, at: "2025-05-12 15:00", "normal", "urgent")],
            [
                event(.reply, by: agent, at: "2025-05-12 16:00", nil, "m4"),
                event(.status, by: agent, at: "2025-05-12 16:00", "open", "solved"),
            ],
            [
                event(.reply, by: requester, at: "2025-05-13 09:00", nil, "m5"),
                event(.status, by: .system, at: "2025-05-13 09:00", "solved", "open"),
            ],
        ]
    }

    /// What the ticket commands feed the reducer live, one event at a time.
    private var live: SLAState {
        desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.requesterReplied, "2025-05-12 09:00"),
            (.agentReplied, "2025-05-12 10:00"), (.statusChanged(from: .new, to: .open), "2025-05-12 10:00"),
            (.statusChanged(from: .open, to: .pending), "2025-05-12 11:00"),
            (.requesterReplied, "2025-05-12 14:00"), (.statusChanged(from: .pending, to: .open), "2025-05-12 14:00"),
            (.priorityChanged(to: .urgent), "2025-05-12 15:00"),
            (.agentReplied, "2025-05-12 16:00"), (.solved, "2025-05-12 16:00"),
            (.requesterReplied, "2025-05-13 09:00"), (.reopened, "2025-05-13 09:00"),
        ])
    }

    private func replay(_ events: [TicketEvent], createdWith priority: TicketPriority, onto state: SLAState) -> SLAState {
        SLAEvent.derived(from: events, createdWith: priority).reduce(state) { $0.applying($1.0, at: $1.1, clock: desk.clock) }
    }

    @Test("Replaying the whole history reaches the same SLA state as the live events, one by one")
    func replayMatchesLive() {
        let history = batches.flatMap { $0 }
        let ticket = AutoSample.ticket(priority: .urgent)
        let initial = SLAEvent.initialPriority(of: ticket, history: history)

        let replayed = replay(history, createdWith: initial, onto: SLAState(policy: desk.policy))

        #expect(initial == .normal)
        #expect(replayed == live)
        // And that state is the interesting one, not an empty one: first response met, resolution running again.
        #expect(replayed.priority == .urgent)
        #expect(replayed.status == .open)
        #expect(replayed.firstResponse?.fulfilledAt == desk.at("2025-05-12 10:00"))
        #expect(replayed.resolution?.isFulfilled == false)
        #expect(replayed.nextResponse?.startedAt == desk.at("2025-05-13 09:00"))
    }

    @Test("Applying each committed batch as it happens reaches the same state as one replay of the history")
    func incrementalMatchesReplay() {
        var incremental = SLAState(policy: desk.policy)
        var priority = TicketPriority.normal
        for batch in batches {
            for event in batch where event.field == .priority { priority = event.newValue.flatMap(TicketPriority.init) ?? priority }
            incremental = replay(batch, createdWith: priority, onto: incremental)
        }
        let history = batches.flatMap { $0 }

        let replayed = replay(history, createdWith: .normal, onto: SLAState(policy: desk.policy))

        #expect(incremental == replayed)
    }

    @Test("A ticket triaged to urgent while it is opened gets the same clock live and on replay")
    func triagedOnCreation() {
        // Live: the creation batch is derived with the ticket's (already raised) priority.
        let creation = [
            event(.created, by: requester, at: "2025-05-12 09:00"),
            event(.impact, by: .system, at: "2025-05-12 09:00", nil, "high"),
            event(.priority, by: .system, at: "2025-05-12 09:00", "normal", "urgent"),
        ]
        let ticket = AutoSample.ticket(priority: .urgent)
        let live = replay(creation, createdWith: ticket.priority, onto: SLAState(policy: desk.policy))
        // Replay: the opening priority is read back from the history.
        let replayed = replay(
            creation, createdWith: SLAEvent.initialPriority(of: ticket, history: creation),
            onto: SLAState(policy: desk.policy))

        #expect(live == replayed)
        #expect(replayed.firstResponse?.dueAt == desk.at("2025-05-12 10:00"))
    }
}

/// An SLA event with its time, comparable in expectations.
struct AutoTimedSLAEvent: Equatable, CustomStringConvertible {
    let event: SLAEvent
    let at: Date

    var description: String { "\(event) at \(at)" }
}
