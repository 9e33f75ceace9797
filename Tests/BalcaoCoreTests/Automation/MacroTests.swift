import Foundation
import Testing

@testable import BalcaoCore

@Suite("Macros")
struct MacroTests {
    private func fields(_ macro: Macro) -> [String] { AutoSample.issues { try macro.validate() }.map(\.field) }

    @Test("A macro with only a reply text is valid, and so is one with only field actions")
    func textOrActions() {
        let reply = Macro(name: "Pedir print", text: "Olá {{requester.first_name}}, pode enviar um print do erro?")
        let fieldsOnly = Macro(
            name: "Aguardar cliente", text: "   ",
            actions: [RuleAction(.setStatus, "pending"), RuleAction(.addTags, "aguardando_print")])

        #expect(fields(reply).isEmpty)
        #expect(fields(fieldsOnly).isEmpty)
        #expect(reply.hasText)
        #expect(!fieldsOnly.hasText)
    }

    @Test("A macro with neither text nor actions is refused")
    func needsTextOrActions() {
        #expect(fields(Macro(name: "Vazio")) == ["actions"])
        #expect(fields(Macro(name: "Em branco", text: " \n ")) == ["actions"])
    }

    @Test("Macros change fields only: notifications, notes, webhooks and escalations belong in triggers")
    func fieldActionsOnly() {
        let macro = Macro(
            name: "Tudo",
            actions: [
                RuleAction(.setPriority, "high"), RuleAction(.notify, recipient: "requester", subject: "Oi", body: "Oi"),
                RuleAction(.webhook, "https://example.com"), RuleAction(.addNote, body: "Nota"),
                RuleAction(.escalate, body: "Nível 2"),
            ])

        let issues = AutoSample.issues { try macro.validate() }

        #expect(issues.map(\.field) == ["actions[1].type", "actions[2].type", "actions[3].type", "actions[4].type"])
        #expect(issues.first?.message.contains("notify") == true)
    }

    @Test("Field actions are checked like a trigger's: a macro may solve but not set a bad value")
    func fieldActionValues() {
        let good = Macro(name: "Resolver", actions: [RuleAction(.setStatus, "solved")])
        let bad = Macro(name: "Ruim", actions: [RuleAction(.setStatus, "new"), RuleAction(.setAssignee, "ana")])

        #expect(fields(good).isEmpty)
        #expect(fields(bad) == ["actions[0].value", "actions[1].value"])
    }

    @Test("An unknown placeholder in the text is refused")
    func placeholders() {
        let macro = Macro(name: "Saudação", text: "Olá {{requester.first_name}}, sou {{agente.nome}}")

        #expect(fields(macro) == ["text"])
    }

    @Test("A macro needs a name and writes replies or notes, never system messages")
    func nameAndKind() {
        let macro = Macro(name: " ", text: "Oi", messageKind: .system)

        #expect(fields(macro) == ["name", "messageKind"])
        #expect(fields(Macro(name: "Nota", text: "Verificado", messageKind: .note)).isEmpty)
    }

    @Test("A macro without departments is offered everywhere; one with departments only there")
    func availability() {
        let everywhere = Macro(name: "Geral", text: "Oi")
        let itOnly = Macro(name: "TI", departmentIDs: [AutoSample.itDepartment], text: "Reinicie o computador")

        #expect(everywhere.isAvailable(in: nil))
        #expect(everywhere.isAvailable(in: AutoSample.hrDepartment))
        #expect(itOnly.isAvailable(in: AutoSample.itDepartment))
        #expect(!itOnly.isAvailable(in: AutoSample.hrDepartment))
        #expect(!itOnly.isAvailable(in: nil))
    }
}
