import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Ticket service over a real database")
struct TicketServiceTests {
    @Test("Reply, note, solve, reopen by the requester, solve and close", arguments: TestDatabase.available)
    func fullLifecycle(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let agent = try await desk.makeAgent(departments: [support])
            let requester = try await desk.makeContact()
            let ticket = try await desk.openTicket(requester: requester, department: support)
            let service = desk.ticketService
            func say(_ kind: Message.Kind, _ text: String, as author: Actor, status: TicketStatus? = nil) async throws
                -> Ticket
            {
                desk.clock.advance(by: 300)
                return try await service.addMessage(
                    AddMessage(kind: kind, body: MessageBody(text: text), author: author, channel: .web, status: status),
                    to: ticket.id
                ).0
            }
            var solve = TicketChanges()
            solve.status = .solved
            var close = TicketChanges()
            close.status = .closed

            let replied = try await say(.reply, "Pode reiniciar o spooler?", as: .agent(agent.id), status: .pending)
            let noted = try await say(.note, "Cliente VIP", as: .agent(agent.id))
            desk.clock.advance(by: 60)
            let solved = try await service.update(ticket.id, solve, by: .agent(agent.id))
            let reopened = try await say(.reply, "Voltou a falhar.", as: .contact(requester.id))
            _ = try await service.update(ticket.id, solve, by: .agent(agent.id))
            let closed = try await service.update(ticket.id, close, by: .system)

            #expect(ticket.status == .new)
            #expect(replied.status == .pending)
            #expect(replied.firstResponseAt == replied.updatedAt)
            #expect(noted.status == .pending)
            #expect(solved.status == .solved && solved.solvedAt != nil)
            #expect(reopened.status == .open && reopened.solvedAt == nil)
            #expect(reopened.firstResponseAt == replied.firstResponseAt)
            #expect(closed.status == .closed && closed.closedAt != nil)
            let history = try await desk.tickets.events(of: ticket.id).map { "\($0.field) \($0.newValue ?? "")" }
            let statuses = history.filter { $0.hasPrefix("status") }
            #expect(statuses == ["status open", "status pending", "status solved", "status open", "status solved", "status closed"])
            #expect(try await desk.tickets.messages(of: ticket.id).map(\.kind) == [.reply, .reply, .note, .reply])
            await #expect(throws: TicketError.closed(ticket.number)) {
                try await say(.reply, "Mais uma coisa", as: .contact(requester.id))
            }
        }
    }

    @Test("An assignee must work in the ticket's department", arguments: TestDatabase.available)
    func assigneeMustBelongToDepartment(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let it = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            let hr = try await desk.makeDepartment("RH", kind: .internal, by: admin)
            let hrAgent = try await desk.makeAgent(name: "Helena RH", departments: [hr])
            let ticket = try await desk.openTicket(requester: try await desk.makeContact(), department: it)
            var assign = TicketChanges()
            assign.assigneeID = .set(hrAgent.id)
            var move = assign
            move.departmentID = .set(hr.id)

            await #expect(throws: ValidationError(field: "assigneeId", "Helena RH is not a member of the ticket's department")) {
                try await desk.ticketService.update(ticket.id, assign, by: .agent(admin.id))
            }
            let moved = try await desk.ticketService.update(ticket.id, move, by: .agent(admin.id))

            #expect(moved.departmentID == hr.id)
            #expect(moved.assigneeID == hrAgent.id)
        }
    }

    @Test("Required custom fields are required to solve", arguments: TestDatabase.available)
    func requiredFieldsToSolve(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment(
                "Suporte",
                customFields: [.init(key: "order_number", label: "Pedido", kind: .text, isRequired: true)], by: admin)
            let ticket = try await desk.openTicket(requester: try await desk.makeContact(), department: support)
            var solve = TicketChanges()
            solve.status = .solved
            var solveWithField = solve
            solveWithField.customFields = ["order_number": .string("BR-1")]

            await #expect(throws: ValidationError(field: "customFields.order_number", "is required to solve the ticket")) {
                try await desk.ticketService.update(ticket.id, solve, by: .agent(admin.id))
            }
            let solved = try await desk.ticketService.update(ticket.id, solveWithField, by: .agent(admin.id))

            #expect(solved.status == .solved)
            #expect(try await desk.tickets.ticket(ticket.id)?.customFields["order_number"] == .text("BR-1"))
        }
    }

    @Test("Unknown references and bad custom fields are refused before anything is saved", arguments: TestDatabase.available)
    func badReferencesRefused(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let requester = try await desk.makeContact()

            await #expect(throws: ValidationError(field: "departmentId", "no department has this id")) {
                try await desk.openTicket(requester: requester) { $0.departmentID = Department.ID() }
            }
            await #expect(throws: ValidationError(field: "customFields.color", "is not a field of the ticket's department")) {
                try await desk.openTicket(requester: requester) { $0.customFields = ["color": .string("azul")] }
            }
            await #expect(throws: ValidationError(field: "requester.id", "no contact has this id")) {
                try await desk.ticketService.open(
                    OpenTicket(subject: "x", body: MessageBody(text: "y"), requester: .id(Contact.ID()), channel: .api),
                    by: .system)
            }
            #expect(try await desk.tickets.tickets(TicketQuery()).tickets.isEmpty)
        }
    }
}
