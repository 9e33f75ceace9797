import Foundation
import Testing

@testable import BalcaoCore

@Suite("Ticket status transitions")
struct TicketStatusTransitionTests {
    /// Every move `move(to:)` performs: forward from new, freely among the working statuses, closed only from solved.
    static let allowedMoves: [(TicketStatus, TicketStatus)] = [
        (.new, .open), (.new, .pending), (.new, .onHold), (.new, .solved),
        (.open, .pending), (.open, .onHold), (.open, .solved),
        (.pending, .open), (.pending, .onHold), (.pending, .solved),
        (.onHold, .open), (.onHold, .pending), (.onHold, .solved),
        (.solved, .open), (.solved, .pending), (.solved, .onHold), (.solved, .closed),
    ]

    /// Moves refused as invalid: nothing goes back to new, and only a solved ticket may be closed.
    static let refusedMoves: [(TicketStatus, TicketStatus)] = [
        (.open, .new), (.pending, .new), (.onHold, .new), (.solved, .new),
        (.new, .closed), (.open, .closed), (.pending, .closed), (.onHold, .closed),
    ]

    /// What `canMove(to:)` answers, per status: staying put plus `allowedNextStatuses`.
    static let reachable: [TicketStatus: Set<TicketStatus>] = [
        .new: [.new, .open, .pending, .onHold, .solved],
        .open: [.open, .pending, .onHold, .solved],
        .pending: [.open, .pending, .onHold, .solved],
        .onHold: [.open, .pending, .onHold, .solved],
        .solved: [.open, .pending, .onHold, .solved, .closed],
        .closed: [.closed],
    ]

    @Test("canMove(to:) matches the transition table", arguments: TicketStatus.allCases, TicketStatus.allCases)
    func canMoveMatrix(from: TicketStatus, to: TicketStatus) throws {
        let expected = try #require(Self.reachable[from]).contains(to)

        let answer = from.canMove(to: to)

        #expect(answer == expected)
    }

    @Test("A closed ticket has nowhere to go")
    func closedHasNoNextStatus() {
        #expect(TicketStatus.closed.allowedNextStatuses.isEmpty)
    }

    @Test("No status leads back to new")
    func newIsNeverReentered() {
        let leadingToNew = TicketStatus.allCases.filter { $0.allowedNextStatuses.contains(.new) }

        #expect(leadingToNew.isEmpty)
    }

    @Test("An allowed move changes the status and records exactly one event", arguments: allowedMoves)
    func allowedMove(from: TicketStatus, to: TicketStatus) throws {
        var ticket = Ticket.sample(status: from)

        let events = try ticket.move(to: to, by: Samples.agent, at: Samples.now)

        #expect(ticket.status == to)
        #expect(ticket.updatedAt == Samples.now)
        let event = try #require(events.only)
        #expect(event.change == Change(.status, from.rawValue, to.rawValue))
        #expect(event.actor == Samples.agent)
        #expect(event.at == Samples.now)
        #expect(event.ticketID == Samples.ticketID)
    }

    @Test("A refused move throws invalidTransition and leaves the ticket untouched", arguments: refusedMoves)
    func refusedMove(from: TicketStatus, to: TicketStatus) {
        var ticket = Ticket.sample(status: from)
        let before = ticket

        #expect(throws: TicketError.invalidTransition(from: from, to: to)) {
            try ticket.move(to: to, by: Samples.agent, at: Samples.now)
        }

        #expect(ticket == before)
    }

    @Test("A closed ticket refuses every other status", arguments: [TicketStatus.new, .open, .pending, .onHold, .solved])
    func closedIsFinal(to: TicketStatus) {
        var ticket = Ticket.sample(status: .closed)
        let before = ticket

        #expect(throws: TicketError.closed(Samples.number)) {
            try ticket.move(to: to, by: Samples.agent, at: Samples.now)
        }

        #expect(ticket == before)
    }

    @Test("Staying put is allowed, records nothing and does not touch updatedAt", arguments: TicketStatus.allCases)
    func stayingPut(status: TicketStatus) throws {
        var ticket = Ticket.sample(status: status)
        let before = ticket

        let events = try ticket.move(to: status, by: Samples.agent, at: Samples.now)

        #expect(events.isEmpty)
        #expect(ticket == before)
    }

    @Test("Solving a ticket stamps solvedAt with the time of the change")
    func solvingSetsSolvedAt() throws {
        var ticket = Ticket.sample(status: .open)

        _ = try ticket.move(to: .solved, by: Samples.agent, at: Samples.now)

        #expect(ticket.solvedAt == Samples.now)
        #expect(ticket.closedAt == nil)
    }

    @Test("Closing a solved ticket stamps closedAt and keeps solvedAt")
    func closingSetsClosedAt() throws {
        var ticket = Ticket.sample(status: .solved)

        _ = try ticket.move(to: .closed, by: .system, at: Samples.now)

        #expect(ticket.status == .closed)
        #expect(ticket.closedAt == Samples.now)
        #expect(ticket.solvedAt == Samples.solvedAt)
    }

    @Test("Reopening a solved ticket clears solvedAt", arguments: [TicketStatus.open, .pending, .onHold])
    func reopeningClearsSolvedAt(to: TicketStatus) throws {
        var ticket = Ticket.sample(status: .solved)

        _ = try ticket.move(to: to, by: Samples.agent, at: Samples.now)

        #expect(ticket.status == to)
        #expect(ticket.solvedAt == nil)
        #expect(ticket.closedAt == nil)
    }

    @Test("The status event records raw values, on_hold included")
    func eventUsesRawValues() throws {
        var ticket = Ticket.sample(status: .open)

        let events = try ticket.move(to: .onHold, by: Samples.agent, at: Samples.now)

        #expect(events.map(\.change) == [Change(.status, "open", "on_hold")])
    }

    @Test("Only solved and closed count as no longer needing work", arguments: TicketStatus.allCases)
    func isUnsolved(status: TicketStatus) {
        let expected = ![TicketStatus.solved, .closed].contains(status)

        #expect(status.isUnsolved == expected)
    }

    @Test("Statuses sort in lifecycle order")
    func lifecycleOrder() {
        let shuffled: [TicketStatus] = [.closed, .onHold, .new, .solved, .pending, .open]

        let sorted = shuffled.sorted()

        #expect(sorted == [.new, .open, .pending, .onHold, .solved, .closed])
    }
}
