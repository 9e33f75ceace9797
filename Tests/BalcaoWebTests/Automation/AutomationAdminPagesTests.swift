import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Triage and automation pages")
struct AutomationAdminPagesTests {
    static let password = "senha-muito-segura"

    /// The admin signed in, with the CSRF token printed on the automation page.
    static func signedIn(_ app: TestApp) async throws -> (PageSession, String) {
        let browser = PageSession(app)
        try await browser.signIn(email: "ana@balcao.example", password: Self.password)
        let page = try await browser.get("/agent/admin/automation")
        return (browser, try #require(PageSession.csrf(in: page.text)))
    }

    /// The calendar form as a browser posts it: Monday to Friday with `hours`, weekends closed.
    static func calendarForm(name: String, hours: String = "09:00-12:00, 13:00-18:00", holidays: String = "")
        -> [(String, String)]
    {
        [
            ("name", name), ("time_zone", "America/Sao_Paulo"), ("hours_monday", hours), ("hours_tuesday", hours),
            ("hours_wednesday", hours), ("hours_thursday", hours), ("hours_friday", hours), ("hours_saturday", ""),
            ("hours_sunday", ""), ("holidays", holidays), ("observes_optional", "on"), ("preset_year", "2026"),
        ]
    }

    /// The rule form as a browser posts it: one condition row and one action row filled, blank rows after them.
    static func ruleForm(
        name: String, kind: String = "routing", field: String = "subject", op: String = "contains",
        value: String = "boleto, fatura"
    ) -> [(String, String)] {
        [
            ("name", name), ("kind", kind), ("position", "10"), ("active", "on"),
            ("c_all_field_0", field), ("c_all_op_0", op), ("c_all_value_0", value),
            ("c_all_field_1", ""), ("c_all_op_1", "is"), ("c_all_value_1", ""),
            ("c_any_field_0", ""), ("c_any_op_0", "is"), ("c_any_value_0", ""),
            ("a_type_0", "set_priority"), ("a_value_0", "high"), ("a_field_0", ""), ("a_recipient_0", ""),
            ("a_channel_0", "email"), ("a_subject_0", ""), ("a_body_0", ""),
            ("a_type_1", ""), ("a_value_1", ""), ("a_field_1", ""), ("a_recipient_1", ""), ("a_channel_1", "email"),
            ("a_subject_1", ""), ("a_body_1", ""),
        ]
    }

    /// The id in the first `action="/agent/admin/automation/calendars/<id>"` of a page (the calendar form's own).
    static func calendarAction(in html: String) -> String? {
        let marker = "action=\"/agent/admin/automation/calendars/"
        guard let start = html.range(of: marker) else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    // MARK: Overview and matrix

    @Test("The automation page renders the matrix form; saving it changes the matrix, a backwards one is shown again (422)")
    func overviewAndMatrix() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)
            let page = try await browser.get("/agent/admin/automation")
            let levels = ["low", "medium", "high"]
            let steeper = [["low", "normal", "high"], ["normal", "high", "urgent"], ["high", "urgent", "urgent"]]
            var cells: [(String, String)] = []
            for (impactIndex, impact) in levels.enumerated() {
                for (urgencyIndex, urgency) in levels.enumerated() {
                    cells.append(("m_\(impact)_\(urgency)", steeper[impactIndex][urgencyIndex]))
                }
            }

            let saved = try await browser.post("/agent/admin/automation/matrix", cells, csrf: csrf)
            let matrix = try await app.get("/api/v1/triage/matrix").json(PriorityMatrix.self)
            let backwards = try await browser.post("/agent/admin/automation/matrix", [("m_high_high", "low")], csrf: csrf)
            let after = try await app.get("/api/v1/triage/matrix").json(PriorityMatrix.self)

            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"matrix-form\""))
            #expect(page.text.contains("action=\"/agent/admin/automation/matrix\""))
            for impact in levels {
                for urgency in levels { #expect(page.text.contains("name=\"m_\(impact)_\(urgency)\"")) }
            }
            #expect(page.text.contains("id=\"new-calendar\"") && page.text.contains("id=\"new-macro\""))
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/agent/admin/automation?flash=saved")
            #expect(matrix.cells == [[.low, .normal, .high], [.normal, .high, .urgent], [.high, .urgent, .urgent]])
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.text.contains("id=\"form-error\""))
            #expect(backwards.text.contains("cells.high.medium"))
            #expect(after == matrix)
        }
    }

    // MARK: Calendars

    @Test("A calendar saved through the form is listed, kept as typed and shown again for editing")
    func calendarThroughForm() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)
            let newForm = try await browser.get("/agent/admin/automation/calendars/new")
            let holidays = "2026-01-25 Aniversário de São Paulo\n2026-07-09 Revolução Constitucionalista\n2026-02-16 Carnaval (facultativo)"
            let saved = try await browser.post(
                "/agent/admin/automation/calendars/new", Self.calendarForm(name: "Horario comercial SP", holidays: holidays),
                csrf: csrf)
            let overview = try await browser.get("/agent/admin/automation")
            let calendars = try await app.get("/api/v1/calendars").json(AutomationAPITests.Listed<BusinessCalendar>.self).data
            let calendar = try #require(calendars.first)
            let edit = try await browser.get("/agent/admin/automation/calendars/\(calendar.id)")
            let missing = try await browser.get("/agent/admin/automation/calendars/\(UUID())")

            #expect(newForm.status == .ok)
            #expect(newForm.text.contains("id=\"calendar-form\""))
            #expect(newForm.text.contains("value=\"09:00-18:00\""))
            #expect(saved.status == .seeOther && saved.location == "/agent/admin/automation?flash=saved")
            #expect(overview.text.contains("Horario comercial SP"))
            #expect(overview.text.contains("href=\"/agent/admin/automation/calendars/\(calendar.id)\""))
            #expect(calendars.count == 1)
            #expect(calendar.name == "Horario comercial SP" && calendar.timeZoneIdentifier == "America/Sao_Paulo")
            #expect(
                calendar.weeklyHours.monday
                    == [WorkingInterval(TimeOfDay(9), TimeOfDay(12)), WorkingInterval(TimeOfDay(13), TimeOfDay(18))])
            #expect(calendar.weeklyHours.friday == calendar.weeklyHours.monday)
            #expect(calendar.weeklyHours.saturday.isEmpty && calendar.weeklyHours.sunday.isEmpty)
            #expect(calendar.holidays.count == 3)
            #expect(calendar.holidays.contains(Holiday(LocalDate(year: 2026, month: 2, day: 16), "Carnaval", isOptional: true)))
            #expect(calendar.holidays.contains(Holiday(LocalDate(year: 2026, month: 7, day: 9), "Revolução Constitucionalista")))
            #expect(calendar.observesOptionalHolidays)
            #expect(edit.status == .ok)
            #expect(edit.text.contains("value=\"09:00-12:00, 13:00-18:00\""))
            #expect(edit.text.contains("value=\"Horario comercial SP\""))
            #expect(missing.status == .notFound)
        }
    }

    @Test("The holiday preset button adds the country's holidays to the form, keeps what was typed, and saves nothing")
    func holidayPreset() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)
            let form = Self.calendarForm(name: "Brasil", holidays: "2026-07-09 Revolucao Constitucionalista") + [("preset", "BR")]

            let brazil = try await browser.post("/agent/admin/automation/calendars/new", form, csrf: csrf)
            let portugal = try await browser.post(
                "/agent/admin/automation/calendars/new", Self.calendarForm(name: "Portugal") + [("preset", "PT")], csrf: csrf)
            let unsaved = try await app.get("/api/v1/calendars").json(AutomationAPITests.Listed<BusinessCalendar>.self).data

            #expect(brazil.status == .ok)
            #expect(brazil.text.contains("id=\"calendar-form\""))
            #expect(brazil.text.contains("value=\"Brasil\""))
            #expect(brazil.text.contains("2026-07-09 Revolucao Constitucionalista"))
            #expect(brazil.text.contains("2026-04-21 Tiradentes"))
            #expect(brazil.text.contains("2026-04-03 Sexta-feira Santa"))
            #expect(brazil.text.contains("2026-06-04 Corpus Christi (optional)"))
            #expect(brazil.text.contains("2026-12-25 Natal"))
            #expect(!brazil.text.contains("id=\"form-error\""))
            #expect(portugal.status == .ok)
            #expect(portugal.text.contains("2026-04-25 Dia da Liberdade"))
            #expect(portugal.text.contains("2026-02-17 Carnaval (optional)"))
            #expect(!portugal.text.contains("Tiradentes"))
            #expect(unsaved.isEmpty)

            // The re-rendered form posts back to its own id; saving it from there creates the calendar under that id.
            let id = try #require(Self.calendarAction(in: brazil.text))
            let saved = try await browser.post(
                "/agent/admin/automation/calendars/\(id)",
                Self.calendarForm(name: "Brasil", holidays: "2026-04-21 Tiradentes"), csrf: csrf)
            let fetched = try await app.get("/api/v1/calendars/\(id)")
            #expect(saved.status == .seeOther)
            #expect(fetched.status == .ok)
            #expect(try fetched.json(BusinessCalendar.self).holidays == [Holiday(LocalDate(year: 2026, month: 4, day: 21), "Tiradentes")])
        }
    }

    @Test("A bad hours or holiday line re-renders the calendar form (422) with the problem and what was typed")
    func badCalendarForm() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)

            let badHours = try await browser.post(
                "/agent/admin/automation/calendars/new", Self.calendarForm(name: "Quebrado", hours: "9h-18h"), csrf: csrf)
            let inverted = try await browser.post(
                "/agent/admin/automation/calendars/new", Self.calendarForm(name: "Invertido", hours: "18:00-09:00"), csrf: csrf)
            let badHoliday = try await browser.post(
                "/agent/admin/automation/calendars/new", Self.calendarForm(name: "Feriado", holidays: "25/12 Natal"), csrf: csrf)
            let calendars = try await app.get("/api/v1/calendars").json(AutomationAPITests.Listed<BusinessCalendar>.self).data

            #expect(badHours.status == .unprocessableEntity)
            #expect(badHours.text.contains("id=\"form-error\""))
            #expect(badHours.text.contains("hours_monday"))
            #expect(badHours.text.contains("value=\"9h-18h\""))
            #expect(badHours.text.contains("value=\"Quebrado\""))
            #expect(inverted.status == .unprocessableEntity)
            #expect(inverted.text.contains("weeklyHours.monday[0]"))
            #expect(badHoliday.status == .unprocessableEntity)
            #expect(badHoliday.text.contains("holidays"))
            #expect(badHoliday.text.contains("25/12 Natal"))
            #expect(calendars.isEmpty)
        }
    }

    // MARK: SLA policies

    @Test("An SLA policy saved through the form takes its targets in hours; without a calendar it is refused (422)")
    func policyThroughForm() async throws {
        try await TestApp.run(.sqlite) { app in
            let calendar = try await AutomationAPITests.createCalendar(app)
            let (browser, csrf) = try await Self.signedIn(app)
            let newForm = try await browser.get("/agent/admin/automation/policies/new")
            let form: [(String, String)] = [
                ("name", "Urgentes"), ("order", "5"), ("calendar", calendar.id.description), ("warning", "75"),
                ("org_ids", ""), ("prio_urgent", "on"), ("t_urgent_first_response", "1"), ("t_urgent_resolution", "4,5"),
                ("t_high_first_response", ""),
            ]
            let saved = try await browser.post("/agent/admin/automation/policies/new", form, csrf: csrf)
            let noCalendar = try await browser.post(
                "/agent/admin/automation/policies/new", form.filter { $0.0 != "calendar" }, csrf: csrf)
            let policies = try await app.get("/api/v1/sla-policies").json(AutomationAPITests.Listed<SLAPolicy>.self).data
            let policy = try #require(policies.first)

            #expect(newForm.status == .ok)
            #expect(newForm.text.contains("name=\"t_urgent_first_response\""))
            #expect(newForm.text.contains(calendar.id.description))
            #expect(saved.status == .seeOther)
            #expect(policies.count == 1)
            #expect(policy.name == "Urgentes" && policy.order == 5 && policy.calendarID == calendar.id)
            #expect(policy.warningThreshold == 0.75)
            #expect(policy.conditions.priorities == [.urgent])
            #expect(policy.targets.urgent.firstResponse == 3600 && policy.targets.urgent.resolution == 16200)
            #expect(policy.targets.high.firstResponse == nil)
            #expect(noCalendar.status == .unprocessableEntity)
            #expect(noCalendar.text.contains("id=\"form-error\""))
        }
    }

    // MARK: Rules

    @Test("A rule saved through the form (one condition row, one action row) is stored and routes new tickets")
    func ruleThroughForm() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)
            let newPage = try await browser.get("/agent/admin/automation/rules/new?kind=routing")
            let saved = try await browser.post(
                "/agent/admin/automation/rules/new", Self.ruleForm(name: "Boletos com prioridade"), csrf: csrf)
            let rules = try await app.get("/api/v1/rules").json(AutomationAPITests.Listed<Rule>.self).data
            let rule = try #require(rules.first)
            let overview = try await browser.get("/agent/admin/automation")
            let edit = try await browser.get("/agent/admin/automation/rules/\(rule.id)")
            let ticket = try await AutomationAPITests.openTicket(app, "Boleto vencido")
            let other = try await AutomationAPITests.openTicket(app, "Impressora quebrada")

            #expect(newPage.status == .ok)
            #expect(newPage.text.contains("id=\"rule-form\""))
            #expect(newPage.text.contains("<option value=\"routing\" selected>"))
            #expect(newPage.text.contains("name=\"c_all_field_0\"") && newPage.text.contains("name=\"a_type_0\""))
            #expect(saved.status == .seeOther && saved.location == "/agent/admin/automation?flash=saved")
            #expect(rules.count == 1)
            #expect(rule.kind == .routing && rule.name == "Boletos com prioridade" && rule.position == 10 && rule.isActive)
            #expect(rule.conditions.all == [RuleCondition(.subject, .contains, "boleto, fatura")])
            #expect(rule.conditions.any.isEmpty)
            #expect(rule.actions.map(\.type) == [.setPriority])
            #expect(rule.actions.first?.value == "high")
            #expect(overview.text.contains("Boletos com prioridade"))
            #expect(edit.status == .ok)
            #expect(edit.text.contains("value=\"boleto, fatura\""))
            #expect(ticket.priority == .high)
            #expect(other.priority == .normal)
        }
    }

    @Test("A rule the domain refuses is shown again (422) with the field named and nothing saved")
    func invalidRuleForm() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)

            let reply = try await browser.post(
                "/agent/admin/automation/rules/new",
                Self.ruleForm(name: "Antigos", field: "hours_since_created", op: "greater_than", value: "48"), csrf: csrf)
            let rules = try await app.get("/api/v1/rules").json(AutomationAPITests.Listed<Rule>.self).data

            #expect(reply.status == .unprocessableEntity)
            #expect(reply.text.contains("id=\"form-error\""))
            #expect(reply.text.contains("conditions.all[0].field"))
            #expect(reply.text.contains("value=\"Antigos\""))
            #expect(rules.isEmpty)
        }
    }

    @Test("The rule form's preview button lists the tickets the rule matches now and saves nothing")
    func rulePreview() async throws {
        try await TestApp.run(.sqlite) { app in
            let boleto = try await AutomationAPITests.openTicket(app, "Boleto em atraso")
            let printer = try await AutomationAPITests.openTicket(app, "Impressora quebrada")
            let (browser, csrf) = try await Self.signedIn(app)

            let reply = try await browser.post(
                "/agent/admin/automation/rules/new", Self.ruleForm(name: "Teste de boletos") + [("preview", "1")], csrf: csrf)
            let rules = try await app.get("/api/v1/rules").json(AutomationAPITests.Listed<Rule>.self).data

            #expect(reply.status == .ok)
            #expect(reply.text.contains("id=\"rule-preview\""))
            #expect(reply.text.contains("href=\"/agent/tickets/\(boleto.number)\""))
            #expect(!reply.text.contains("href=\"/agent/tickets/\(printer.number)\""))
            #expect(reply.text.contains("value=\"Teste de boletos\""))
            #expect(reply.text.contains("value=\"boleto, fatura\""))
            #expect(rules.isEmpty)
        }
    }

    // MARK: Permissions

    @Test("Plain agents cannot open or change the automation admin (403); supervisors can")
    func managersOnly() async throws {
        try await TestApp.run(.sqlite) { app in
            _ = try await app.post(
                "/api/v1/agents",
                ["name": "Bruno", "email": "bruno@acme.example", "role": "agent", "password": "senha-do-bruno-1"] as JSON)
            _ = try await app.post(
                "/api/v1/agents",
                ["name": "Sara", "email": "sara@acme.example", "role": "supervisor", "password": "senha-da-sara-1"] as JSON)
            let agent = PageSession(app)
            try await agent.signIn(email: "bruno@acme.example", password: "senha-do-bruno-1")
            let csrf = try #require(PageSession.csrf(in: try await agent.get("/agent/queues/mine").text))

            let overview = try await agent.get("/agent/admin/automation")
            let newRule = try await agent.get("/agent/admin/automation/rules/new")
            let post = try await agent.post(
                "/agent/admin/automation/calendars/new", Self.calendarForm(name: "Do Bruno"), csrf: csrf)
            let supervisor = PageSession(app)
            try await supervisor.signIn(email: "sara@acme.example", password: "senha-da-sara-1")
            let supervisorPage = try await supervisor.get("/agent/admin/automation")
            let calendars = try await app.get("/api/v1/calendars").json(AutomationAPITests.Listed<BusinessCalendar>.self).data

            #expect(overview.status == .forbidden)
            #expect(newRule.status == .forbidden)
            #expect(post.status == .forbidden)
            #expect(calendars.isEmpty)
            #expect(supervisorPage.status == .ok && supervisorPage.text.contains("id=\"matrix-form\""))
        }
    }

    // MARK: Ticket page and queue

    @Test("A ticket under an SLA policy shows the SLA panel and a running badge in the queue; one without shows none")
    func slaOnPages() async throws {
        try await TestApp.run(.sqlite) { app in
            let uncovered = try await AutomationAPITests.openTicket(app, "Antes da política")
            let calendar = try await AutomationAPITests.createCalendar(app)
            _ = try await AutomationAPITests.createPolicy(app, calendar: calendar, name: "Contrato Ouro")
            let covered = try await AutomationAPITests.openTicket(app, "Depois da política", extra: ["priority": "urgent"])
            let browser = PageSession(app)
            try await browser.signIn(email: "ana@balcao.example", password: Self.password)

            let page = try await browser.get("/agent/tickets/\(covered.number)")
            let plain = try await browser.get("/agent/tickets/\(uncovered.number)")
            let queue = try await browser.get("/agent/queues/all")
            let row = try await browser.get("/agent/tickets/\(covered.number)/row")

            #expect(covered.sla?.policyId != nil && uncovered.sla?.policyId == nil)
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"sla-panel\""))
            #expect(page.text.contains("Contrato Ouro"))
            #expect(page.text.contains("class=\"sla-badge sla-running\""))
            #expect(plain.status == .ok && !plain.text.contains("id=\"sla-panel\""))
            #expect(queue.status == .ok)
            #expect(queue.text.contains("class=\"sla-badge sla-running\""))
            #expect(queue.text.contains("class=\"sla-badge sla-none\""))
            #expect(row.text.contains("class=\"sla-badge sla-running\""))
        }
    }

    @Test("Applying a macro from the ticket page changes the ticket; macros of other departments are not offered")
    func macroFromTicketPage() async throws {
        try await TestApp.run(.sqlite) { app in
            let hr = try await app.post("/api/v1/departments", ["name": "RH", "kind": "internal"] as JSON).json(DepartmentDTO.self)
            let macroBody: JSON = [
                "name": "Aguardar retorno", "text": "Olá {{requester.first_name}}, aguardamos o seu retorno.",
                "actions": [["type": "set_status", "value": "pending"], ["type": "add_tags", "value": "aguardando"]],
            ]
            let macro = try await app.post("/api/v1/macros", macroBody).json(Macro.self)
            _ = try await app.post(
                "/api/v1/macros",
                ["name": "Somente RH", "departmentIds": [.string(hr.id.uuidString)],
                 "actions": [["type": "set_priority", "value": "low"]]] as JSON)
            let ticket = try await AutomationAPITests.openTicket(app, "Acesso ao sistema")
            let browser = PageSession(app)
            try await browser.signIn(email: "ana@balcao.example", password: Self.password)
            let page = try await browser.get("/agent/tickets/\(ticket.number)")
            let csrf = try #require(PageSession.csrf(in: page.text))

            let applied = try await browser.post("/agent/tickets/\(ticket.number)/macro", [("macro", macro.id.description)], csrf: csrf)
            let after = try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self)
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data
            let noChoice = try await browser.post("/agent/tickets/\(ticket.number)/macro", [("macro", "")], csrf: csrf)
            let forged = try await browser.post("/agent/tickets/\(ticket.number)/macro", [("macro", macro.id.description)])

            #expect(page.text.contains("id=\"macro-form\""))
            #expect(page.text.contains("action=\"/agent/tickets/\(ticket.number)/macro\""))
            #expect(page.text.contains("<option value=\"\(macro.id)\">Aguardar retorno</option>"))
            #expect(!page.text.contains("Somente RH"))
            #expect(applied.status == .seeOther)
            #expect(applied.location == "/agent/tickets/\(ticket.number)?flash=macro_applied")
            #expect(after.status == .pending)
            #expect(after.tags == ["aguardando"])
            #expect(messages.count == 2)
            #expect(messages.last?.kind == .reply)
            #expect(messages.last?.author.id == app.admin.id.rawValue)
            #expect(messages.last?.text.contains("Olá Joana, aguardamos o seu retorno.") == true)
            #expect(noChoice.status == .unprocessableEntity)
            #expect(noChoice.text.contains("macro: choose a macro"))
            #expect(forged.status == .forbidden)
        }
    }

    @Test("Rating impact and urgency in the ticket's fields form sets the priority from the matrix")
    func impactAndUrgencyForm() async throws {
        try await TestApp.run(.sqlite) { app in
            let ticket = try await AutomationAPITests.openTicket(app, "Sistema lento")
            let browser = PageSession(app)
            try await browser.signIn(email: "ana@balcao.example", password: Self.password)
            let page = try await browser.get("/agent/tickets/\(ticket.number)")
            let csrf = try #require(PageSession.csrf(in: page.text))
            // Everything the fields form holds, as a browser sends it: the priority select still on its value.
            func fields(impact: String, urgency: String) -> [(String, String)] {
                [
                    ("status", ticket.status.rawValue), ("priority", ticket.priority.rawValue),
                    ("type", ticket.type.rawValue), ("impact", impact), ("urgency", urgency), ("department", ""),
                    ("assignee", ""), ("category", ""), ("tags", ""),
                ]
            }

            let rated = try await browser.post("/agent/tickets/\(ticket.number)/fields", fields(impact: "high", urgency: "medium"), csrf: csrf)
            let afterRating = try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self)
            let unrated = try await browser.post("/agent/tickets/\(ticket.number)/fields",
                fields(impact: "", urgency: "medium").map { $0.0 == "priority" ? ($0.0, "high") : $0 }, csrf: csrf)
            let afterClearing = try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self)

            #expect(page.text.contains("name=\"impact\"") && page.text.contains("name=\"urgency\""))
            #expect(ticket.priority == .normal && ticket.impact == nil)
            #expect(rated.status == .seeOther)
            #expect(afterRating.impact == .high && afterRating.urgency == .medium)
            #expect(afterRating.priority == .high)
            #expect(unrated.status == .seeOther)
            #expect(afterClearing.impact == nil && afterClearing.urgency == .medium)
            #expect(afterClearing.priority == .high)
        }
    }
}
