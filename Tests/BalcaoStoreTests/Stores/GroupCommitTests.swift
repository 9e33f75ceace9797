import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Writes committed in groups")
struct GroupCommitTests {
    @Test("Concurrent writes all commit; one that fails rolls back alone and reports its own error",
        arguments: TestDatabase.available)
    func failureStaysAlone(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let now = desk.clock.now
            let taken = try #require(EmailAddress("dup@cliente.example"))
            try await desk.directory.insert(Contact(name: "Primeira", emails: [taken], createdAt: now))
            let contacts = (0..<40).map { index in
                // Every eighth one reuses the taken address: it must fail, and only it.
                let email = index % 8 == 0 ? taken : EmailAddress("c\(index)@cliente.example")!
                return Contact(name: "Contato \(index)", emails: [email], createdAt: now)
            }

            let outcomes = await withTaskGroup(of: (Contact.ID, Bool).self) { group in
                for contact in contacts {
                    group.addTask {
                        do {
                            try await desk.directory.insert(contact)
                            return (contact.id, true)
                        } catch {
                            return (contact.id, false)
                        }
                    }
                }
                var results: [Contact.ID: Bool] = [:]
                for await (id, saved) in group { results[id] = saved }
                return results
            }

            for contact in contacts {
                let expected = contact.emails != [taken]
                #expect(outcomes[contact.id] == expected)
                #expect((try await desk.directory.contact(contact.id) != nil) == expected)
            }
            #expect(try await desk.directory.contact(email: taken)?.name == "Primeira")
        }
    }

    @Test("Ticket numbers stay unique and gapless under concurrent creation", arguments: TestDatabase.available)
    func numbersUnderLoad(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let requester = try await desk.makeContact()
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<12 {
                    group.addTask { try await desk.openTicket("Pedido \(index)", requester: requester).number.value }
                }
                var numbers: [Int] = []
                for try await number in group { numbers.append(number) }
                return numbers.sorted()
            }

            #expect(Set(numbers).count == 12)
            #expect(numbers.last! - numbers.first! == 11)
        }
    }

    @Test("Tickets opened at the same moment are each stored whole: tags, message, history, counts, search",
        arguments: TestDatabase.available)
    func concurrentOpensAreComplete(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let finance = try await desk.makeDepartment("Financeiro", by: admin)
            let requesters = [try await desk.makeContact("Ana"), try await desk.makeContact("Rui")]
            let opened = try await withThrowingTaskGroup(of: Ticket.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        try await desk.openTicket(
                            "Pedido palavra\(index)x", body: "Mensagem de palavra\(index)x", requester: requesters[index % 2],
                            department: index % 3 == 0 ? finance : support
                        ) { $0.tags = ["lote", "t\(index)"] }
                    }
                }
                var tickets: [Ticket] = []
                for try await ticket in group { tickets.append(ticket) }
                return tickets
            }

            let search = SQLTicketSearch(context: desk.context)
            for ticket in opened {
                let stored = try #require(try await desk.tickets.ticket(ticket.id))
                #expect(stored == ticket)
                let messages = try await desk.tickets.messages(of: ticket.id)
                #expect(messages.map(\.text) == ["Mensagem de " + ticket.subject.dropFirst("Pedido ".count)])
                let events = try await desk.tickets.events(of: ticket.id)
                #expect(events.first?.field == .created)
                #expect(events.first?.newValue == ticket.number.description)
                let found = try await search.search(try #require(SearchQuery(String(ticket.subject.split(separator: " ")[1]))), limit: 5)
                #expect(found.map(\.id) == [ticket.id])
            }
            let byRequester = try await search.search(try #require(SearchQuery("Ana")), limit: 100)
            #expect(byRequester.count == 15)
            let counts = try await desk.tickets.queueCounts()
            #expect(counts.count(of: .all, for: admin) == 30)
            #expect(counts.count(of: .department(finance.id), for: admin) == 10)
            #expect(counts.count(of: .department(support.id), for: admin) == 20)
        }
    }

    @Test("A ticket that cannot be stored fails alone when it was written together with others",
        arguments: TestDatabase.available)
    func badInsertFailsAlone(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let requester = try await desk.makeContact()
            let existing = try await desk.openTicket("Já existe", requester: requester)
            let now = desk.clock.now
            func draft(_ subject: String, id: Ticket.ID = Ticket.ID(), number: Int) -> (Ticket, Message) {
                let ticket = Ticket(
                    id: id, number: TicketNumber(number), subject: subject, status: .new, priority: .normal,
                    type: .question, category: nil, channel: .api, requesterID: requester.id, organizationID: nil,
                    departmentID: nil, assigneeID: nil, tags: [], customFields: [:], createdAt: now)
                let message = Message(
                    ticketID: ticket.id, kind: .reply, author: .contact(requester.id), channel: .api, text: subject,
                    html: "<p>\(subject)</p>", attachments: [], createdAt: now)
                return (ticket, message)
            }
            // The same id as a stored ticket: its insert must fail, and only its.
            var drafts = (0..<20).map { draft("Novo \($0)", number: 5000 + $0) }
            drafts.insert(draft("Duplicado", id: existing.id, number: 6000), at: 7)

            let outcomes = await withTaskGroup(of: (Ticket.ID, String, Bool).self) { group in
                for (ticket, message) in drafts {
                    group.addTask {
                        do {
                            try await desk.tickets.insert(ticket, messages: [message], events: [])
                            return (ticket.id, ticket.subject, true)
                        } catch {
                            return (ticket.id, ticket.subject, false)
                        }
                    }
                }
                var outcomes: [String: Bool] = [:]
                for await (_, subject, stored) in group { outcomes[subject] = stored }
                return outcomes
            }

            #expect(outcomes["Duplicado"] == false)
            #expect(outcomes.filter { $0.value }.count == 20)
            #expect(try await desk.tickets.ticket(existing.id)?.subject == "Já existe")
            for (ticket, _) in drafts where ticket.subject != "Duplicado" {
                #expect(try await desk.tickets.ticket(ticket.id)?.number == ticket.number)
                #expect(try await desk.tickets.messages(of: ticket.id).count == 1)
            }
        }
    }

    @Test("Tickets from a new address arriving at once all open, on one new contact", arguments: TestDatabase.available)
    func newRequesterAtOnce(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let email = try #require(EmailAddress("nova@cliente.example"))
            let tickets = try await withThrowingTaskGroup(of: Ticket.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try await desk.ticketService.open(
                            OpenTicket(
                                subject: "Pedido \(index)", body: MessageBody(text: "Olá"),
                                requester: .email(email, name: "Nova", kind: nil), channel: .api),
                            by: .system)
                    }
                }
                return try await group.reduce(into: [Ticket]()) { $0.append($1) }
            }

            let contact = try #require(try await desk.directory.contact(email: email))
            #expect(tickets.count == 12)
            #expect(Set(tickets.map(\.requesterID)) == [contact.id])
        }
    }
}
