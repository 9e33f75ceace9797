import Foundation
import Testing

@testable import BalcaoCore

@Suite("Assignment strategies")
struct AssignmentStrategyTests {
    private func candidate(
        _ id: Agent.ID, _ availability: AgentAvailability = .online, open: Int = 0, lastAssigned hoursAgo: Double? = nil
    ) -> AssignmentCandidate {
        AssignmentCandidate(
            agentID: id, availability: availability, unsolvedTickets: open,
            lastAssignedAt: hoursAgo.map { AutoSample.opened.addingTimeInterval(-$0 * 3_600) })
    }

    @Test("Round robin gives the ticket to an agent who never got one before anyone else")
    func roundRobinNeverAssignedFirst() {
        let candidates = [
            candidate(AutoSample.ana, lastAssigned: 100), candidate(AutoSample.bruno, lastAssigned: nil),
            candidate(AutoSample.carla, lastAssigned: 200),
        ]

        #expect(AssignmentStrategy.roundRobin.choose(among: candidates) == AutoSample.bruno)
    }

    @Test("Round robin then gives it to whoever got one longest ago")
    func roundRobinOldestFirst() {
        let candidates = [
            candidate(AutoSample.ana, lastAssigned: 1), candidate(AutoSample.bruno, lastAssigned: 3),
            candidate(AutoSample.carla, lastAssigned: 2),
        ]

        #expect(AssignmentStrategy.roundRobin.choose(among: candidates) == AutoSample.bruno)
    }

    @Test("Round robin ignores how many tickets an agent already has")
    func roundRobinIgnoresLoad() {
        let candidates = [candidate(AutoSample.ana, open: 30, lastAssigned: 5), candidate(AutoSample.bruno, open: 0, lastAssigned: 1)]

        #expect(AssignmentStrategy.roundRobin.choose(among: candidates) == AutoSample.ana)
    }

    @Test("Round robin rotates: after each assignment the next agent in line gets the next ticket")
    func roundRobinRotates() {
        var last: [Agent.ID: Date?] = [AutoSample.ana: nil, AutoSample.bruno: nil, AutoSample.carla: nil]
        var given: [Agent.ID] = []
        for step in 0..<6 {
            let candidates = last.map { id, date in
                AssignmentCandidate(agentID: id, availability: .online, unsolvedTickets: 0, lastAssignedAt: date)
            }
            guard let chosen = AssignmentStrategy.roundRobin.choose(among: candidates) else { break }
            given.append(chosen)
            last[chosen] = AutoSample.afterOpening(hours: Double(step))
        }

        #expect(given == [AutoSample.ana, AutoSample.bruno, AutoSample.carla, AutoSample.ana, AutoSample.bruno, AutoSample.carla])
    }

    @Test("Exact ties are settled by the agent id, so the choice does not depend on list order")
    func stableTies() {
        let candidates = [candidate(AutoSample.carla), candidate(AutoSample.ana), candidate(AutoSample.bruno)]

        #expect(AssignmentStrategy.roundRobin.choose(among: candidates) == AutoSample.ana)
        #expect(AssignmentStrategy.roundRobin.choose(among: candidates.reversed()) == AutoSample.ana)
    }

    @Test("Least open gives the ticket to the agent with the fewest unsolved tickets")
    func leastOpen() {
        let candidates = [
            candidate(AutoSample.ana, open: 4, lastAssigned: 50), candidate(AutoSample.bruno, open: 2, lastAssigned: 1),
            candidate(AutoSample.carla, open: 7, lastAssigned: nil),
        ]

        #expect(AssignmentStrategy.leastOpen.choose(among: candidates) == AutoSample.bruno)
    }

    @Test("Least open breaks ties by rotation: never assigned, then longest ago")
    func leastOpenTies() {
        let tiedWithNever = [
            candidate(AutoSample.ana, open: 2, lastAssigned: 10), candidate(AutoSample.bruno, open: 2, lastAssigned: nil),
            candidate(AutoSample.carla, open: 5, lastAssigned: nil),
        ]
        let tiedByDate = [
            candidate(AutoSample.ana, open: 2, lastAssigned: 10), candidate(AutoSample.bruno, open: 2, lastAssigned: 20),
            candidate(AutoSample.carla, open: 1, lastAssigned: 0.1).withAvailability(.offline),
        ]

        #expect(AssignmentStrategy.leastOpen.choose(among: tiedWithNever) == AutoSample.bruno)
        #expect(AssignmentStrategy.leastOpen.choose(among: tiedByDate) == AutoSample.bruno)
    }

    @Test(
        "Away and offline agents are skipped by every automatic strategy",
        arguments: [AssignmentStrategy.roundRobin, .leastOpen])
    func unavailableSkipped(strategy: AssignmentStrategy) {
        let candidates = [
            candidate(AutoSample.ana, .away, open: 0, lastAssigned: nil),
            candidate(AutoSample.bruno, .offline, open: 0, lastAssigned: nil),
            candidate(AutoSample.carla, .online, open: 9, lastAssigned: 0.5),
        ]

        #expect(strategy.choose(among: candidates) == AutoSample.carla)
    }

    @Test("Nobody is chosen when nobody is online", arguments: [AssignmentStrategy.roundRobin, .leastOpen])
    func nobodyOnline(strategy: AssignmentStrategy) {
        let candidates = [candidate(AutoSample.ana, .away), candidate(AutoSample.bruno, .offline)]

        #expect(strategy.choose(among: candidates) == nil)
        #expect(strategy.choose(among: []) == nil)
    }

    @Test("Manual assignment never picks anyone: tickets wait in the queue")
    func manual() {
        #expect(AssignmentStrategy.manual.choose(among: [candidate(AutoSample.ana)]) == nil)
    }
}

extension AssignmentCandidate {
    /// The same candidate with another availability (test helper, named to avoid clashing with other suites).
    fileprivate func withAvailability(_ availability: AgentAvailability) -> AssignmentCandidate {
        AssignmentCandidate(
            agentID: agentID, availability: availability, unsolvedTickets: unsolvedTickets, lastAssignedAt: lastAssignedAt)
    }
}
