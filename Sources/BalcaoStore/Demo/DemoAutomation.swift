import BalcaoCore
import Foundation

/// The demo desk's triage set-up: São Paulo and Lisbon office calendars with national holidays, SLA policies for
/// internal and external desks (escalating on breach), routing rules by keywords and address, triggers, time rules,
/// macros and round-robin assignment for Customer Support — what a new admin can look at and edit. The seeded
/// tickets are weeks old, so time rules start inactive and policies do not escalate on breach: switching them on
/// is the admin's call, not something the first minute of a demo does to 400 tickets.
public enum DemoAutomation {
    /// The documents, for departments found by name. `year` picks the holiday presets (that year and the next).
    public static func documents(departments: [Department], year: Int) -> [AutomationDocument] {
        func id(_ name: String) -> String { departments.first { $0.name == name }?.id.description ?? "" }
        let office = WeeklyHours.weekdays([WorkingInterval(TimeOfDay(9), TimeOfDay(12)), WorkingInterval(TimeOfDay(13), TimeOfDay(18))])
        let saoPaulo = BusinessCalendar(
            name: "São Paulo — horário comercial", timeZoneIdentifier: "America/Sao_Paulo", weeklyHours: office,
            holidays: BusinessCalendar.holidaysBrazil(year: year) + BusinessCalendar.holidaysBrazil(year: year + 1))
        let lisbon = BusinessCalendar(
            name: "Lisboa — horário de expediente", timeZoneIdentifier: "Europe/Lisbon", weeklyHours: office,
            holidays: BusinessCalendar.holidaysPortugal(year: year) + BusinessCalendar.holidaysPortugal(year: year + 1))
        let internalDesks = ["IT", "HR", "Finance", "Facilities", "IT — Level 2 (Infrastructure)"]
            .compactMap { name in departments.first { $0.name == name }?.id }
        func targets(_ hours: [TicketPriority: (Double, Double?, Double)]) -> SLAPriorityTargets {
            var targets = SLAPriorityTargets()
            for (priority, (first, next, resolution)) in hours {
                targets[priority] = SLATargets(
                    firstResponse: first * 3600, nextResponse: next.map { $0 * 3600 }, resolution: resolution * 3600)
            }
            return targets
        }
        let internalPolicy = SLAPolicy(
            name: "Mesas internas", order: 10, calendarID: saoPaulo.id,
            conditions: SLAConditions(departmentIDs: Set(internalDesks)),
            targets: targets([.urgent: (1, 2, 4), .high: (4, 4, 16), .normal: (8, 8, 40), .low: (16, nil, 80)]),
            escalateOnBreach: false)
        let externalPolicy = SLAPolicy(
            name: "Clientes", order: 20, calendarID: saoPaulo.id,
            targets: targets([.urgent: (0.5, 1, 4), .high: (2, 4, 12), .normal: (4, 8, 24), .low: (8, 16, 48)]))
        let rules: [Rule] = [
            Rule(
                kind: .routing, name: "Funcionários: senhas e acessos → TI", position: 10,
                conditions: RuleConditions(
                    all: [RuleCondition(.requesterKind, .is, "employee")],
                    any: [
                    RuleCondition(.subject, .contains, "senha, password, acesso bloqueado, VPN"),
                    RuleCondition(.message, .contains, "senha expirada, conta bloqueada"),
                ]),
                actions: [RuleAction(.setDepartment, id("IT")), RuleAction(.setImpact, "medium"), RuleAction(.setUrgency, "high"), RuleAction(.addTags, "acesso")]),
            Rule(
                kind: .routing, name: "Funcionários: folha, férias e holerite → RH", position: 20,
                conditions: RuleConditions(
                    all: [RuleCondition(.requesterKind, .is, "employee")],
                    any: [RuleCondition(.subject, .contains, "férias, holerite, folha de pagamento, payslip, recibo de vencimento")]),
                actions: [RuleAction(.setDepartment, id("HR"))]),
            Rule(
                kind: .routing, name: "Funcionários: boletos e notas fiscais → Financeiro", position: 30,
                conditions: RuleConditions(
                    all: [RuleCondition(.requesterKind, .is, "employee")],
                    any: [RuleCondition(.subject, .contains, "boleto, nota fiscal, fatura, reembolso, invoice")]),
                actions: [RuleAction(.setDepartment, id("Finance")), RuleAction(.setType, "task")]),
            Rule(
                kind: .routing, name: "Clientes: pedido atrasado é reclamação", position: 40,
                conditions: RuleConditions(
                    all: [RuleCondition(.requesterKind, .is, "customer")],
                    any: [RuleCondition(.subject, .contains, "atrasado, não chegou, atraso, late delivery, encomenda")]),
                actions: [RuleAction(.setDepartment, id("Customer Support")), RuleAction(.setType, "complaint"), RuleAction(.addTags, "entrega")]),
            Rule(
                kind: .trigger, name: "Cliente respondeu → avisar responsável", position: 10,
                conditions: RuleConditions(all: [RuleCondition(.event, .is, "requester_replied"), RuleCondition(.assignee, .present)]),
                actions: [RuleAction(.notify, recipient: "assignee", subject: "{{requester.name}} respondeu ao chamado {{ticket.number}}", body: "{{requester.name}} respondeu em \"{{ticket.subject}}\".\n\n{{ticket.url}}")]),
            Rule(
                kind: .trigger, name: "SLA violado → avisar supervisão", position: 20,
                conditions: RuleConditions(all: [RuleCondition(.event, .is, "sla_breached")]),
                actions: [RuleAction(.notify, recipient: "supervisors", subject: "SLA violado: {{ticket.number}} {{ticket.subject}}", body: "O chamado {{ticket.number}} ({{department.name}}, prioridade {{ticket.priority}}) passou do prazo.\n\n{{ticket.url}}", channel: .both), RuleAction(.addTags, "sla_violado")]),
            Rule(
                kind: .timeRule, name: "Pendente há 3 dias úteis → lembrete", position: 10, isActive: false,
                conditions: RuleConditions(all: [RuleCondition(.status, .is, "pending"), RuleCondition(.businessHoursSinceUpdated, .greaterThan, "27")]),
                actions: [RuleAction(.notify, recipient: "requester", subject: "Ainda precisa de ajuda com {{ticket.subject}}?", body: "Olá, {{requester.first_name}}.\n\nAguardamos seu retorno no chamado {{ticket.number}}. Se não precisar mais de ajuda, não é preciso responder: ele será encerrado automaticamente em alguns dias.\n\nEquipe {{department.name}}")]),
            Rule(
                kind: .timeRule, name: "Pendente há 7 dias → resolver", position: 20, isActive: false,
                conditions: RuleConditions(all: [RuleCondition(.status, .is, "pending"), RuleCondition(.hoursSinceUpdated, .greaterThan, "168")]),
                actions: [RuleAction(.setStatus, "solved"), RuleAction(.addNote, body: "Resolvido automaticamente após 7 dias sem resposta do solicitante.")]),
            Rule(
                kind: .timeRule, name: "Resolvido há 4 dias → fechar", position: 30, isActive: false,
                conditions: RuleConditions(all: [RuleCondition(.status, .is, "solved"), RuleCondition(.hoursSinceSolved, .greaterThan, "96")]),
                actions: [RuleAction(.setStatus, "closed")]),
        ]
        let macros = [
            Macro(
                name: "Pedir print do erro", position: 10,
                text: "Olá, {{requester.first_name}}!\n\nPode nos enviar um print da tela com a mensagem de erro? Assim conseguimos avançar no chamado {{ticket.number}}.\n\n{{agent.name}}",
                actions: [RuleAction(.setStatus, "pending"), RuleAction(.addTags, "aguardando_print")]),
            Macro(
                name: "Resolvido — confirmar com o cliente", position: 20,
                text: "Olá, {{requester.first_name}}!\n\nConsideramos o chamado {{ticket.number}} resolvido. Se algo ainda não estiver certo, basta responder a esta mensagem que ele reabre.\n\n{{agent.name}}",
                actions: [RuleAction(.setStatus, "solved")]),
            Macro(
                name: "Encaminhar ao nível 2 (nota)", position: 30,
                text: "Analisado no nível 1: {{ticket.subject}}. Passos já feitos: …", messageKind: .note,
                actions: [RuleAction(.setPriority, "high")]),
        ]
        var documents: [AutomationDocument] = [.calendar(saoPaulo), .calendar(lisbon), .policy(internalPolicy), .policy(externalPolicy)]
        documents += rules.map(AutomationDocument.rule) + macros.map(AutomationDocument.macro)
        for department in departments {
            let strategy: AssignmentStrategy = department.name == "Customer Support" ? .roundRobin : .manual
            documents.append(.department(DepartmentAutomation(departmentID: department.id, calendarID: saoPaulo.id, assignment: strategy)))
        }
        return documents
    }
}
