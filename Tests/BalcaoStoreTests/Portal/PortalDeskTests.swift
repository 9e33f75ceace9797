import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Portal requests")
struct PortalDeskTests {
    static let day: TimeInterval = 86_400

    /// A desk with an external support desk, an external warranty desk that needs a serial number, an internal IT
    /// desk, and a support agent; the portal over the real ticket service.
    struct Fixture {
        let desk: TestDesk
        let ratings: FluentPortalStore
        let portal: PortalDesk
        let admin: Agent
        let agent: Agent
        let support: Department
        let warranty: Department
        let it: Department

        init(_ desk: TestDesk) async throws {
            self.desk = desk
            ratings = FluentPortalStore(context: desk.context)
            portal = PortalDesk(
                service: desk.ticketService, tickets: desk.tickets, directory: desk.directory, ratings: ratings,
                clock: desk.clock)
            admin = try await desk.makeAdmin()
            support = try await desk.makeDepartment("Suporte", kind: .external, by: admin)
            warranty = try await desk.makeDepartment(
                "Garantia", kind: .external,
                customFields: [
                    CustomFieldDefinition(
                        key: "serial_number", label: "Número de série", kind: .text, isRequired: true)
                ], by: admin)
            it = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            agent = try await desk.makeAgent(departments: [support, warranty])
        }

        /// A customer (optionally of an organization) and their portal access under `settings`.
        func customer(
            _ name: String, organization: Organization.ID? = nil, settings: PortalSettings = PortalSettings()
        ) async throws -> PortalAccess {
            let local = name.split(separator: " ").first!.lowercased()
            let contact = Contact(
                name: name, emails: [EmailAddress("\(local).\(UUID().uuidString.prefix(6))@cliente.example")!],
                organizationID: organization, createdAt: desk.clock.now)
            try await desk.directory.insert(contact)
            return PortalAccess(contact: contact, settings: settings)
        }

        /// A request to the support desk, opened from the portal.
        func open(_ subject: String = "Fatura em dobro", for access: PortalAccess) async throws -> Ticket {
            try await portal.open(
                PortalDesk.NewRequest(departmentID: support.id, subject: subject, body: "Cobraram duas vezes."),
                for: access)
        }

        /// A reply or note by the support agent.
        func agentWrites(_ kind: Message.Kind, _ text: String, on ticket: Ticket) async throws {
            desk.clock.advance(by: 60)
            _ = try await desk.ticketService.addMessage(
                AddMessage(kind: kind, body: MessageBody(text: text), author: .agent(agent.id), channel: .web),
                to: ticket.id)
        }
    }

    // MARK: Opening

    @Test("A customer opens a request with an external desk: a portal ticket for them in that department",
        arguments: TestDatabase.available)
    func openWithExternalDepartment(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente")

            let ticket = try await fixture.open("Fatura em dobro", for: carla)
            let stored = try await desk.tickets.ticket(number: ticket.number)

            #expect(ticket.channel == .portal)
            #expect(ticket.requesterID == carla.contact.id)
            #expect(ticket.departmentID == fixture.support.id)
            #expect(ticket.subject == "Fatura em dobro")
            #expect(stored?.channel == .portal)
            #expect(stored?.departmentID == fixture.support.id)
        }
    }

    @Test("A customer cannot open a request with an internal desk", arguments: TestDatabase.available)
    func internalDepartmentNotAvailable(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente")

            await #expect(throws: PortalError.departmentNotAvailable) {
                try await fixture.portal.open(
                    PortalDesk.NewRequest(departmentID: fixture.it.id, subject: "VPN", body: "Não conecta."),
                    for: carla)
            }
            let offered = try await fixture.portal.departments(for: carla)
            #expect(offered.map(\.id) == [fixture.warranty.id, fixture.support.id])
        }
    }

    @Test("The portal form requires the department's required fields, naming the missing one",
        arguments: TestDatabase.available)
    func requiredCustomFields(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente")
            func request(_ fields: [String: CustomFieldInput]) -> PortalDesk.NewRequest {
                PortalDesk.NewRequest(
                    departmentID: fixture.warranty.id, subject: "Tela quebrada", body: "Chegou com a tela trincada.",
                    customFields: fields)
            }
            let missing = ValidationError(field: "customFields.serial_number", "is required")

            await #expect(throws: missing) { try await fixture.portal.open(request([:]), for: carla) }
            await #expect(throws: missing) {
                try await fixture.portal.open(request(["serial_number": .string("  ")]), for: carla)
            }
            await #expect(throws: missing) {
                try await fixture.portal.open(request(["serial_number": .null]), for: carla)
            }
            let opened = try await fixture.portal.open(request(["serial_number": .string("SN-4471")]), for: carla)

            #expect(opened.customFields["serial_number"] == .text("SN-4471"))
        }
    }

    // MARK: Reading

    @Test("Another customer's request, or one that does not exist, is not found", arguments: TestDatabase.available)
    func othersRequestNotFound(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente")
            let diana = try await fixture.customer("Diana Dias")
            let dianas = try await fixture.open("Senha expirada", for: diana)

            await #expect(throws: PortalError.requestNotFound) {
                try await fixture.portal.request(dianas.number, for: carla)
            }
            await #expect(throws: PortalError.requestNotFound) {
                try await fixture.portal.request(TicketNumber(999_999), for: carla)
            }
            await #expect(throws: PortalError.requestNotFound) {
                try await fixture.portal.reply(to: dianas.number, body: "Oi", attachments: [], for: carla)
            }
        }
    }

    @Test("The requester sees the agent's public reply but never the internal note", arguments: TestDatabase.available)
    func threadHidesNotes(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente")
            let ticket = try await fixture.open(for: carla)
            try await fixture.agentWrites(.note, "Cliente já pediu estorno antes.", on: ticket)
            try await fixture.agentWrites(.reply, "Vamos estornar a segunda cobrança.", on: ticket)

            let view = try await fixture.portal.request(ticket.number, for: carla)

            #expect(view.thread.map(\.text) == ["Cobraram duas vezes.", "Vamos estornar a segunda cobrança."])
            #expect(view.thread.allSatisfy { $0.kind == .reply })
            #expect(view.department?.id == fixture.support.id)
            #expect(view.canReply && view.canMarkSolved && !view.canReopen && !view.canRate)
        }
    }

    @Test("My requests are my own; the organization's list is empty unless the desk shares it",
        arguments: TestDatabase.available)
    func requestScopes(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let acme = Organization(name: "Acme", createdAt: desk.clock.now)
            try await desk.directory.insert(acme)
            let alice = try await fixture.customer("Alice Acme", organization: acme.id)
            let bruno = try await fixture.customer("Bruno Acme", organization: acme.id)
            let carla = try await fixture.customer("Carla Cliente")
            let alices = try await fixture.open("Pedido de Alice", for: alice)
            let brunos = try await fixture.open("Pedido de Bruno", for: bruno)
            _ = try await fixture.open("Pedido de Carla", for: carla)
            let sharing = PortalSettings(showsOrganizationRequests: true)
            let aliceSharing = PortalAccess(contact: alice.contact, settings: sharing)

            let mine = try await fixture.portal.requests(for: alice, scope: .mine)
            let notShared = try await fixture.portal.requests(for: alice, scope: .organization)
            let shared = try await fixture.portal.requests(for: aliceSharing, scope: .organization)
            let carlaShared = try await fixture.portal.requests(
                for: PortalAccess(contact: carla.contact, settings: sharing), scope: .organization)
            let colleagueView = try await fixture.portal.request(brunos.number, for: aliceSharing)

            #expect(mine.tickets.map(\.id) == [alices.id])
            #expect(notShared.tickets.isEmpty)
            #expect(Set(shared.tickets.map(\.id)) == [alices.id, brunos.id])
            #expect(carlaShared.tickets.isEmpty)
            #expect(!colleagueView.canReply && !colleagueView.canMarkSolved)
            await #expect(throws: PortalError.notAllowed) {
                try await fixture.portal.markSolved(brunos.number, for: aliceSharing)
            }
            await #expect(throws: PortalError.requestNotFound) {
                try await fixture.portal.request(brunos.number, for: alice)
            }
        }
    }

    // MARK: Solving and reopening

    @Test("The requester marks a request solved, even with a required field the agents have not filled",
        arguments: TestDatabase.available)
    func markSolvedSkipsRequiredFields(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente")
            // Opened by mail or API, where nobody could ask for the serial number.
            let ticket = try await desk.openTicket(requester: carla.contact, department: fixture.warranty)

            let solved = try await fixture.portal.markSolved(ticket.number, for: carla)
            let stored = try await desk.tickets.ticket(ticket.id)

            #expect(ticket.customFields["serial_number"] == nil)
            #expect(solved.status == .solved)
            #expect(solved.solvedAt == desk.clock.now)
            #expect(stored?.status == .solved)
            await #expect(throws: PortalError.notAllowed) {
                try await fixture.portal.markSolved(ticket.number, for: carla)
            }
        }
    }

    @Test("A reply within the window reopens a solved request", arguments: TestDatabase.available)
    func replyReopensWithinWindow(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente")
            let ticket = try await fixture.open(for: carla)
            _ = try await fixture.portal.markSolved(ticket.number, for: carla)
            desk.clock.advance(by: Self.day)

            let replied = try await fixture.portal.reply(
                to: ticket.number, body: "Voltou a cobrar em dobro.", attachments: [], for: carla)
            let thread = try await fixture.portal.request(ticket.number, for: carla).thread

            #expect(replied.status == .open)
            #expect(replied.solvedAt == nil)
            #expect(thread.last?.text == "Voltou a cobrar em dobro.")
            #expect(thread.last?.channel == .portal)
        }
    }

    @Test("Reopening works within the window and is refused after it, as is replying",
        arguments: TestDatabase.available)
    func reopenWindow(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente", settings: PortalSettings(reopenWindowDays: 7))
            let early = try await fixture.open("Primeiro pedido", for: carla)
            let late = try await fixture.open("Segundo pedido", for: carla)
            _ = try await fixture.portal.markSolved(early.number, for: carla)
            _ = try await fixture.portal.markSolved(late.number, for: carla)

            desk.clock.advance(by: 2 * Self.day)
            let reopened = try await fixture.portal.reopen(early.number, for: carla)
            desk.clock.advance(by: 6 * Self.day)

            #expect(reopened.status == .open)
            await #expect(throws: PortalError.notAllowed) {
                try await fixture.portal.reopen(late.number, for: carla)
            }
            await #expect(throws: PortalError.notAllowed) {
                try await fixture.portal.reply(
                    to: late.number, body: "Ainda não resolveu.", attachments: [], for: carla)
            }
            let stillSolved = try await desk.tickets.ticket(late.id)
            #expect(stillSolved?.status == .solved)
        }
    }

    // MARK: Satisfaction

    @Test("Rating waits for the solution; rating again replaces the verdict and both stay in the history",
        arguments: TestDatabase.available)
    func rating(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente")
            let ticket = try await fixture.open(for: carla)

            await #expect(throws: PortalError.notAllowed) {
                try await fixture.portal.rate(ticket.number, score: .good, comment: nil, for: carla)
            }
            _ = try await fixture.portal.markSolved(ticket.number, for: carla)
            desk.clock.advance(by: 60)
            let first = try await fixture.portal.rate(ticket.number, score: .good, comment: "  Rápido!  ", for: carla)
            let afterFirst = try await fixture.portal.request(ticket.number, for: carla)
            desk.clock.advance(by: 60)
            _ = try await fixture.portal.rate(ticket.number, score: .bad, comment: "   ", for: carla)
            let afterSecond = try await fixture.portal.request(ticket.number, for: carla)
            let history = try await desk.tickets.events(of: ticket.id).filter { $0.field == .satisfaction }

            #expect(first.comment == "Rápido!")
            #expect(afterFirst.rating?.score == .good)
            #expect(afterFirst.rating?.comment == "Rápido!")
            #expect(afterFirst.rating?.contactID == carla.contact.id)
            #expect(afterFirst.canRate)
            #expect(afterSecond.rating?.score == .bad)
            #expect(afterSecond.rating?.comment == nil)
            #expect(history.map(\.oldValue) == [nil, "good"])
            #expect(history.map(\.newValue) == ["good", "bad"])
            #expect(history.allSatisfy { $0.actor == .contact(carla.contact.id) })
        }
    }

    @Test("A closed request can still be rated", arguments: TestDatabase.available)
    func ratingAfterClose(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let carla = try await fixture.customer("Carla Cliente")
            let ticket = try await fixture.open(for: carla)
            _ = try await fixture.portal.markSolved(ticket.number, for: carla)
            var close = TicketChanges()
            close.status = .closed
            _ = try await desk.ticketService.update(ticket.id, close, by: .system)
            desk.clock.advance(by: 60)

            _ = try await fixture.portal.rate(ticket.number, score: .good, comment: nil, for: carla)
            let view = try await fixture.portal.request(ticket.number, for: carla)

            #expect(view.ticket.status == .closed)
            #expect(view.rating?.score == .good)
            #expect(!view.canReply && !view.canReopen)
        }
    }
}
