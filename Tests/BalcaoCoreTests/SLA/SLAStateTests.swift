import Foundation
import Testing

@testable import BalcaoCore

@Suite("SLAState timers")
struct SLAStateTests {
    let desk: SLADesk

    init() throws { desk = try SLADesk() }

    private func status(_ state: SLAState, _ metric: SLAMetric, at text: String) -> SLATimer.Status? {
        state.status(of: metric, at: desk.at(text), clock: desk.clock)
    }

    @Test("Creating a ticket starts first response and resolution, due in business hours")
    func creationStartsTimers() {
        let state = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00")])

        #expect(state.firstResponse?.dueAt == desk.at("2025-05-12 13:00"))
        #expect(state.resolution?.dueAt == desk.at("2025-05-13 15:00"))
        #expect(state.nextResponse == nil)
        #expect(state.status == .new)
    }

    @Test("A reply in time meets the first response and freezes the time that was left")
    func firstReplyInTime() {
        let state = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00"), (.agentReplied, "2025-05-12 11:00")])

        let timer = state.firstResponse

        #expect(timer?.fulfilledAt == desk.at("2025-05-12 11:00"))
        #expect(status(state, .firstResponse, at: "2025-05-14 10:00") == .met)
        #expect(timer?.remaining(at: desk.at("2025-05-14 10:00"), clock: desk.clock) == hours(2))
    }

    @Test("A reply exactly at the due time is still in time")
    func replyAtDueTime() {
        let state = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00"), (.agentReplied, "2025-05-12 13:00")])

        #expect(status(state, .firstResponse, at: "2025-05-12 15:00") == .met)
    }

    @Test("Without a reply the first response breaches, and remaining time goes negative in business time")
    func breach() {
        let state = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00")])
        let timer = state.firstResponse

        #expect(timer?.isBreached(at: desk.at("2025-05-12 13:00")) == false)
        #expect(timer?.isBreached(at: desk.at("2025-05-12 13:01")) == true)
        #expect(status(state, .firstResponse, at: "2025-05-12 14:00") == .breached)
        #expect(timer?.remaining(at: desk.at("2025-05-12 14:00"), clock: desk.clock) == -hours(1))
        // Monday 13:00–18:00 and Tuesday 08:00–09:00 overdue; the night does not count.
        #expect(timer?.remaining(at: desk.at("2025-05-13 09:00"), clock: desk.clock) == -hours(6))
    }

    @Test(
        "A timer is at risk once 80% of its target is used",
        arguments: [
            ("2025-05-12 12:00", SLATimer.Status.running), ("2025-05-12 12:12", .atRisk), ("2025-05-12 12:59", .atRisk),
        ])
    func atRisk(time: String, expected: SLATimer.Status) {
        let state = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00")])

        #expect(status(state, .firstResponse, at: time) == expected)
    }

    @Test("The warning threshold comes from the policy")
    func warningThresholdFromPolicy() {
        var policy = desk.policy
        policy.warningThreshold = 0.5
        let state = SLAState(policy: policy).applying(
            .ticketCreated(.normal), at: desk.at("2025-05-12 09:00"), clock: desk.clock)

        #expect(state.status(of: .firstResponse, at: desk.at("2025-05-12 11:00"), clock: desk.clock) == .atRisk)
    }

    @Test("A ticket solved late stays breached")
    func solvedLate() {
        let state = desk.state([(.ticketCreated(.urgent), "2025-05-12 09:00"), (.solved, "2025-05-12 15:00")])

        #expect(status(state, .resolution, at: "2025-05-20 09:00") == .breached)
        #expect(state.resolution?.remaining(at: desk.at("2025-05-20 09:00"), clock: desk.clock) == -hours(2))
    }

    @Test("Next response starts at a requester reply only once the first response is done, and keeps its start")
    func nextResponse() {
        let beforeFirstReply = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.requesterReplied, "2025-05-12 09:30"),
        ])
        let waiting = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.requesterReplied, "2025-05-12 09:30"),
            (.agentReplied, "2025-05-12 10:00"), (.requesterReplied, "2025-05-12 11:00"),
            (.requesterReplied, "2025-05-12 12:00"),
        ])
        let answered = waiting.applying(.agentReplied, at: desk.at("2025-05-12 16:00"), clock: desk.clock)
        let askedAgain = answered.applying(.requesterReplied, at: desk.at("2025-05-13 10:00"), clock: desk.clock)

        #expect(beforeFirstReply.nextResponse == nil)
        #expect(waiting.nextResponse?.startedAt == desk.at("2025-05-12 11:00"))
        #expect(waiting.nextResponse?.dueAt == desk.at("2025-05-13 09:00"))
        #expect(answered.status(of: .nextResponse, at: desk.at("2025-05-13 09:30"), clock: desk.clock) == .met)
        #expect(askedAgain.nextResponse?.startedAt == desk.at("2025-05-13 10:00"))
        #expect(askedAgain.nextResponse?.isFulfilled == false)
    }

    @Test("Raising the priority re-evaluates targets from creation and can reveal a breach")
    func raisePriority() {
        let state = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.priorityChanged(to: .urgent), "2025-05-12 11:00"),
        ])

        #expect(state.priority == .urgent)
        #expect(state.firstResponse?.dueAt == desk.at("2025-05-12 10:00"))
        #expect(status(state, .firstResponse, at: "2025-05-12 11:00") == .breached)
        #expect(state.resolution?.dueAt == desk.at("2025-05-12 13:00"))
    }

    @Test("Lowering the priority relaxes due times; a metric without target never breaches")
    func lowerPriority() {
        let state = desk.state([
            (.ticketCreated(.urgent), "2025-05-12 09:00"), (.priorityChanged(to: .low), "2025-05-12 09:30"),
        ])

        #expect(state.firstResponse?.target == nil)
        #expect(state.firstResponse?.dueAt == nil)
        #expect(status(state, .firstResponse, at: "2025-05-16 17:00") == .running)
        #expect(state.resolution?.dueAt == desk.at("2025-05-16 09:00"))
    }

    @Test("A priority change counts only the time the clock ran")
    func priorityChangeHonoursPauses() {
        let state = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"),
            (.statusChanged(from: .new, to: .pending), "2025-05-12 10:00"),
            (.statusChanged(from: .pending, to: .open), "2025-05-13 10:00"),
            (.priorityChanged(to: .urgent), "2025-05-13 10:30"),
        ])

        #expect(state.resolution?.dueAt == desk.at("2025-05-13 13:00"))
    }

    @Test("Events before creation are ignored, and a second creation changes nothing")
    func beforeCreation() {
        let state = desk.state([
            (.agentReplied, "2025-05-12 08:00"), (.ticketCreated(.normal), "2025-05-12 09:00"),
            (.ticketCreated(.urgent), "2025-05-12 10:00"),
        ])

        #expect(state.createdAt == desk.at("2025-05-12 09:00"))
        #expect(state.priority == .normal)
        #expect(state.firstResponse?.isFulfilled == false)
    }

    @Test("applying returns a new state and leaves the original untouched")
    func applyingIsPure() {
        let created = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00")])

        let replied = created.applying(.agentReplied, at: desk.at("2025-05-12 10:00"), clock: desk.clock)

        #expect(created.firstResponse?.isFulfilled == false)
        #expect(replied.firstResponse?.isFulfilled == true)
    }

    @Test("The SLA watch is told the earliest due time still running")
    func nextDueAt() {
        let created = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00")])
        let replied = created.applying(.agentReplied, at: desk.at("2025-05-12 10:00"), clock: desk.clock)
        let pending = replied.applying(
            .statusChanged(from: .open, to: .pending), at: desk.at("2025-05-12 10:30"), clock: desk.clock)

        #expect(created.nextDueAt == desk.at("2025-05-12 13:00"))
        #expect(replied.nextDueAt == desk.at("2025-05-13 15:00"))
        #expect(pending.nextDueAt == nil)
    }

    @Test("State round-trips through JSON for storage")
    func codable() throws {
        let state = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.agentReplied, "2025-05-12 10:00"),
            (.statusChanged(from: .new, to: .pending), "2025-05-12 10:00"), (.requesterReplied, "2025-05-13 09:00"),
        ])

        let decoded = try JSONDecoder().decode(SLAState.self, from: try JSONEncoder().encode(state))

        #expect(decoded == state)
    }
}
