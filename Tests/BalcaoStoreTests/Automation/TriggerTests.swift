import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Triggers on ticket events")
struct TriggerTests {
    @Test("When the requester replies, a trigger tags the ticket, raises it and notifies the assignee by mail",
        arguments: TestDatabase.available)
    func requesterReplied(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let agent = try await desk.makeAgent(departments: [support])
            let rule = try await desk.makeRule(
                .trigger, "Cliente respondeu",
                all: [RuleCondition(.event, .is, "requester_replied"), RuleCondition(.tags, .isNot, "respondido")],
                actions: [
                    RuleAction(.addTags, "respondido"), RuleAction(.setPriority, "high"),
                    RuleAction(
                        .notify, recipient: "assignee", subject: "{{requester.name}} respondeu ao {{ticket.number}}",
                        body: "Veja: {{ticket.url}}"),
                ], by: admin)
            let requester = try await desk.makeContact("Carla Cliente")
            let ticket = try await desk.openTicket(requester: requester, department: support) {
                $0.assigneeID = agent.id
            }
            let afterOpen = try #require(try await desk.tickets.ticket(ticket.id))

            _ = try await desk.ticketService.addMessage(
                AddMessage(
                    kind: .reply, body: MessageBody(text: "Ainda não funciona."), author: .contact(requester.id),
                    channel: .email), to: ticket.id)

            let changed = try #require(try await desk.tickets.ticket(ticket.id))
            #expect(afterOpen.tags.isEmpty)
            #expect(changed.tags == ["respondido"])
            #expect(changed.priority == .high)
            let fired = try await desk.tickets.events(of: ticket.id).filter { $0.field == .rule }
            #expect(fired.map(\.newValue) == [rule.name])
            let mail = try #require(try await desk.outboxMail(to: agent.email.value).last)
            #expect(mail.purpose == .automation)
            #expect(mail.subject.contains("Carla Cliente respondeu ao \(ticket.number)"))
            #expect(MIMEParser.parse(Array(mail.raw)).text.contains("Veja: https://desk.example/agent/tickets/"))
        }
    }

    @Test("Triggers do not set each other off in a loop, and a trigger's own change runs no triggers",
        arguments: TestDatabase.available)
    func noLoops(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            try await desk.makeRule(
                .trigger, "Marca A", all: [RuleCondition(.tags, .isNot, "a")], actions: [RuleAction(.addTags, "a")],
                by: admin)
            try await desk.makeRule(
                .trigger, "Troca A por B", position: 1, all: [RuleCondition(.tags, .is, "a")],
                actions: [RuleAction(.removeTags, "a"), RuleAction(.addTags, "b")], by: admin)
            let ticket = try await desk.openTicket(requester: try await desk.makeContact())

            let saved = try #require(try await desk.tickets.ticket(ticket.id))
            let fired = try await desk.tickets.events(of: ticket.id).filter { $0.field == .rule }

            // Each trigger fired once in the one round the creation set off: A added, then swapped for B, then
            // "Marca A" would match again but has already fired.
            #expect(saved.tags == ["b"])
            #expect(fired.map(\.newValue) == ["Marca A", "Troca A por B"])
        }
    }

    @Test("A macro applies its field changes and a reply with placeholders as the agent", arguments: TestDatabase.available)
    func macro(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let other = try await desk.makeDepartment("Financeiro", by: admin)
            let macro = Macro(
                name: "Pedir print", departmentIDs: [support.id],
                text: "Olá, {{requester.first_name}}! Pode enviar um print do erro no {{ticket.number}}? — {{agent.name}}",
                actions: [RuleAction(.setStatus, "pending"), RuleAction(.addTags, "aguardando_print")])
            try await desk.automationAdmin.saveMacro(macro, by: admin)
            let requester = try await desk.makeContact("Carla Cliente")
            let ticket = try await desk.openTicket(requester: requester, department: support)
            let elsewhere = try await desk.openTicket(requester: requester, department: other)

            let applied = try await desk.automationAdmin.applyMacro(macro.id, to: ticket.id, by: admin)

            #expect(applied.status == .pending)
            #expect(applied.tags == ["aguardando_print"])
            let reply = try #require(try await desk.tickets.messages(of: ticket.id).last)
            #expect(reply.kind == .reply)
            #expect(reply.author == .agent(admin.id))
            #expect(reply.text == "Olá, Carla! Pode enviar um print do erro no \(ticket.number)? — Ana Admin")
            await #expect(throws: ValidationError.self) {
                _ = try await desk.automationAdmin.applyMacro(macro.id, to: elsewhere.id, by: admin)
            }
            #expect(try await desk.automationAdmin.macros(for: other.id).isEmpty)
        }
    }

    @Test("Only admins and supervisors change automations; every agent may set their own availability",
        arguments: TestDatabase.available)
    func permissions(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let agent = try await desk.makeAgent(departments: [support])
            let colleague = try await desk.makeAgent(name: "Clara Colega", departments: [support])
            let rule = Rule(kind: .trigger, name: "x", actions: [RuleAction(.addTags, "x")])

            await #expect(throws: DirectoryError.self) { try await desk.automationAdmin.saveRule(rule, by: agent) }
            await #expect(throws: DirectoryError.self) {
                try await desk.automationAdmin.setAvailability(.away, of: colleague.id, by: agent)
            }
            try await desk.automationAdmin.setAvailability(.away, of: agent.id, by: agent)
            #expect(try await desk.automation.availability(of: [agent.id]) == [agent.id: .away])
        }
    }
}
