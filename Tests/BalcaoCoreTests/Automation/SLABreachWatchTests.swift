import Foundation
import Testing

@testable import BalcaoCore

@Suite("SLA breach watch bookkeeping")
struct SLABreachWatchTests {
    let desk: AutoSLADesk

    init() throws { desk = try AutoSLADesk() }

    /// Opened Monday 09:00 at normal priority: first response due 13:00, resolution due Tuesday 15:00.
    private var opened: SLAState { desk.state([(.ticketCreated(.normal), "2025-05-12 09:00")]) }

    private func metrics(_ state: SLAState, at time: String) -> [SLAMetric] {
        state.unrecordedBreaches(at: desk.at(time)).map(\.metric)
    }

    @Test("A fresh ticket is watched at its first due time and has nothing to record before it")
    func freshTicket() {
        #expect(opened.nextWatchAt == desk.at("2025-05-12 13:00"))
        #expect(metrics(opened, at: "2025-05-12 12:59").isEmpty)
        #expect(metrics(opened, at: "2025-05-12 13:01") == [.firstResponse])
        #expect(metrics(opened, at: "2025-05-13 16:00") == [.firstResponse, .resolution])
    }

    @Test("Once a breach is recorded it is not reported again and the watch moves to the next due time")
    func afterRecording() {
        var state = opened
        state.recordBreach(of: .firstResponse, due: desk.at("2025-05-12 13:00"))

        #expect(state.recordedBreaches == [.firstResponse: desk.at("2025-05-12 13:00")])
        #expect(metrics(state, at: "2025-05-12 13:01").isEmpty)
        #expect(state.nextWatchAt == desk.at("2025-05-13 15:00"))
        // The first response is still overdue and running: the earliest due time does not move.
        #expect(state.nextDueAt == desk.at("2025-05-12 13:00"))
        #expect(metrics(state, at: "2025-05-13 16:00") == [.resolution])
    }

    @Test("With every breach recorded there is nothing left to watch")
    func allRecorded() {
        var state = opened
        state.recordBreach(of: .firstResponse, due: desk.at("2025-05-12 13:00"))
        state.recordBreach(of: .resolution, due: desk.at("2025-05-13 15:00"))

        #expect(state.nextWatchAt == nil)
        #expect(metrics(state, at: "2025-05-20 09:00").isEmpty)
    }

    @Test("Recording a breach for another due time does not silence the current one")
    func recordedForOtherDue() {
        var state = opened
        state.recordBreach(of: .firstResponse, due: desk.at("2025-05-12 12:00"))

        #expect(state.nextWatchAt == desk.at("2025-05-12 13:00"))
        #expect(metrics(state, at: "2025-05-12 13:01") == [.firstResponse])
    }

    @Test("A met timer is not watched: an answered ticket is watched for its resolution only")
    func metTimers() {
        let state = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00"), (.agentReplied, "2025-05-12 10:00")])

        #expect(state.nextWatchAt == desk.at("2025-05-13 15:00"))
        #expect(metrics(state, at: "2025-05-13 16:00") == [.resolution])
    }

    @Test("A ticket waiting on the requester is not watched")
    func pausedTimers() {
        let state = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.statusChanged(from: .new, to: .pending), "2025-05-12 10:00"),
        ])

        #expect(state.nextWatchAt == nil)
        #expect(metrics(state, at: "2025-05-30 09:00").isEmpty)
    }

    @Test("A later next-response timer has another due time, so its breach is recorded too")
    func laterNextResponse() {
        var state = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.agentReplied, "2025-05-12 10:00"),
            (.requesterReplied, "2025-05-12 11:00"),
        ])
        // 8 business hours from Monday 11:00: Monday until 18:00 and Tuesday 08:00–09:00.
        #expect(state.nextResponse?.dueAt == desk.at("2025-05-13 09:00"))
        state.recordBreach(of: .nextResponse, due: desk.at("2025-05-13 09:00"))
        state.recordBreach(of: .resolution, due: desk.at("2025-05-13 15:00"))
        #expect(state.nextWatchAt == nil)

        state.apply(.agentReplied, at: desk.at("2025-05-13 10:00"), clock: desk.clock)
        state.apply(.requesterReplied, at: desk.at("2025-05-13 11:00"), clock: desk.clock)

        #expect(state.nextResponse?.dueAt == desk.at("2025-05-14 09:00"))
        #expect(state.nextWatchAt == desk.at("2025-05-14 09:00"))
        #expect(metrics(state, at: "2025-05-14 09:30") == [.nextResponse])
    }

    @Test("The SLA watch does not record a breach at the exact due time, when a reply would still be in time")
    func exactDueTimeIsNotABreach() {
        let due = desk.at("2025-05-12 13:00")
        let timer = opened.firstResponse

        // The timer itself says: not breached at its due instant (a reply then is in time).
        #expect(timer?.isBreached(at: due) == false)
        #expect(opened.status(of: .firstResponse, at: due, clock: desk.clock) == .atRisk)
        #expect(opened.unrecordedBreaches(at: due).isEmpty)
    }

    // MARK: Worst status

    @Test("The worst status reads running, then at risk, then breached as the first response runs out")
    func worstStatusOverTime() {
        #expect(opened.worstStatus(at: desk.at("2025-05-12 12:00"), clock: desk.clock) == .running)
        #expect(opened.worstStatus(at: desk.at("2025-05-12 12:30"), clock: desk.clock) == .atRisk)
        #expect(opened.worstStatus(at: desk.at("2025-05-12 13:30"), clock: desk.clock) == .breached)
    }

    @Test("A breach anywhere wins over a met timer; paused and met show only when nothing is more pressing")
    func worstStatusOrder() {
        let lateAnswer = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00"), (.agentReplied, "2025-05-12 14:00")])
        let waiting = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.statusChanged(from: .new, to: .pending), "2025-05-12 10:00"),
        ])
        let solvedInTime = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00"), (.solved, "2025-05-12 10:00")])

        #expect(lateAnswer.worstStatus(at: desk.at("2025-05-12 15:00"), clock: desk.clock) == .breached)
        #expect(waiting.worstStatus(at: desk.at("2025-05-14 09:00"), clock: desk.clock) == .paused)
        #expect(solvedInTime.worstStatus(at: desk.at("2025-05-14 09:00"), clock: desk.clock) == .met)
        #expect(SLAState(policy: desk.policy).worstStatus(at: desk.at("2025-05-14 09:00"), clock: desk.clock) == nil)
    }
}
