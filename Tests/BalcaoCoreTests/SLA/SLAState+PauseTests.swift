import Foundation
import Testing

@testable import BalcaoCore

@Suite("SLAState pauses, solves and reopens")
struct SLAStatePauseTests {
    let desk: SLADesk

    init() throws { desk = try SLADesk() }

    @Test("Pending pauses the clock; the requester's reply resumes it with the time that was left")
    func pendingThenRequesterReply() {
        let paused = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.agentReplied, "2025-05-12 10:00"),
            (.statusChanged(from: .new, to: .pending), "2025-05-12 10:00"),
        ])
        let resumed = paused.applying(.requesterReplied, at: desk.at("2025-05-14 10:00"), clock: desk.clock)

        #expect(paused.resolution?.dueAt == nil)
        #expect(paused.resolution?.remaining(at: desk.at("2025-05-14 10:00"), clock: desk.clock) == hours(15))
        #expect(resumed.status == .open)
        #expect(
            resumed.resolution?.pauses == [
                SLAPause(start: desk.at("2025-05-12 10:00"), end: desk.at("2025-05-14 10:00"))
            ])
        // 15 h left from Wednesday 10:00: 8 h on Wednesday, 7 h on Thursday.
        #expect(resumed.resolution?.dueAt == desk.at("2025-05-15 15:00"))
        #expect(resumed.nextResponse?.dueAt == desk.at("2025-05-14 18:00"))
    }

    @Test("A paused SLA does not breach while waiting on the customer")
    func pausedSLADoesNotBreach() {
        let state = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"),
            (.statusChanged(from: .new, to: .pending), "2025-05-12 12:00"),
        ])

        #expect(state.firstResponse?.isBreached(at: desk.at("2025-05-30 12:00")) == false)
        #expect(state.status(of: .firstResponse, at: desk.at("2025-05-30 12:00"), clock: desk.clock) == .paused)
        #expect(state.firstResponse?.remaining(at: desk.at("2025-05-30 12:00"), clock: desk.clock) == hours(1))
    }

    @Test("On hold pauses too, and going back to open resumes")
    func onHold() {
        let state = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"),
            (.statusChanged(from: .new, to: .onHold), "2025-05-12 11:00"),
            (.statusChanged(from: .onHold, to: .pending), "2025-05-12 15:00"),
            (.statusChanged(from: .pending, to: .open), "2025-05-13 09:00"),
        ])

        #expect(state.firstResponse?.dueAt == desk.at("2025-05-13 11:00"))
        #expect(state.firstResponse?.pauses.count == 1)
    }

    @Test("A timer breached before the pause stays breached while paused")
    func breachedBeforePause() {
        let state = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"),
            (.statusChanged(from: .new, to: .pending), "2025-05-12 15:00"),
        ])

        #expect(state.firstResponse?.dueAt == desk.at("2025-05-12 13:00"))
        #expect(state.status(of: .firstResponse, at: desk.at("2025-05-13 09:00"), clock: desk.clock) == .breached)
    }

    @Test("A target used up exactly at the pause falls due at the resume, not during the pause")
    func usedUpAtPause() {
        let paused = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"),
            (.statusChanged(from: .new, to: .pending), "2025-05-12 13:00"),
        ])
        let resumed = paused.applying(.requesterReplied, at: desk.at("2025-05-13 09:00"), clock: desk.clock)
        let answered = resumed.applying(.agentReplied, at: desk.at("2025-05-13 09:00"), clock: desk.clock)

        #expect(paused.firstResponse?.isBreached(at: desk.at("2025-05-13 08:59")) == false)
        #expect(resumed.firstResponse?.dueAt == desk.at("2025-05-13 09:00"))
        #expect(resumed.firstResponse?.isBreached(at: desk.at("2025-05-13 09:01")) == true)
        #expect(answered.status(of: .firstResponse, at: desk.at("2025-05-13 10:00"), clock: desk.clock) == .met)
    }

    @Test("Solving meets the resolution; a reopen continues it without counting the time solved")
    func solveAndReopen() {
        let solved = desk.state([(.ticketCreated(.normal), "2025-05-12 09:00"), (.solved, "2025-05-12 13:00")])
        let reopened = solved.applying(.reopened, at: desk.at("2025-05-14 09:00"), clock: desk.clock)

        #expect(solved.status(of: .resolution, at: desk.at("2025-05-13 09:00"), clock: desk.clock) == .met)
        #expect(reopened.status == .open)
        #expect(reopened.resolution?.isFulfilled == false)
        #expect(reopened.resolution?.elapsed(at: desk.at("2025-05-14 10:00"), clock: desk.clock) == hours(5))
        // 12 h left from Wednesday 09:00: 9 h on Wednesday, 3 h on Thursday.
        #expect(reopened.resolution?.dueAt == desk.at("2025-05-15 11:00"))
    }

    @Test("Solving stops every open timer; closing a solved ticket changes nothing")
    func solvingStopsEverything() {
        let solved = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"),
            (.statusChanged(from: .new, to: .solved), "2025-05-12 10:00"),
        ])
        let closed = solved.applying(
            .statusChanged(from: .solved, to: .closed), at: desk.at("2025-05-20 10:00"), clock: desk.clock)

        #expect(solved.firstResponse?.fulfilledAt == desk.at("2025-05-12 10:00"))
        #expect(solved.resolution?.fulfilledAt == desk.at("2025-05-12 10:00"))
        #expect(closed.status == .closed)
        #expect(closed.resolution == solved.resolution)
    }

    @Test("A requester reply reopens a solved ticket but not a closed one")
    func replyToSolvedAndClosed() {
        let solved = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"), (.agentReplied, "2025-05-12 10:00"),
            (.solved, "2025-05-12 11:00"),
        ])
        let replied = solved.applying(.requesterReplied, at: desk.at("2025-05-13 09:00"), clock: desk.clock)
        let closed = solved.applying(
            .statusChanged(from: .solved, to: .closed), at: desk.at("2025-05-12 12:00"), clock: desk.clock)
        let repliedAfterClose = closed.applying(.requesterReplied, at: desk.at("2025-05-13 09:00"), clock: desk.clock)

        #expect(replied.status == .open)
        #expect(replied.resolution?.isFulfilled == false)
        #expect(replied.nextResponse?.startedAt == desk.at("2025-05-13 09:00"))
        #expect(repliedAfterClose == closed)
    }

    @Test("Solving while pending closes the pause at the solve")
    func solveWhilePending() {
        let state = desk.state([
            (.ticketCreated(.normal), "2025-05-12 09:00"),
            (.statusChanged(from: .new, to: .pending), "2025-05-12 10:00"), (.solved, "2025-05-14 10:00"),
        ])

        #expect(state.resolution?.isPaused == false)
        #expect(state.resolution?.elapsed(at: desk.at("2025-05-20 10:00"), clock: desk.clock) == hours(1))
        #expect(state.status(of: .resolution, at: desk.at("2025-05-20 10:00"), clock: desk.clock) == .met)
    }
}
