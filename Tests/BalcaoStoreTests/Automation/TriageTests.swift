import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Triage of new tickets: routing rules, priority matrix, assignment and SLA")
struct TriageTests {
    @Test("A routing rule sends password requests to IT as urgent, tags them and notes why", arguments: TestDatabase.available)
    func routingByKeywords(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let it = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            let rule = try await desk.makeRule(
                .routing, "Senhas para a TI",
                any: [RuleCondition(.subject, .contains, "senha, password"), RuleCondition(.message, .contains, "bloqueado")],
                actions: [
                    RuleAction(.setDepartment, it.id.description), RuleAction(.setPriority, "urgent"),
                    RuleAction(.addTags, "acesso senha"),
                    RuleAction(.addNote, body: "Encaminhado para {{department.name}} pela regra."),
                ], by: admin)

            let routed = try await desk.openTicket(
                "Esqueci a SENHA do e-mail", body: "Não consigo entrar.", requester: try await desk.makeContact())
            let untouched = try await desk.openTicket(
                "Impressora sem toner", body: "Acabou o toner.", requester: try await desk.makeContact())

            #expect(routed.departmentID == it.id)
            #expect(routed.priority == .urgent)
            #expect(routed.tags == ["acesso", "senha"])
            let events = try await desk.tickets.events(of: routed.id)
            #expect(events.contains { $0.field == .rule && $0.newValue == rule.name && $0.actor == .system })
            let note = try #require(try await desk.tickets.messages(of: routed.id).last)
            #expect(note.kind == .note)
            #expect(note.author == .system)
            #expect(note.text == "Encaminhado para TI pela regra.")
            #expect(untouched.departmentID == nil)
            #expect(untouched.priority == .normal)
            #expect(try await desk.tickets.events(of: untouched.id).allSatisfy { $0.field != .rule })
        }
    }

    @Test("Routing by receiving address and requester kind; a rule naming a deleted department is skipped",
        arguments: TestDatabase.available)
    func routingByAddressAndKind(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let hr = try await desk.makeDepartment("RH", kind: .internal, by: admin)
            let gone = try await desk.makeDepartment("Antigo", by: admin)
            try await desk.makeRule(
                .routing, "rh@ vai para RH", all: [RuleCondition(.receivingAddress, .is, "rh@balcao.example")],
                actions: [RuleAction(.setDepartment, hr.id.description)], by: admin)
            try await desk.makeRule(
                .routing, "Clientes para o antigo", position: 1, all: [RuleCondition(.requesterKind, .is, "customer")],
                actions: [RuleAction(.setDepartment, gone.id.description), RuleAction(.setType, "incident")],
                by: admin)
            try await desk.directoryService.deleteDepartment(gone.id, by: admin)

            let mailed = try await desk.openTicket(requester: try await desk.makeContact()) {
                $0.receivingAddress = "RH@balcao.example"
                $0.channel = .email
            }

            // The first rule routes to RH; the second still sets the type but cannot move to a deleted department.
            #expect(mailed.departmentID == hr.id)
            #expect(mailed.type == .incident)
        }
    }

    @Test("Impact × urgency gives the priority from the admin's matrix unless a priority is given",
        arguments: TestDatabase.available)
    func priorityMatrix(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            var matrix = PriorityMatrix.standard
            matrix.set(.high, impact: .medium, urgency: .medium)
            try await desk.automationAdmin.saveMatrix(matrix, by: admin)
            let requester = try await desk.makeContact()

            let rated = try await desk.openTicket(requester: requester) {
                $0.impact = .medium
                $0.urgency = .medium
            }
            let explicit = try await desk.openTicket(requester: requester) {
                $0.impact = .high
                $0.urgency = .high
                $0.priority = .low
            }
            var changes = TicketChanges()
            changes.impact = .set(.high)
            changes.urgency = .set(.high)
            let raised = try await desk.ticketService.update(rated.id, changes, by: .agent(admin.id))

            #expect(rated.priority == .high)
            #expect(rated.impact == .medium)
            #expect(explicit.priority == .low)
            #expect(raised.priority == .urgent)
            let priorityEvent = try #require(try await desk.tickets.events(of: rated.id).last { $0.field == .priority })
            #expect(priorityEvent.oldValue == "high")
            #expect(priorityEvent.newValue == "urgent")
            #expect(try await desk.tickets.ticket(rated.id)?.urgency == .high)
        }
    }

    @Test("Round-robin hands tickets to online agents in turn and skips agents who are away",
        arguments: TestDatabase.available)
    func roundRobin(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let bruno = try await desk.makeAgent(name: "Bruno Agente", departments: [support])
            let clara = try await desk.makeAgent(name: "Clara Agente", departments: [support])
            let duda = try await desk.makeAgent(name: "Duda Agente", departments: [support])
            try await desk.automationAdmin.saveDepartment(
                DepartmentAutomation(departmentID: support.id, assignment: .roundRobin), by: admin)
            try await desk.automationAdmin.setAvailability(.away, of: duda.id, by: duda)
            let requester = try await desk.makeContact()

            var opened: [Ticket] = []
            for _ in 0..<4 {
                desk.clock.advance(by: 60)
                opened.append(try await desk.openTicket(requester: requester, department: support))
            }
            let assignees = opened.map(\.assigneeID)

            #expect(Set(assignees.prefix(2).compactMap { $0 }) == [bruno.id, clara.id])
            #expect(assignees[2] == assignees[0])
            #expect(assignees[3] == assignees[1])
            #expect(!assignees.contains(duda.id))
            #expect(opened.allSatisfy { $0.status == .open })
        }
    }

    @Test("Least-open assigns to the agent with the fewest unsolved tickets", arguments: TestDatabase.available)
    func leastOpen(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let busy = try await desk.makeAgent(name: "Bruno Ocupado", departments: [support])
            let free = try await desk.makeAgent(name: "Clara Livre", departments: [support])
            let requester = try await desk.makeContact()
            for _ in 0..<2 {
                _ = try await desk.openTicket(requester: requester, department: support) { $0.assigneeID = busy.id }
            }
            try await desk.automationAdmin.saveDepartment(
                DepartmentAutomation(departmentID: support.id, assignment: .leastOpen), by: admin)

            let next = try await desk.openTicket(requester: requester, department: support)

            #expect(next.assigneeID == free.id)
        }
    }

    @Test("A new ticket gets SLA due times from the matching policy; the queue puts urgent first, then nearest due",
        arguments: TestDatabase.available)
    func slaAndRulerOrder(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let calendar = try await desk.makeAlwaysOpenCalendar(by: admin)
            try await desk.makePolicy(calendar: calendar, by: admin)
            let requester = try await desk.makeContact()
            let start = desk.clock.now

            let normal = try await desk.openTicket("Normal antigo", requester: requester)
            desk.clock.advance(by: 600)
            let high = try await desk.openTicket("Alta", requester: requester) { $0.priority = .high }
            desk.clock.advance(by: 600)
            let urgent = try await desk.openTicket("Urgente", requester: requester) { $0.priority = .urgent }
            desk.clock.advance(by: 600)
            let newerHigh = try await desk.openTicket("Alta nova, prazo menor", requester: requester) {
                $0.priority = .high
            }
            // Lower the target of the newer high ticket by raising it then lowering: its due is re-evaluated from
            // creation, so a priority change never moves a ticket to the back of the line.
            let sla = try #require(normal.sla)
            #expect(sla.firstResponse?.dueAt == start.addingTimeInterval(8 * 3600))
            #expect(sla.resolution?.dueAt == start.addingTimeInterval(48 * 3600))
            #expect(sla.nextDueAt == start.addingTimeInterval(8 * 3600))
            #expect(urgent.sla?.firstResponse?.dueAt == start.addingTimeInterval(1200 + 3600))

            var query = TicketQuery()
            query.sort = .ruler
            query.descending = false
            query.limit = 2
            let first = try await desk.tickets.tickets(query)
            query.after = first.next
            let second = try await desk.tickets.tickets(query)
            #expect((first.tickets + second.tickets).map(\.id) == [urgent.id, high.id, newerHigh.id, normal.id])
        }
    }

    @Test("Pending stops the SLA clock and a customer reply starts it again", arguments: TestDatabase.available)
    func slaPausesWhilePending(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let calendar = try await desk.makeAlwaysOpenCalendar(by: admin)
            try await desk.makePolicy(calendar: calendar, by: admin)
            let requester = try await desk.makeContact()
            let ticket = try await desk.openTicket(requester: requester)
            let created = desk.clock.now

            desk.clock.advance(by: 3600)
            _ = try await desk.ticketService.addMessage(
                AddMessage(
                    kind: .reply, body: MessageBody(text: "Pode enviar uma foto?"), author: .agent(admin.id),
                    channel: .web, status: .pending), to: ticket.id)
            let waiting = try #require(try await desk.tickets.ticket(ticket.id))
            desk.clock.advance(by: 10 * 3600)
            _ = try await desk.ticketService.addMessage(
                AddMessage(
                    kind: .reply, body: MessageBody(text: "Segue a foto."), author: .contact(requester.id),
                    channel: .email), to: ticket.id)
            let answered = try #require(try await desk.tickets.ticket(ticket.id))

            #expect(waiting.sla?.firstResponse?.fulfilledAt == created.addingTimeInterval(3600))
            #expect(waiting.sla?.resolution?.isPaused == true)
            #expect(waiting.sla?.nextDueAt == nil)
            #expect(answered.status == .open)
            // 1 h used before the pause; the 10 h waiting do not count against the 48 h resolution target.
            #expect(answered.sla?.resolution?.dueAt == created.addingTimeInterval(11 * 3600 + 47 * 3600))
            #expect(answered.sla?.nextResponse?.dueAt == desk.clock.now.addingTimeInterval(8 * 3600))
        }
    }

    @Test("Moving a ticket to a department with another policy replays its history under that policy",
        arguments: TestDatabase.available)
    func policyChangeReplays(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let vip = try await desk.makeDepartment("VIP", by: admin)
            let calendar = try await desk.makeAlwaysOpenCalendar(by: admin)
            var targets = SLAPriorityTargets()
            targets.normal = SLATargets(firstResponse: 1800, resolution: 3600 * 4)
            let vipPolicy = SLAPolicy(
                name: "VIP", order: 0, calendarID: calendar.id, conditions: SLAConditions(departmentIDs: [vip.id]),
                targets: targets)
            try await desk.automationAdmin.savePolicy(vipPolicy, by: admin)
            let general = try await desk.makePolicy(calendar: calendar, by: admin)
            let ticket = try await desk.openTicket(requester: try await desk.makeContact())
            let created = desk.clock.now
            desk.clock.advance(by: 600)

            var changes = TicketChanges()
            changes.departmentID = .set(vip.id)
            let moved = try await desk.ticketService.update(ticket.id, changes, by: .agent(admin.id))

            #expect(ticket.sla?.policyID == general.id)
            #expect(moved.sla?.policyID == vipPolicy.id)
            #expect(moved.sla?.firstResponse?.dueAt == created.addingTimeInterval(1800))
        }
    }
}
