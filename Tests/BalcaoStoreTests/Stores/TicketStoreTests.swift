import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Ticket store")
struct TicketStoreTests {
    @Test("Ticket numbers start at 1001 and grow by one", arguments: TestDatabase.available)
    func numbersStartAt1001(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let requester = try await desk.makeContact()

            let first = try await desk.openTicket(requester: requester)
            let second = try await desk.openTicket(requester: requester)

            #expect(first.number == TicketNumber(1001))
            #expect(second.number == TicketNumber(1002))
            #expect(try await desk.tickets.ticket(number: TicketNumber(1002))?.id == second.id)
        }
    }

    @Test("An opened ticket is stored with its first message and history", arguments: TestDatabase.available)
    func openedTicketRoundTrips(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let department = try await desk.makeDepartment(
                "Suporte", customFields: [.init(key: "order_number", label: "Pedido", kind: .text)], by: admin)
            let requester = try await desk.makeContact("Joana Silva")

            let ticket = try await desk.openTicket(
                "Pedido #BR-48213 não chegou", requester: requester, department: department, by: .agent(admin.id)
            ) { command in
                command.priority = .high
                command.tags = ["Entrega Atrasada", "sedex"]
                command.customFields = ["order_number": .string("BR-48213")]
            }
            let stored = try #require(try await desk.tickets.ticket(ticket.id))
            let messages = try await desk.tickets.messages(of: ticket.id)
            let events = try await desk.tickets.events(of: ticket.id)

            #expect(stored == ticket)
            #expect(stored.tags == ["entrega_atrasada", "sedex"])
            #expect(stored.customFields == ["order_number": .text("BR-48213")])
            #expect(messages.count == 1)
            #expect(messages.first?.author == .contact(requester.id))
            #expect(messages.first?.text == "Desde ontem a impressora do 2º andar não imprime.")
            #expect(events.map(\.field) == [.created, .reply])
            #expect(events.first?.actor == .agent(admin.id))
        }
    }

    @Test("A save against a stale version is refused", arguments: TestDatabase.available)
    func staleSaveRefused(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let ticket = try await desk.openTicket(requester: try await desk.makeContact())
            var first = ticket
            first.priority = .urgent
            first.version += 1
            var second = ticket
            second.priority = .low
            second.version += 1

            let firstSaved = try await desk.tickets.update(first, messages: [], events: [])
            let secondSaved = try await desk.tickets.update(second, messages: [], events: [])

            #expect(firstSaved)
            #expect(!secondSaved)
            #expect(try await desk.tickets.ticket(ticket.id)?.priority == .urgent)
        }
    }

    @Test("Concurrent changes to one ticket are all kept", arguments: TestDatabase.available)
    func concurrentChangesAllKept(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let ticket = try await desk.openTicket(requester: try await desk.makeContact())
            let service = desk.ticketService

            try await withThrowingTaskGroup(of: Void.self) { group in
                for tag in ["a", "b", "c", "d"] {
                    group.addTask {
                        var changes = TicketChanges()
                        changes.category = .set("category-\(tag)")
                        _ = try await service.update(ticket.id, changes, by: .system)
                    }
                }
                group.addTask {
                    var changes = TicketChanges()
                    changes.priority = .urgent
                    _ = try await service.update(ticket.id, changes, by: .system)
                }
                try await group.waitForAll()
            }
            let stored = try #require(try await desk.tickets.ticket(ticket.id))
            let events = try await desk.tickets.events(of: ticket.id)

            #expect(stored.priority == .urgent)
            #expect(stored.version == 6)
            #expect(events.filter { $0.field == .category }.count == 4)
        }
    }

    @Test("Attachments are stored once per content and read back", arguments: TestDatabase.available)
    func attachmentsStoredByHash(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let requester = try await desk.makeContact()
            let agent = try await desk.makeAdmin()
            let ticket = try await desk.openTicket(requester: requester)
            let pdf = Data("%PDF-1.4 relatório".utf8)
            let upload = { (name: String) in AttachmentUpload(filename: name, contentType: "application/pdf", data: pdf) }

            let (_, message) = try await desk.ticketService.addMessage(
                AddMessage(
                    kind: .note, body: MessageBody(text: "Segue o relatório"), author: .agent(agent.id), channel: .api,
                    attachments: [upload("relatório.pdf"), upload("cópia.pdf")]),
                to: ticket.id)
            let attachment = try #require(message.attachments.first)
            let found = try #require(try await desk.tickets.attachment(attachment.id))
            let stored = try await desk.tickets.messages(of: ticket.id).last

            #expect(message.attachments.map(\.filename) == ["relatório.pdf", "cópia.pdf"])
            #expect(Set(message.attachments.map(\.sha256)).count == 1)
            #expect(found.message == message.id)
            #expect(found.ticket == ticket.id)
            #expect(try await desk.blobs.get(attachment.sha256) == pdf)
            #expect(stored?.attachments == message.attachments)
        }
    }

    @Test("Counting the tickets that refer to a contact, department or agent", arguments: TestDatabase.available)
    func ticketCounts(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let department = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            let requester = try await desk.makeContact()
            let other = try await desk.makeContact("Outra Pessoa")

            _ = try await desk.openTicket(requester: requester, department: department) { $0.assigneeID = admin.id }
            _ = try await desk.openTicket(requester: requester)

            #expect(try await desk.tickets.ticketCount(referencing: .requester(requester.id)) == 2)
            #expect(try await desk.tickets.ticketCount(referencing: .requester(other.id)) == 0)
            #expect(try await desk.tickets.ticketCount(referencing: .department(department.id)) == 1)
            #expect(try await desk.tickets.ticketCount(referencing: .assignee(admin.id)) == 1)
        }
    }
}
