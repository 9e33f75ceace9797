import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Ticket lists")
struct TicketListTests {
    /// Twelve tickets: alternating departments and priorities, three assigned, some tagged; timestamps repeat so
    /// that the tie-breaker matters.
    static func seed(_ desk: TestDesk) async throws -> (
        tickets: [Ticket], it: Department, hr: Department, agent: Agent, requester: Contact
    ) {
        let admin = try await desk.makeAdmin()
        let it = try await desk.makeDepartment("TI", kind: .internal, by: admin)
        let hr = try await desk.makeDepartment("RH", kind: .internal, by: admin)
        let agent = try await desk.makeAgent(departments: [it, hr])
        let requester = try await desk.makeContact()
        let other = try await desk.makeContact("Outra Pessoa")
        var tickets: [Ticket] = []
        let priorities: [TicketPriority] = [.low, .normal, .high, .urgent]
        for index in 0..<12 {
            if index % 3 == 0 { desk.clock.advance(by: 60) }
            let ticket = try await desk.openTicket(
                "Chamado \(index)", requester: index % 4 == 0 ? other : requester, department: index % 2 == 0 ? it : hr
            ) { command in
                command.priority = priorities[index % 4]
                command.tags = index % 3 == 0 ? ["vpn"] : []
                command.assigneeID = index < 3 ? agent.id : nil
            }
            tickets.append(ticket)
        }
        return (tickets, it, hr, agent, requester)
    }

    @Test("Filters narrow the list", arguments: TestDatabase.available)
    func filters(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let (tickets, it, _, agent, requester) = try await Self.seed(desk)
            func numbers(_ configure: (inout TicketQuery) -> Void) async throws -> Set<Int> {
                var query = TicketQuery()
                query.limit = 100
                configure(&query)
                return Set(try await desk.tickets.tickets(query).tickets.map(\.number.value))
            }
            func expected(_ include: (Int, Ticket) -> Bool) -> Set<Int> {
                Set(tickets.enumerated().filter { include($0.offset, $0.element) }.map(\.element.number.value))
            }

            #expect(try await numbers { $0.departmentID = it.id } == expected { index, _ in index % 2 == 0 })
            #expect(try await numbers { $0.priorities = [.urgent] } == expected { index, _ in index % 4 == 3 })
            #expect(try await numbers { $0.assignee = .agent(agent.id) } == expected { index, _ in index < 3 })
            #expect(try await numbers { $0.assignee = .unassigned } == expected { index, _ in index >= 3 })
            #expect(try await numbers { $0.statuses = [.open] } == expected { index, _ in index < 3 })
            #expect(try await numbers { $0.statuses = [.new, .pending] } == expected { index, _ in index >= 3 })
            #expect(try await numbers { $0.tag = "vpn" } == expected { index, _ in index % 3 == 0 })
            #expect(try await numbers { $0.requesterID = requester.id } == expected { index, _ in index % 4 != 0 })
            #expect(
                try await numbers {
                    $0.tag = "vpn"
                    $0.departmentID = it.id
                } == expected { index, _ in index % 6 == 0 })
            #expect(
                try await numbers { $0.updatedSince = tickets[6].updatedAt } == expected { index, _ in index >= 6 })
        }
    }

    @Test("Keyset pages visit every ticket once, in order", arguments: TestDatabase.available)
    func pagesVisitEveryTicketOnce(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let (tickets, _, _, _, _) = try await Self.seed(desk)
            for sort in TicketQuery.SortKey.allCases {
                for descending in [true, false] {
                    var query = TicketQuery()
                    query.sort = sort
                    query.descending = descending
                    query.limit = 5
                    var seen: [Ticket] = []
                    var pages = 0
                    repeat {
                        let page = try await desk.tickets.tickets(query)
                        seen += page.tickets
                        query.after = page.next
                        pages += 1
                    } while query.after != nil && pages < 10

                    let key: (Ticket) -> (Double, Double, Int) = { ticket in
                        switch sort {
                        case .ruler:
                            (Double(-ticket.priority.rank), ticket.createdAt.timeIntervalSince1970, ticket.number.value)
                        case .updatedAt: (0, ticket.updatedAt.timeIntervalSince1970, ticket.number.value)
                        case .createdAt: (0, ticket.createdAt.timeIntervalSince1970, ticket.number.value)
                        case .priority: (0, Double(ticket.priority.rank), ticket.number.value)
                        case .number: (0, 0, ticket.number.value)
                        }
                    }
                    let expected = tickets.sorted { descending ? key($0) > key($1) : key($0) < key($1) }
                    #expect(seen.map(\.number) == expected.map(\.number), "sort \(sort) descending \(descending)")
                    #expect(pages == 3)
                }
            }
        }
    }

    @Test("Urgent tickets come first when sorting by priority", arguments: TestDatabase.available)
    func urgentFirst(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            _ = try await Self.seed(desk)
            var query = TicketQuery()
            query.sort = .priority

            let page = try await desk.tickets.tickets(query)

            #expect(page.tickets.prefix(3).allSatisfy { $0.priority == .urgent })
            #expect(page.tickets.last?.priority == .low)
        }
    }
}
