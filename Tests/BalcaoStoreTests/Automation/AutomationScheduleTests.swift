import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Scheduler: SLA breaches, escalation on breach, time rules exactly once")
struct AutomationScheduleTests {
    @Test("A breach is recorded once, escalates to tier 2 per policy and tells the supervisors",
        arguments: TestDatabase.available)
    func breachEscalates(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let (tier1, tier2) = try await TiersTests.makeTiers(desk, admin: admin)
            let calendar = try await desk.makeAlwaysOpenCalendar(by: admin)
            try await desk.makePolicy(calendar: calendar, escalateOnBreach: true, by: admin)
            var fields = AgentFields()
            fields.name = "Sara Supervisora"
            fields.email = "sara@balcao.example"
            fields.role = .supervisor
            fields.departmentIDs = [tier2.id]
            let supervisor = try await desk.directoryService.createAgent(fields, by: admin)
            try await desk.makeRule(
                .trigger, "Avisar supervisão", all: [RuleCondition(.event, .is, "sla_breached")],
                actions: [
                    RuleAction(
                        .notify, recipient: "supervisors", subject: "SLA estourado: {{ticket.subject}}",
                        body: "O ticket {{ticket.number}} passou do prazo.", channel: .both)
                ], by: admin)
            let ticket = try await desk.openTicket(requester: try await desk.makeContact(), department: tier1) {
                $0.priority = .urgent
            }

            desk.clock.advance(by: 30 * 60)
            let early = try await desk.automationRunner.tick()
            desk.clock.advance(by: 31 * 60)
            let due = try await desk.automationRunner.tick()
            let again = try await desk.automationRunner.tick()

            #expect(early == AutomationTick())
            #expect(due.breachesRecorded == 1)
            #expect(due.escalations == 1)
            #expect(again == AutomationTick())
            let saved = try #require(try await desk.tickets.ticket(ticket.id))
            #expect(saved.departmentID == tier2.id)
            let events = try await desk.tickets.events(of: ticket.id)
            let breach = try #require(events.first { $0.field == .slaBreach })
            #expect(breach.oldValue == "first_response")
            #expect(breach.actor == .system)
            #expect(events.contains { $0.field == .escalation && $0.actor == .system })
            // The SLA continues after escalation: same timers, the breach stays recorded.
            #expect(saved.sla?.firstResponse?.isBreached(at: desk.clock.now) == true)
            #expect(saved.sla?.nextWatchAt == saved.sla?.resolution?.dueAt)
            let mail = try await desk.outboxMail(to: supervisor.email.value)
            #expect(mail.count == 1)
            #expect(mail.first?.subject.contains("SLA estourado") == true)
            let bell = try await desk.automationAdmin.notifications(for: supervisor)
            #expect(bell.map(\.body) == ["O ticket \(ticket.number) passou do prazo."])
            #expect(bell.first?.ticketNumber == ticket.number)
            #expect(try await desk.automation.unreadNotificationCount(for: supervisor.id) == 1)
            try await desk.automationAdmin.markNotificationsRead(for: supervisor)
            #expect(try await desk.automation.unreadNotificationCount(for: supervisor.id) == 0)
        }
    }

    @Test("Pending 72 h → reminder once; 7 days → solved; solved 4 days → closed", arguments: TestDatabase.available)
    func timeRulesLifecycle(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            try await desk.makeRule(
                .timeRule, "Lembrete pendente", all: [
                    RuleCondition(.status, .is, "pending"), RuleCondition(.hoursSinceUpdated, .greaterThan, "72"),
                ],
                actions: [
                    RuleAction(
                        .notify, recipient: "requester", subject: "Ainda precisa de ajuda?",
                        body: "Olá {{requester.first_name}}, aguardamos sua resposta no {{ticket.number}}.")
                ], by: admin)
            try await desk.makeRule(
                .timeRule, "Resolver após 7 dias", position: 1,
                all: [RuleCondition(.status, .is, "pending"), RuleCondition(.hoursSinceUpdated, .greaterThan, "168")],
                actions: [RuleAction(.setStatus, "solved")], by: admin)
            try await desk.makeRule(
                .timeRule, "Fechar resolvidos", position: 2,
                all: [RuleCondition(.status, .is, "solved"), RuleCondition(.hoursSinceSolved, .greaterThan, "96")],
                actions: [RuleAction(.setStatus, "closed")], by: admin)
            let requester = try await desk.makeContact("Carla Cliente")
            let ticket = try await desk.openTicket(requester: requester)
            var changes = TicketChanges()
            changes.status = .pending
            _ = try await desk.ticketService.update(ticket.id, changes, by: .agent(admin.id))

            desk.clock.advance(by: 73 * 3600)
            let reminded = try await desk.automationRunner.tick()
            desk.clock.advance(by: 3600)
            let quiet = try await desk.automationRunner.tick()
            desk.clock.advance(by: 100 * 3600)
            let solved = try await desk.automationRunner.tick()
            let afterSolve = try #require(try await desk.tickets.ticket(ticket.id))
            desk.clock.advance(by: 97 * 3600)
            let closed = try await desk.automationRunner.tick()

            #expect(reminded.timeRulesFired == 1)
            #expect(quiet.timeRulesFired == 0)
            #expect(solved.timeRulesFired == 1)
            #expect(afterSolve.status == .solved)
            #expect(closed.timeRulesFired == 1)
            #expect(try await desk.tickets.ticket(ticket.id)?.status == .closed)
            let reminders = try await desk.outboxMail(to: requester.primaryEmail!.value).filter { $0.purpose == .automation }
            #expect(reminders.count == 1)
            #expect(MIMEParser.parse(Array(reminders[0].raw)).text.contains("Olá Carla, aguardamos sua resposta"))
        }
    }

    @Test("Two schedulers on one database, and a restart, fire a time rule exactly once",
        arguments: TestDatabase.available)
    func exactlyOnceAcrossProcesses(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            try await desk.makeRule(
                .timeRule, "Nota após 2 h",
                all: [RuleCondition(.status, .is, "new"), RuleCondition(.hoursSinceCreated, .greaterThan, "2")],
                actions: [RuleAction(.addNote, body: "Sem resposta há 2 horas.")], by: admin)
            var opened: [Ticket] = []
            for index in 0..<6 {
                opened.append(try await desk.openTicket("Pedido \(index)", requester: try await desk.makeContact()))
            }
            desk.clock.advance(by: 3 * 3600)
            // A second "process": its own stores, cache and services over the same database and clock.
            let other = TestDesk(context: desk.context, dataDirectory: FileManager.default.temporaryDirectory, clock: desk.clock)

            async let first = desk.automationRunner.tick()
            async let second = other.automationRunner.tick()
            let (a, b) = try await (first, second)
            let restarted = TestDesk(context: desk.context, dataDirectory: FileManager.default.temporaryDirectory, clock: desk.clock)
            let afterRestart = try await restarted.automationRunner.tick()

            #expect(a.timeRulesFired + b.timeRulesFired == 6)
            #expect(afterRestart.timeRulesFired == 0)
            for ticket in opened {
                let notes = try await desk.tickets.messages(of: ticket.id).filter { $0.kind == .note }
                #expect(notes.map(\.text) == ["Sem resposta há 2 horas."])
            }
        }
    }

    @Test("The rule preview lists the tickets a rule would match now", arguments: TestDatabase.available)
    func preview(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let requester = try await desk.makeContact()
            let printer = try await desk.openTicket("Impressora travada", requester: requester)
            _ = try await desk.openTicket("Senha expirada", requester: requester)
            let rule = Rule(
                kind: .trigger, name: "Impressoras", conditions: RuleConditions(all: [RuleCondition(.subject, .contains, "impressora")]),
                actions: [RuleAction(.addTags, "impressora")])

            let matches = try await desk.automationAdmin.preview(rule, by: admin)

            #expect(matches.map(\.id) == [printer.id])
        }
    }
}
