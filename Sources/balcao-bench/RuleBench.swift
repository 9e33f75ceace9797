import BalcaoCore
import BalcaoWeb
import Foundation

/// What triage costs per ticket: the rules engine alone over synthetic tickets, and opening a ticket through the
/// ticket service without and with the rules (routing, matrix, assignment, SLA) on the bench database.
enum RuleBench {
    struct Result {
        let engine: Samples
        let openPlain: Samples
        let openTriaged: Samples
    }

    static let words = [
        "senha", "impressora", "boleto", "férias", "VPN", "entrega", "reembolso", "acesso", "nota fiscal", "holerite",
        "monitor", "teclado", "contrato", "fatura", "atraso", "pedido", "troca", "garantia", "cadastro", "login",
    ]

    /// `count` routing rules like a real desk's: keywords in subject or message, requester kind, receiving address.
    static func rules(_ count: Int, departments: [Department]) -> [Rule] {
        (0..<count).map { index in
            let word = words[index % words.count]
            let department = departments[index % departments.count]
            return Rule(
                kind: .routing, name: "Regra \(index)", position: index,
                conditions: RuleConditions(
                    all: [RuleCondition(.requesterKind, .is, index % 3 == 0 ? "employee" : "customer, employee")],
                    any: [
                        RuleCondition(.subject, .contains, "\(word) \(index), \(word)-\(index)"),
                        RuleCondition(.message, .contains, "\(word) urgente \(index)"),
                        RuleCondition(.receivingAddress, .is, "caixa\(index)@bench.example"),
                    ]),
                actions: [
                    RuleAction(.setDepartment, department.id.description), RuleAction(.addTags, "regra\(index)"),
                    RuleAction(.setPriority, index % 4 == 0 ? "high" : "normal"),
                ])
        }
    }

    static func measure(_ services: BalcaoServices, rules count: Int, samples: Int = 300) async throws -> Result {
        let departments = try await services.directory.departments(.everything)
        let rules = rules(count, departments: departments)
        let requester = try await services.directory.contacts(.everything).first!
        var engine = Samples()
        for index in 0..<2_000 {
            let word = words[index % words.count]
            let ticket = Ticket(
                number: TicketNumber(index + 1), subject: "Problema com \(word) \(index % count) no escritório",
                channel: .email, requesterID: requester.id, createdAt: Date())
            let facts = RuleFacts(
                ticket: ticket, requesterKind: .customer, receivingAddress: "suporte@bench.example",
                messageText: "Olá, desde ontem o \(word) não funciona. Já reiniciei e nada mudou. Obrigado!",
                events: [.created], now: Date())
            let start = DispatchTime.now().uptimeNanoseconds
            _ = RuleEngine.run(rules, on: facts)
            engine.add(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }

        func open(_ label: String) async throws -> Samples {
            var timings = Samples()
            for index in 0..<samples {
                let word = words[index % words.count]
                let command = OpenTicket(
                    subject: "\(label): \(word) \(index % count) parou", body: MessageBody(text: "Não funciona desde ontem."),
                    requester: .id(requester.id), channel: .email, receivingAddress: "suporte@bench.example")
                timings.add(try await milliseconds { _ = try await services.tickets.open(command, by: .system) })
            }
            return timings
        }
        let plain = try await open("sem regras")
        let calendar = BusinessCalendar(
            name: "Bench", timeZoneIdentifier: "America/Sao_Paulo",
            weeklyHours: .weekdays([WorkingInterval(TimeOfDay(9), TimeOfDay(18))]),
            holidays: BusinessCalendar.holidaysBrazil(year: 2026))
        try await services.automation.save(.calendar(calendar))
        var targets = SLAPriorityTargets()
        for priority in TicketPriority.allCases {
            targets[priority] = SLATargets(firstResponse: 4 * 3600, nextResponse: 8 * 3600, resolution: 24 * 3600)
        }
        try await services.automation.save(.policy(SLAPolicy(name: "Bench", calendarID: calendar.id, targets: targets)))
        for rule in rules { try await services.automation.save(.rule(rule)) }
        for department in departments {
            try await services.automation.save(
                .department(DepartmentAutomation(departmentID: department.id, calendarID: calendar.id, assignment: .roundRobin)))
        }
        let triaged = try await open("com regras")
        for rule in rules { _ = try await services.automation.delete(.rule, id: rule.id.rawValue) }
        return Result(engine: engine, openPlain: plain, openTriaged: triaged)
    }
}
