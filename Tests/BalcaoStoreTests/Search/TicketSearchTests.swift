import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Ticket search")
struct TicketSearchTests {
    @Test("Words match subjects, messages and requesters, with or without accents", arguments: TestDatabase.available)
    func wordsIgnoreAccents(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let joana = try await desk.makeContact("Joana Conceição", email: "joana@papelaria.example")
            let agent = try await desk.makeAdmin()
            let maintenance = try await desk.openTicket("Manutenção preventiva do ar-condicionado", requester: joana)
            let printer = try await desk.openTicket(
                "Impressora parada", body: "A HP do 2º andar não imprime.", requester: try await desk.makeContact())
            _ = try await desk.ticketService.addMessage(
                AddMessage(kind: .note, body: MessageBody(text: "Técnico agendado para quinta-feira"),
                    author: .agent(agent.id), channel: .web),
                to: printer.id)
            let search = SQLTicketSearch(context: desk.context)
            func numbers(_ text: String) async throws -> [TicketNumber] {
                try await search.search(try #require(SearchQuery(text)), limit: 20).map(\.number)
            }

            #expect(try await numbers("manutencao") == [maintenance.number])
            #expect(try await numbers("MANUTENÇÃO preventiva") == [maintenance.number])
            #expect(try await numbers("manut") == [maintenance.number])
            #expect(try await numbers("tecnico quinta") == [printer.number])
            #expect(try await numbers("conceicao") == [maintenance.number])
            #expect(try await numbers("papelaria") == [maintenance.number])
            #expect(try await numbers("joana@papelaria.example") == [maintenance.number])
            #expect(try await numbers("#\(printer.number.value)") == [printer.number])
            #expect(try await numbers("geladeira").isEmpty)
        }
    }

    @Test("Search syntax in the query is treated as text", arguments: TestDatabase.available)
    func syntaxIsText(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let ticket = try await desk.openTicket("Erro \"NEAR\" OR * no relatório", requester: try await desk.makeContact())
            let search = SQLTicketSearch(context: desk.context)

            let found = try await search.search(try #require(SearchQuery("\"near\" OR * relat*")), limit: 20)

            #expect(found.map(\.number) == [ticket.number])
        }
    }
}

@Suite("Queue counts")
struct QueueCountsTests {
    @Test("Sidebar counts follow every change without recounting", arguments: TestDatabase.available)
    func countsFollowChanges(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let it = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            let hr = try await desk.makeDepartment("RH", kind: .internal, by: admin)
            let agent = try await desk.makeAgent(departments: [it, hr])
            let requester = try await desk.makeContact()
            let first = try await desk.openTicket(requester: requester, department: it)
            _ = try await desk.openTicket(requester: requester, department: it)
            _ = try await desk.openTicket(requester: requester, department: hr)
            var assign = TicketChanges()
            assign.assigneeID = .set(agent.id)
            assign.departmentID = .set(hr.id)
            var solve = TicketChanges()
            solve.status = .solved

            _ = try await desk.ticketService.update(first.id, assign, by: .agent(admin.id))
            let afterAssign = try await desk.tickets.queueCounts()
            _ = try await desk.ticketService.update(first.id, solve, by: .agent(agent.id))
            let afterSolve = try await desk.tickets.queueCounts()

            #expect(afterAssign.count(of: .mine, for: agent) == 1)
            #expect(afterAssign.count(of: .unassigned, for: agent) == 2)
            #expect(afterAssign.count(of: .department(it.id), for: agent) == 1)
            #expect(afterAssign.count(of: .department(hr.id), for: agent) == 2)
            #expect(afterAssign.count(of: .all, for: agent) == 3)
            #expect(afterSolve.count(of: .mine, for: agent) == 0)
            #expect(afterSolve.count(of: .all, for: agent) == 2)
            #expect(afterSolve.count(of: .department(hr.id), for: agent) == 1)
        }
    }

    @Test("A queue lists unsolved tickets urgent first, then oldest", arguments: TestDatabase.available)
    func rulerOrder(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let requester = try await desk.makeContact()
            var opened: [Ticket] = []
            for priority in [TicketPriority.normal, .urgent, .low, .urgent, .high] {
                desk.clock.advance(by: 60)
                opened.append(try await desk.openTicket(requester: requester) { $0.priority = priority })
            }
            var solve = TicketChanges()
            solve.status = .solved
            _ = try await desk.ticketService.update(opened[3].id, solve, by: .agent(admin.id))

            let page = try await desk.tickets.tickets(QueueView.all.query(for: admin))

            #expect(page.tickets.map(\.number) == [opened[1], opened[4], opened[0], opened[2]].map(\.number))
        }
    }
}
