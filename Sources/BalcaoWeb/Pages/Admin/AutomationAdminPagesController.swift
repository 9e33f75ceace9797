import BalcaoCore
import Foundation
import Vapor

/// `/agent/admin/automation`: the priority matrix, departments' calendar and assignment, business calendars, SLA
/// policies, rules (with a preview of the tickets they match) and macros. Admins and supervisors; every change goes
/// through `AutomationAdministration`, which checks the role and the values again.
struct AutomationAdminPagesController: RouteCollection {
    let services: BalcaoServices
    typealias Form = AutomationForms.Form

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin", "automation")
        admin.get(use: overview)
        admin.post("matrix", use: saveMatrix)
        admin.post("departments", ":departmentID", use: saveDepartment)
        admin.get("calendars", ":id", use: editCalendar)
        admin.post("calendars", ":id", use: saveCalendar)
        admin.post("calendars", ":id", "delete", use: deleteCalendar)
        admin.get("policies", ":id", use: editPolicy)
        admin.post("policies", ":id", use: savePolicy)
        admin.post("policies", ":id", "delete", use: deletePolicy)
        admin.get("rules", ":id", use: editRule)
        admin.post("rules", ":id", use: saveRule)
        admin.post("rules", ":id", "delete", use: deleteRule)
        admin.get("macros", ":id", use: editMacro)
        admin.post("macros", ":id", use: saveMacro)
        admin.post("macros", ":id", "delete", use: deleteMacro)
    }

    private var admin: AutomationAdministration { services.automationAdmin }

    // MARK: Overview, matrix, departments

    @Sendable func overview(req: Request) async throws -> Response {
        try await renderOverview(req, error: nil)
    }

    @Sendable func saveMatrix(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var matrix = PriorityMatrix.standard
        for impact in TriageLevel.allCases {
            for urgency in TriageLevel.allCases {
                if let priority = form["m_\(impact.rawValue)_\(urgency.rawValue)"].flatMap(TicketPriority.init) {
                    matrix.set(priority, impact: impact, urgency: urgency)
                }
            }
        }
        return try await attempt(req, back: "/agent/admin/automation") {
            try await admin.saveMatrix(matrix, by: try req.session.agent)
        } failed: { try await renderOverview(req, error: $0, matrix: matrix) }
    }

    @Sendable func saveDepartment(req: Request) async throws -> Response {
        guard let id = req.parameters.get("departmentID").flatMap(Department.ID.init) else { throw Abort(.notFound) }
        let form = try req.content.decode(Form.self)
        let setting = DepartmentAutomation(
            departmentID: id, calendarID: form["calendar"].flatMap(BusinessCalendar.ID.init),
            assignment: form["assignment"].flatMap(AssignmentStrategy.init) ?? .manual)
        return try await attempt(req, back: "/agent/admin/automation") {
            try await admin.saveDepartment(setting, by: try req.session.agent)
        } failed: { try await renderOverview(req, error: $0) }
    }

    private func renderOverview(_ req: Request, error: String?, matrix: PriorityMatrix? = nil) async throws -> Response {
        let (agent, l, layout) = try await frame(req, title: "automation")
        _ = agent
        let settings = try await admin.settings()
        let snapshot = try await req.directorySnapshot(services)
        let shown = matrix ?? settings.matrix
        let context = AutomationOverviewContext(
            layout: layout, error: error,
            matrix: TriageLevel.allCases.reversed().map { impact in
                .init(
                    label: l[impact.rawValue],
                    cells: TriageLevel.allCases.map { urgency in
                        let current = shown.priority(impact: impact, urgency: urgency)
                        return .init(
                            name: "m_\(impact.rawValue)_\(urgency.rawValue)",
                            options: TicketPriority.allCases.map {
                                SelectOption(value: $0.rawValue, label: l[$0.rawValue], selected: $0 == current)
                            })
                    })
            },
            urgencyLabels: TriageLevel.allCases.map { l[$0.rawValue] },
            departments: snapshot.departments.map { department in
                let setting = settings.department(department.id)
                return .init(
                    id: department.id.description, name: department.name,
                    calendars: [SelectOption(value: "", label: l["any_value"], selected: setting?.calendarID == nil)]
                        + settings.calendars.map {
                            SelectOption(value: $0.id.description, label: $0.name, selected: $0.id == setting?.calendarID)
                        },
                    assignments: AssignmentStrategy.allCases.map {
                        SelectOption(value: $0.rawValue, label: l[$0.rawValue], selected: $0 == (setting?.assignment ?? .manual))
                    })
            },
            calendars: settings.calendars.map {
                .init(id: $0.id.description, name: $0.name, detail: $0.timeZoneIdentifier, isActive: true)
            },
            policies: settings.policies.sorted { $0.order < $1.order }.map {
                .init(id: $0.id.description, name: $0.name, detail: "\(l["order"]) \($0.order)", isActive: true)
            },
            rules: RuleKind.allCases.map { kind in
                .init(
                    kind: kind.rawValue, label: l[kind.rawValue],
                    items: settings.rules.filter { $0.kind == kind }.sorted { $0.position < $1.position }.map {
                        .init(
                            id: $0.id.description, name: $0.name, detail: "\(l["position"]) \($0.position)",
                            isActive: $0.isActive)
                    })
            },
            macros: settings.macros.sorted { ($0.position, $0.name) < ($1.position, $1.name) }.map {
                .init(id: $0.id.description, name: $0.name, detail: l[$0.messageKind == .note ? "as_note" : "as_reply"], isActive: true)
            })
        return try await req.view.render("agent/admin-automation", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    // MARK: Calendars

    @Sendable func editCalendar(req: Request) async throws -> Response {
        let id = try documentID(req)
        let settings = try await admin.settings()
        let calendar = settings.calendars.first { $0.id.rawValue == id }
        if calendar == nil, !isNew(req) { throw Abort(.notFound) }
        var form = calendar.map(AutomationForms.values) ?? [
            "time_zone": "America/Sao_Paulo", "observes_optional": "on",
        ]
        if calendar == nil {
            for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] { form["hours_\(day.rawValue)"] = "09:00-18:00" }
        }
        return try await renderCalendar(req, id: id, form: form, error: nil)
    }

    @Sendable func saveCalendar(req: Request) async throws -> Response {
        let id = try documentID(req)
        var form = try req.content.decode(Form.self)
        // "Fill national holidays" adds the preset to the list and shows the form again, unsaved, to edit.
        if let country = form["preset"], ["BR", "PT"].contains(country) {
            let year = Int(form["preset_year"] ?? "") ?? Calendar(identifier: .gregorian).component(.year, from: services.clock.now)
            let preset = country == "PT" ? BusinessCalendar.holidaysPortugal(year: year) : BusinessCalendar.holidaysBrazil(year: year)
            let current = form["holidays"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            form["holidays"] = [current, AutomationForms.holidayLines(preset)].filter { !$0.isEmpty }.joined(separator: "\n")
            return try await renderCalendar(req, id: id, form: form, error: nil)
        }
        return try await attempt(req, back: "/agent/admin/automation") {
            let calendar = try AutomationForms.calendar(form, id: .init(rawValue: id))
            try await admin.saveCalendar(calendar, by: try req.session.agent)
        } failed: { try await renderCalendar(req, id: id, form: form, error: $0) }
    }

    @Sendable func deleteCalendar(req: Request) async throws -> Response {
        let id = try documentID(req)
        return try await attempt(req, back: "/agent/admin/automation") {
            try await admin.deleteCalendar(.init(rawValue: id), by: try req.session.agent)
        } failed: { try await renderOverview(req, error: $0) }
    }

    private func renderCalendar(_ req: Request, id: UUID, form: Form, error: String?) async throws -> Response {
        let (_, l, layout) = try await frame(req, title: "calendar")
        let context = CalendarPageContext(
            layout: layout, error: error, action: "/agent/admin/automation/calendars/\(id)", form: form,
            days: Weekday.allCases.map { .init(key: "hours_\($0.rawValue)", label: l[$0.rawValue], value: form["hours_\($0.rawValue)"] ?? "") },
            year: String(Calendar(identifier: .gregorian).component(.year, from: services.clock.now)))
        return try await req.view.render("agent/admin-calendar", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    // MARK: SLA policies

    @Sendable func editPolicy(req: Request) async throws -> Response {
        let id = try documentID(req)
        let policy = try await admin.settings().policies.first { $0.id.rawValue == id }
        if policy == nil, !isNew(req) { throw Abort(.notFound) }
        return try await renderPolicy(req, id: id, form: policy.map(AutomationForms.values) ?? ["order": "10", "warning": "80"], error: nil)
    }

    @Sendable func savePolicy(req: Request) async throws -> Response {
        let id = try documentID(req)
        let form = try req.content.decode(Form.self)
        return try await attempt(req, back: "/agent/admin/automation") {
            try await admin.savePolicy(try AutomationForms.policy(form, id: .init(rawValue: id)), by: try req.session.agent)
        } failed: { try await renderPolicy(req, id: id, form: form, error: $0) }
    }

    @Sendable func deletePolicy(req: Request) async throws -> Response {
        let id = try documentID(req)
        return try await attempt(req, back: "/agent/admin/automation") {
            try await admin.deletePolicy(.init(rawValue: id), by: try req.session.agent)
        } failed: { try await renderOverview(req, error: $0) }
    }

    private func renderPolicy(_ req: Request, id: UUID, form: Form, error: String?) async throws -> Response {
        let (_, l, layout) = try await frame(req, title: "sla_policies")
        let settings = try await admin.settings()
        let snapshot = try await req.directorySnapshot(services)
        func check(_ key: String, _ label: String) -> CheckOption { .init(name: key, label: label, checked: AutomationForms.isOn(form, key)) }
        let context = PolicyPageContext(
            layout: layout, error: error, action: "/agent/admin/automation/policies/\(id)", form: form,
            calendars: settings.calendars.map { SelectOption(value: $0.id.description, label: $0.name, selected: form["calendar"] == $0.id.description) },
            departments: snapshot.departments.map { check("dept_\($0.id)", $0.name) },
            priorities: TicketPriority.allCases.reversed().map { check("prio_\($0.rawValue)", l[$0.rawValue]) },
            types: TicketType.allCases.map { check("type_\($0.rawValue)", l[$0.rawValue]) },
            metrics: SLAMetric.allCases.map { l[$0.rawValue] },
            targets: TicketPriority.allCases.reversed().map { priority in
                .init(
                    label: l[priority.rawValue],
                    cells: SLAMetric.allCases.map {
                        let key = "t_\(priority.rawValue)_\($0.rawValue)"
                        return .init(name: key, value: form[key] ?? "")
                    })
            })
        return try await req.view.render("agent/admin-policy", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    // MARK: Rules

    @Sendable func editRule(req: Request) async throws -> Response {
        let id = try documentID(req)
        let rule = try await admin.settings().rules.first { $0.id.rawValue == id }
        if rule == nil, !isNew(req) { throw Abort(.notFound) }
        let kind = (try? req.query.get(String.self, at: "kind")).flatMap(RuleKind.init) ?? .trigger
        let form = rule.map(AutomationForms.values) ?? ["kind": kind.rawValue, "active": "on", "position": "10"]
        return try await renderRule(req, id: id, form: form, error: nil, preview: nil)
    }

    @Sendable func saveRule(req: Request) async throws -> Response {
        let id = try documentID(req)
        let form = try req.content.decode(Form.self)
        if form["preview"] != nil {
            do {
                let rule = try AutomationForms.rule(form, id: .init(rawValue: id))
                let matches = try await admin.preview(rule, by: try req.session.agent)
                return try await renderRule(req, id: id, form: form, error: nil, preview: matches)
            } catch let error where FormError.isUserError(error) {
                return try await renderRule(req, id: id, form: form, error: FormError.message(error), preview: nil)
            }
        }
        return try await attempt(req, back: "/agent/admin/automation") {
            try await admin.saveRule(try AutomationForms.rule(form, id: .init(rawValue: id)), by: try req.session.agent)
        } failed: { try await renderRule(req, id: id, form: form, error: $0, preview: nil) }
    }

    @Sendable func deleteRule(req: Request) async throws -> Response {
        let id = try documentID(req)
        return try await attempt(req, back: "/agent/admin/automation") {
            try await admin.deleteRule(.init(rawValue: id), by: try req.session.agent)
        } failed: { try await renderOverview(req, error: $0) }
    }

    private func renderRule(_ req: Request, id: UUID, form: Form, error: String?, preview: [Ticket]?) async throws -> Response {
        let (_, l, layout) = try await frame(req, title: "rule")
        let kind = form["kind"].flatMap(RuleKind.init) ?? .trigger
        let snapshot = try await req.directorySnapshot(services)
        let customKeys = Set(snapshot.departments.flatMap { $0.customFields.map(\.key) }).sorted()
        let fields = RuleField.allowed(in: kind).map(\.rawValue) + customKeys.map { "custom_fields.\($0)" }
        func conditionRows(_ group: String, count: Int) -> [ConditionRow] {
            (0..<count).map { index in
                let field = form["c_\(group)_field_\(index)"] ?? ""
                let op = form["c_\(group)_op_\(index)"] ?? ""
                return .init(
                    prefix: "c_\(group)", index: index,
                    fields: [SelectOption(value: "", label: "—", selected: field.isEmpty)]
                        + (fields.contains(field) || field.isEmpty ? fields : fields + [field]).map {
                            SelectOption(value: $0, label: $0, selected: $0 == field)
                        },
                    operators: RuleOperator.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == op) },
                    value: form["c_\(group)_value_\(index)"] ?? "")
            }
        }
        let rows = AutomationForms.conditionRows
        let context = RulePageContext(
            layout: layout, error: error, action: "/agent/admin/automation/rules/\(id)", form: form,
            kinds: RuleKind.allCases.map { SelectOption(value: $0.rawValue, label: l[$0.rawValue], selected: $0 == kind) },
            all: conditionRows("all", count: max(rows.all, AutomationForms.rowCount(form, prefix: "c_all_field_"))),
            any: conditionRows("any", count: max(rows.any, AutomationForms.rowCount(form, prefix: "c_any_field_"))),
            actions: actionRows(form, types: RuleAction.ActionType.allCases, l),
            references: references(snapshot),
            placeholders: Placeholders.names.map { "{{\($0)}}" },
            preview: preview.map { tickets in
                .init(
                    summary: l.format("preview_result", String(tickets.count)),
                    tickets: tickets.prefix(20).map { .init(number: $0.number.value, subject: $0.subject, url: "/agent/tickets/\($0.number.value)") })
            })
        return try await req.view.render("agent/admin-rule", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    private func actionRows(_ form: Form, types: [RuleAction.ActionType], _ l: Localizer) -> [ActionRow] {
        (0..<AutomationForms.actionRows).map { index in
            let type = form["a_type_\(index)"] ?? ""
            let channel = form["a_channel_\(index)"].flatMap(NotifyChannel.init) ?? .email
            return .init(
                index: index,
                types: [SelectOption(value: "", label: "—", selected: type.isEmpty)]
                    + types.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == type) },
                value: form["a_value_\(index)"] ?? "", field: form["a_field_\(index)"] ?? "",
                recipient: form["a_recipient_\(index)"] ?? "", subject: form["a_subject_\(index)"] ?? "",
                body: form["a_body_\(index)"] ?? "",
                channels: NotifyChannel.allCases.map {
                    SelectOption(value: $0.rawValue, label: l["channel_\($0.rawValue)"], selected: $0 == channel)
                })
        }
    }

    /// Departments and agents with their ids, for the values rules name them by.
    private func references(_ snapshot: DirectorySnapshot) -> [Reference] {
        snapshot.departments.map { Reference(kind: "department", name: $0.name, id: $0.id.description) }
            + snapshot.agents.filter(\.isActive).map { Reference(kind: "agent", name: $0.name, id: $0.id.description) }
    }

    // MARK: Macros

    @Sendable func editMacro(req: Request) async throws -> Response {
        let id = try documentID(req)
        let macro = try await admin.settings().macros.first { $0.id.rawValue == id }
        if macro == nil, !isNew(req) { throw Abort(.notFound) }
        return try await renderMacro(req, id: id, form: macro.map(AutomationForms.values) ?? ["message_kind": "reply"], error: nil)
    }

    @Sendable func saveMacro(req: Request) async throws -> Response {
        let id = try documentID(req)
        let form = try req.content.decode(Form.self)
        return try await attempt(req, back: "/agent/admin/automation") {
            try await admin.saveMacro(try AutomationForms.macro(form, id: .init(rawValue: id)), by: try req.session.agent)
        } failed: { try await renderMacro(req, id: id, form: form, error: $0) }
    }

    @Sendable func deleteMacro(req: Request) async throws -> Response {
        let id = try documentID(req)
        return try await attempt(req, back: "/agent/admin/automation") {
            try await admin.deleteMacro(.init(rawValue: id), by: try req.session.agent)
        } failed: { try await renderOverview(req, error: $0) }
    }

    private func renderMacro(_ req: Request, id: UUID, form: Form, error: String?) async throws -> Response {
        let (_, l, layout) = try await frame(req, title: "macros")
        let snapshot = try await req.directorySnapshot(services)
        let context = MacroPageContext(
            layout: layout, error: error, action: "/agent/admin/automation/macros/\(id)", form: form,
            departments: snapshot.departments.map {
                CheckOption(name: "dept_\($0.id)", label: $0.name, checked: AutomationForms.isOn(form, "dept_\($0.id)"))
            },
            kinds: [("reply", "as_reply"), ("note", "as_note")].map {
                SelectOption(value: $0.0, label: l[$0.1], selected: (form["message_kind"] ?? "reply") == $0.0)
            },
            actions: actionRows(form, types: RuleAction.ActionType.allCases.filter { Macro.fieldActionTypes.contains($0) }, l),
            references: references(snapshot), placeholders: Placeholders.names.map { "{{\($0)}}" })
        return try await req.view.render("agent/admin-macro", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    // MARK: Helpers

    /// Admins and supervisors only, checked before anything is read.
    private func frame(_ req: Request, title: String) async throws -> (Agent, Localizer, LayoutContext) {
        let agent = try req.session.agent
        try AutomationAdministration.requireManager(agent)
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: agent)
        return (agent, l, try await frame.layout(for: req, l, title: l[title]))
    }

    /// The document id in the path; `new` makes a fresh one (the form posts back to it).
    private func documentID(_ req: Request) throws -> UUID {
        let raw = try req.parameters.require("id")
        if raw == "new" { return UUID() }
        guard let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }

    private func isNew(_ req: Request) -> Bool { req.parameters.get("id") == "new" }

    /// Runs a change; success goes back to `back`, a refusal renders `failed` with the reason.
    private func attempt(
        _ req: Request, back: String, _ change: () async throws -> Void,
        failed: (String) async throws -> Response
    ) async throws -> Response {
        do {
            try await change()
            return req.redirect(to: back + "?flash=saved")
        } catch let error where FormError.isUserError(error) {
            return try await failed(FormError.message(error))
        }
    }
}
