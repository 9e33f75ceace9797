import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Benchmark bulk loader")
struct BulkLoaderTests {
    @Test("Bulk-loaded tickets read, search, count and change like any other", arguments: TestDatabase.available)
    func loadedDeskBehaves(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let loader = BulkLoader(
                context: desk.context, scale: .init(tickets: 1_200, messagesPerTicket: 5, contacts: 300, departments: 4))

            let loaded = try await loader.load(now: desk.clock.now) { _ in }
            var all = TicketQuery()
            all.statuses = QueueView.unsolved
            all.limit = TicketQuery.maxLimit
            var unsolved = 0
            repeat {
                let page = try await desk.tickets.tickets(all)
                unsolved += page.tickets.count
                all.after = page.next
            } while all.after != nil
            let admin = try #require(try await desk.directory.agent(loaded.agents[0]))
            let counts = try await desk.tickets.queueCounts()
            let sample = try #require(try await desk.tickets.ticket(number: TicketNumber(1_500)))
            let messages = try await desk.tickets.messages(of: sample.id)
            let found = try await SQLTicketSearch(context: desk.context)
                .search(try #require(SearchQuery(sample.subject)), limit: 5)
            var assign = TicketChanges()
            assign.assigneeID = .set(admin.id)
            assign.priority = .urgent
            let next = try await desk.openTicket(requester: try #require(try await desk.directory.contact(loaded.contacts[0])))

            _ = try await desk.ticketService.update(next.id, assign, by: .agent(admin.id))

            #expect(loaded.lastTicketNumber == 2_200)
            #expect(next.number == TicketNumber(2_201))
            #expect(counts.count(of: .all, for: admin) == unsolved)
            #expect(try await desk.tickets.queueCounts().count(of: .mine, for: admin) == counts.count(of: .mine, for: admin) + 1)
            #expect(try await desk.tickets.queueCounts().count(of: .all, for: admin) == unsolved + 1)
            #expect(messages.count == 5)
            #expect(found.map(\.number).contains(sample.number))
        }
    }
}
