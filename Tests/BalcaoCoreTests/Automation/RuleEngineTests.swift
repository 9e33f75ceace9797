import Foundation
import Testing

@testable import BalcaoCore

@Suite("Rule engine")
struct RuleEngineTests {
    @Test("Matching rules fire in position order, whatever order the list is in")
    func positionOrder() {
        let second = AutoSample.rule(name: "Segunda", position: 2, actions: [RuleAction(.setPriority, "low")])
        let first = AutoSample.rule(name: "Primeira", position: 1, actions: [RuleAction(.setPriority, "high")])

        let outcome = RuleEngine.run([second, first], on: AutoSample.facts())

        #expect(outcome.fired == [first.id, second.id])
        #expect(outcome.ticket.priority == .low)
        #expect(outcome.changes.priority == .low)
    }

    @Test("Rules at the same position keep the order they were listed in")
    func tiesKeepListOrder() {
        let a = AutoSample.rule(name: "A", position: 5, actions: [RuleAction(.setType, "incident")])
        let b = AutoSample.rule(name: "B", position: 5, actions: [RuleAction(.setType, "problem")])

        #expect(RuleEngine.run([a, b], on: AutoSample.facts()).fired == [a.id, b.id])
        #expect(RuleEngine.run([b, a], on: AutoSample.facts()).fired == [b.id, a.id])
        #expect(RuleEngine.run([b, a], on: AutoSample.facts()).ticket.type == .incident)
    }

    @Test("A rule reacts to what a later-positioned rule set: evaluation starts over after each firing")
    func laterRuleReacts() {
        let urgentForVIP = AutoSample.rule(
            name: "VIP é urgente", position: 0, all: [RuleCondition(.tags, .is, "vip")],
            actions: [RuleAction(.setPriority, "urgent")])
        let tagBoard = AutoSample.rule(
            name: "Diretoria é VIP", position: 1, all: [RuleCondition(.subject, .contains, "diretoria")],
            actions: [RuleAction(.addTags, "vip")])
        let facts = AutoSample.facts(AutoSample.ticket(subject: "Projetor da sala da Diretoria"))

        let outcome = RuleEngine.run([urgentForVIP, tagBoard], on: facts)

        #expect(outcome.fired == [tagBoard.id, urgentForVIP.id])
        #expect(outcome.ticket.priority == .urgent)
        #expect(outcome.ticket.tags == ["vip"])
        #expect(outcome.changes.priority == .urgent)
        #expect(outcome.changes.tags == ["vip"])
    }

    @Test("A later rule sees the department an earlier one routed to")
    func chainOnDepartment() {
        let route = AutoSample.rule(
            .routing, name: "Senhas para TI", position: 0, all: [RuleCondition(.message, .contains, "senha")],
            actions: [RuleAction(.setDepartment, AutoSample.itDepartment.description)])
        let assign = AutoSample.rule(
            .routing, name: "TI para Ana", position: 1,
            all: [RuleCondition(.department, .is, AutoSample.itDepartment.description)],
            actions: [RuleAction(.setAssignee, AutoSample.ana.description)])

        let outcome = RuleEngine.run([route, assign], on: AutoSample.facts(message: "Esqueci a senha"))

        #expect(outcome.fired == [route.id, assign.id])
        #expect(outcome.ticket.departmentID == AutoSample.itDepartment)
        #expect(outcome.ticket.assigneeID == AutoSample.ana)
        #expect(outcome.changes.departmentID == .set(AutoSample.itDepartment))
        #expect(outcome.changes.assigneeID == .set(AutoSample.ana))
    }

    @Test("Two rules that undo each other fire once each and the run ends")
    func noInfiniteLoop() {
        let add = AutoSample.rule(
            name: "Marca", position: 0, all: [RuleCondition(.tags, .isNot, "revisar")],
            actions: [RuleAction(.addTags, "revisar")])
        let remove = AutoSample.rule(
            name: "Desmarca", position: 1, all: [RuleCondition(.tags, .is, "revisar")],
            actions: [RuleAction(.removeTags, "revisar")])

        let outcome = RuleEngine.run([add, remove], on: AutoSample.facts(AutoSample.ticket(tags: ["impressora"])))

        #expect(outcome.fired == [add.id, remove.id])
        #expect(outcome.ticket.tags == ["impressora"])
        #expect(outcome.changes.tags == ["impressora"])
    }

    @Test("A rule whose conditions still hold after it fired does not fire again")
    func firesAtMostOnce() {
        let rule = AutoSample.rule(name: "Sempre", actions: [RuleAction(.addNote, body: "Visto")])

        let outcome = RuleEngine.run([rule], on: AutoSample.facts())

        #expect(outcome.fired == [rule.id])
        #expect(outcome.effects == [.addNote(body: "Visto")])
    }

    @Test("Inactive rules never fire, even when they match")
    func inactiveIgnored() {
        let off = AutoSample.rule(name: "Desligada", isActive: false, actions: [RuleAction(.setPriority, "urgent")])
        let on = AutoSample.rule(name: "Ligada", position: 1, actions: [RuleAction(.addTags, "triado")])

        let outcome = RuleEngine.run([off, on], on: AutoSample.facts())

        #expect(outcome.fired == [on.id])
        #expect(outcome.ticket.priority == .normal)
        #expect(outcome.changes.priority == nil)
    }

    @Test("When nothing matches, the outcome is empty and the ticket untouched")
    func nothingMatches() {
        let rule = AutoSample.rule(all: [RuleCondition(.channel, .is, "chat")], actions: [RuleAction(.setPriority, "high")])
        let ticket = AutoSample.ticket()

        let outcome = RuleEngine.run([rule], on: AutoSample.facts(ticket))

        #expect(outcome.isEmpty)
        #expect(outcome.ticket == ticket)
        #expect(outcome.changes.isEmpty)
        #expect(outcome.effects.isEmpty)
    }

    @Test("Tags are added normalized and without duplicates, and removed by name")
    func addAndRemoveTags() {
        let rule = AutoSample.rule(actions: [
            RuleAction(.addTags, "VIP, Cliente-Ouro impressora"), RuleAction(.removeTags, "antigo, inexistente"),
        ])
        let facts = AutoSample.facts(AutoSample.ticket(tags: ["antigo", "impressora"]))

        let outcome = RuleEngine.run([rule], on: facts)

        #expect(outcome.ticket.tags == ["cliente-ouro", "impressora", "vip"])
        #expect(outcome.changes.tags == ["cliente-ouro", "impressora", "vip"])
    }

    @Test("Impact, urgency, type and status are set and reported as changes")
    func fieldChanges() {
        let rule = AutoSample.rule(actions: [
            RuleAction(.setImpact, "high"), RuleAction(.setUrgency, "medium"), RuleAction(.setType, "incident"),
            RuleAction(.setStatus, "pending"),
        ])

        let outcome = RuleEngine.run([rule], on: AutoSample.facts())

        #expect(outcome.ticket.impact == .high)
        #expect(outcome.ticket.urgency == .medium)
        #expect(outcome.ticket.type == .incident)
        #expect(outcome.ticket.status == .pending)
        #expect(outcome.changes.impact == .set(.high))
        #expect(outcome.changes.urgency == .set(.medium))
        #expect(outcome.changes.type == .incident)
        #expect(outcome.changes.status == .pending)
    }

    @Test("A custom field is set as text, and an empty value clears it")
    func customFields() {
        let rule = AutoSample.rule(actions: [
            RuleAction(.setCustomField, " SAP ", field: "sistema"), RuleAction(.setCustomField, "", field: "sala"),
        ])
        let facts = AutoSample.facts(AutoSample.ticket(customFields: ["sala": .text("3.14")]))

        let outcome = RuleEngine.run([rule], on: facts)

        #expect(outcome.ticket.customFields == ["sistema": .text("SAP")])
        #expect(outcome.changes.customFields == ["sistema": .string("SAP"), "sala": .null])
    }

    @Test("Actions with values that do not parse are skipped instead of corrupting the ticket")
    func badValuesSkipped() {
        let rule = AutoSample.rule(actions: [
            RuleAction(.setPriority, "asap"), RuleAction(.setAssignee, "ana"), RuleAction(.setCustomField, "x", field: nil),
        ])

        let outcome = RuleEngine.run([rule], on: AutoSample.facts())

        #expect(outcome.fired == [rule.id])
        #expect(outcome.changes.isEmpty)
        #expect(outcome.ticket == AutoSample.ticket())
    }

    @Test("Effects are collected in firing order, then action order")
    func effectsInOrder() {
        let first = AutoSample.rule(
            name: "Avisa", position: 0,
            actions: [
                RuleAction(.notify, recipient: "requester", subject: "Recebido", body: "Olá {{requester.first_name}}"),
                RuleAction(.webhook, " https://hooks.empresa.com.br/x "),
            ])
        let second = AutoSample.rule(
            name: "Escala", position: 1,
            actions: [RuleAction(.addNote, body: "Nota interna"), RuleAction(.escalate, body: "Falha no servidor")])

        let outcome = RuleEngine.run([second, first], on: AutoSample.facts())

        #expect(
            outcome.effects == [
                .notify(recipient: "requester", subject: "Recebido", body: "Olá {{requester.first_name}}", channel: .email),
                .webhook(url: "https://hooks.empresa.com.br/x"),
                .addNote(body: "Nota interna"),
                .escalate(reason: "Falha no servidor"),
            ])
        #expect(outcome.changes.isEmpty)
    }

    @Test("Events and the message of the change stay the same for every rule in the run")
    func factsBesidesTicketStay() {
        let onCreate = AutoSample.rule(
            name: "Criado", position: 0, all: [RuleCondition(.event, .is, "created")],
            actions: [RuleAction(.addTags, "novo")])
        let onNew = AutoSample.rule(
            name: "Novo", position: 1,
            all: [RuleCondition(.tags, .is, "novo"), RuleCondition(.message, .contains, "impressora")],
            actions: [RuleAction(.setPriority, "high")])
        let facts = AutoSample.facts(message: "A impressora parou", events: [.created])

        let outcome = RuleEngine.run([onNew, onCreate], on: facts)

        #expect(outcome.fired == [onCreate.id, onNew.id])
        #expect(outcome.ticket.priority == .high)
    }
}
