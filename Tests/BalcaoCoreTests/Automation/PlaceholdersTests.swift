import Foundation
import Testing

@testable import BalcaoCore

@Suite("Placeholders")
struct PlaceholdersTests {
    private let requester = Contact(
        kind: .employee, name: "Ana Maria Souza", emails: [EmailAddress("ana.souza@empresa.com.br")!],
        createdAt: AutoSample.opened)
    private let assignee = Agent(name: "Bruno Lima", email: EmailAddress("bruno@empresa.com.br")!, createdAt: AutoSample.opened)
    private let department = Department(name: "TI", kind: .internal, createdAt: AutoSample.opened)

    private func values(
        requester: Contact?, assignee: Agent? = nil, department: Department? = nil, agent: Agent? = nil
    ) -> [String: String] {
        Placeholders.values(
            ticket: AutoSample.ticket(status: .pending, priority: .high, type: .incident), requester: requester,
            assignee: assignee, department: department, agent: agent, deskName: "Balcão Empresa",
            ticketURL: "https://balcao.empresa.com.br/tickets/1042")
    }

    @Test("Fill replaces each placeholder, spaces inside the braces allowed")
    func fill() {
        let text = Placeholders.fill(
            "Olá {{requester.first_name}}, o chamado {{ ticket.number }} está {{ticket.status}}.",
            with: ["requester.first_name": "Ana", "ticket.number": "#1042", "ticket.status": "pending"])

        #expect(text == "Olá Ana, o chamado #1042 está pending.")
    }

    @Test("Unknown placeholders are filled with nothing; unclosed braces stay as written")
    func fillUnknownAndUnclosed() {
        #expect(Placeholders.fill("[{{nada}}]", with: [:]) == "[]")
        #expect(Placeholders.fill("Chave {{ticket.number", with: ["ticket.number": "#1"]) == "Chave {{ticket.number")
        #expect(Placeholders.fill("Sem marcas", with: ["ticket.number": "#1"]) == "Sem marcas")
    }

    @Test("Values describe the ticket, the requester (first name too), the assignee and the department")
    func values() {
        let values = values(requester: requester, assignee: assignee, department: department)

        #expect(values["ticket.number"] == "#1042")
        #expect(values["ticket.subject"] == "Impressora do 3º andar não imprime")
        #expect(values["ticket.status"] == "pending")
        #expect(values["ticket.priority"] == "high")
        #expect(values["ticket.type"] == "incident")
        #expect(values["ticket.url"] == "https://balcao.empresa.com.br/tickets/1042")
        #expect(values["requester.name"] == "Ana Maria Souza")
        #expect(values["requester.first_name"] == "Ana")
        #expect(values["requester.email"] == "ana.souza@empresa.com.br")
        #expect(values["assignee.name"] == "Bruno Lima")
        #expect(values["department.name"] == "TI")
        #expect(values["desk.name"] == "Balcão Empresa")
    }

    @Test("Every documented placeholder has a value, so a validated template never leaves a gap by accident")
    func everyNameHasAValue() {
        let values = values(requester: requester)

        #expect(Set(values.keys) == Set(Placeholders.names))
    }

    @Test("Without an agent or department, the desk speaks: agent and department read as the desk's name")
    func deskFallbacks() {
        let values = values(requester: nil)

        #expect(values["agent.name"] == "Balcão Empresa")
        #expect(values["department.name"] == "Balcão Empresa")
        #expect(values["assignee.name"] == "")
        #expect(values["requester.name"] == "")
        #expect(values["requester.first_name"] == "")
        #expect(values["requester.email"] == "")
    }

    @Test("The agent applying a macro is named")
    func agentName() {
        #expect(values(requester: requester, agent: assignee)["agent.name"] == "Bruno Lima")
    }

    @Test("A one-word name is its own first name, and extra spaces do not give an empty one")
    func firstNameEdgeCases() {
        var single = requester
        single.name = "Xuxa"
        var padded = requester
        padded.name = "  Ana  Souza"

        #expect(values(requester: single)["requester.first_name"] == "Xuxa")
        #expect(values(requester: padded)["requester.first_name"] == "Ana")
    }

    @Test("A filled template reads naturally for the requester")
    func fillWithValues() {
        let text = Placeholders.fill(
            "{{requester.first_name}}, recebemos o {{ticket.number}} ({{ticket.subject}}). — {{agent.name}}",
            with: values(requester: requester))

        #expect(text == "Ana, recebemos o #1042 (Impressora do 3º andar não imprime). — Balcão Empresa")
    }
}
