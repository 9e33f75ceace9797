import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Demo desk")
struct DemoSeederTests {
    @Test("The demo desk has every department and hundreds of real tickets", arguments: TestDatabase.available)
    func demoDesk(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let seeder = DemoSeeder(directory: desk.directory, tickets: desk.tickets, blobs: desk.blobs)

            let summary = try await seeder.seed(now: desk.clock.now)
            let all = DirectoryQuery.everything
            let departments = try await desk.directory.departments(all)
            var query = TicketQuery()
            query.limit = TicketQuery.maxLimit
            var tickets: [Ticket] = []
            repeat {
                let page = try await desk.tickets.tickets(query)
                tickets += page.tickets
                query.after = page.next
            } while query.after != nil
            let sample = tickets[tickets.count / 2]
            let messages = try await desk.tickets.messages(of: sample.id)

            #expect(summary.tickets >= 300)
            #expect(tickets.count == summary.tickets)
            let names = Set(departments.map(\.name))
            for name in ["IT", "HR", "Finance", "Facilities", "Customer Support", "Business Operations", "Suppliers & Partners"] {
                #expect(names.contains(name))
            }
            #expect(departments.filter { $0.kind == .internal }.count >= 4)
            #expect(departments.contains { $0.tier == .second })
            #expect(Set(tickets.map(\.status)).isSuperset(of: [.new, .open, .pending, .solved, .closed]))
            #expect(Set(tickets.map(\.priority)) == Set(TicketPriority.allCases))
            #expect(tickets.contains { $0.subject.contains("ã") || $0.subject.contains("ç") })
            #expect(tickets.filter { $0.status == .closed }.allSatisfy { $0.closedAt != nil && $0.solvedAt != nil })
            #expect(messages.first?.author == .contact(sample.requesterID))
        }
    }
}
