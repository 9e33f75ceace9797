import BalcaoCore
import Foundation

/// Form fields ⇄ domain values for the automation admin pages. Forms post flat `[String: String]` (a checkbox
/// group is one name per choice, `dept_<id>`), so a refused form re-renders exactly what was typed. Parsing only
/// reads the text; the rules a value must obey live in the domain (`validate()`), which the admin service runs.
enum AutomationForms {
    typealias Form = [String: String]

    static func text(_ form: Form, _ key: String) -> String { (form[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    static func isOn(_ form: Form, _ key: String) -> Bool { ["on", "true", "1"].contains(form[key] ?? "") }
    static func int(_ form: Form, _ key: String) -> Int { Int(text(form, key)) ?? 0 }

    // MARK: Calendar

    static func values(_ calendar: BusinessCalendar) -> Form {
        var form: Form = ["name": calendar.name, "time_zone": calendar.timeZoneIdentifier]
        for day in Weekday.allCases {
            form["hours_\(day.rawValue)"] = calendar.weeklyHours[day].map(\.description)
                .joined(separator: ", ").replacingOccurrences(of: "–", with: "-")
        }
        form["holidays"] = holidayLines(calendar.holidays)
        if calendar.observesOptionalHolidays { form["observes_optional"] = "on" }
        return form
    }

    static func holidayLines(_ holidays: [Holiday]) -> String {
        holidays.sorted { $0.date < $1.date }
            .map { "\($0.date) \($0.name)\($0.isOptional ? " (optional)" : "")" }.joined(separator: "\n")
    }

    static func calendar(_ form: Form, id: BusinessCalendar.ID) throws(ValidationError) -> BusinessCalendar {
        var issues = ValidationCollector()
        var hours: [Weekday: [WorkingInterval]] = [:]
        for day in Weekday.allCases {
            let key = "hours_\(day.rawValue)"
            var intervals: [WorkingInterval] = []
            for part in text(form, key).split(separator: ",") {
                let bounds = part.split(whereSeparator: { $0 == "-" || $0 == "–" })
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard bounds.count == 2, let start = TimeOfDay(bounds[0]), let end = TimeOfDay(bounds[1]) else {
                    issues.add(key, "write hours as 09:00-18:00, several separated by commas")
                    continue
                }
                intervals.append(WorkingInterval(start, end))
            }
            hours[day] = intervals
        }
        var holidays: [Holiday] = []
        for line in text(form, "holidays").split(whereSeparator: \.isNewline) {
            var words = line.trimmingCharacters(in: .whitespaces)
            guard !words.isEmpty else { continue }
            let optional = ["(optional)", "(opcional)", "(facultativo)"].contains { words.lowercased().hasSuffix($0) }
            if optional, let open = words.lastIndex(of: "(") { words = words[..<open].trimmingCharacters(in: .whitespaces) }
            let parts = words.split(separator: " ", maxSplits: 1).map(String.init)
            guard let date = parts.first.flatMap(LocalDate.init), parts.count == 2 else {
                issues.add("holidays", "write each holiday as YYYY-MM-DD Name: \(line)")
                continue
            }
            holidays.append(Holiday(date, parts[1], isOptional: optional))
        }
        try issues.check()
        return BusinessCalendar(
            id: id, name: text(form, "name"), timeZoneIdentifier: text(form, "time_zone"),
            weeklyHours: WeeklyHours(
                monday: hours[.monday] ?? [], tuesday: hours[.tuesday] ?? [], wednesday: hours[.wednesday] ?? [],
                thursday: hours[.thursday] ?? [], friday: hours[.friday] ?? [], saturday: hours[.saturday] ?? [],
                sunday: hours[.sunday] ?? []),
            holidays: holidays, observesOptionalHolidays: isOn(form, "observes_optional"))
    }

    // MARK: SLA policy

    static func values(_ policy: SLAPolicy) -> Form {
        var form: Form = [
            "name": policy.name, "order": String(policy.order), "calendar": policy.calendarID.description,
            "warning": String(Int((policy.warningThreshold * 100).rounded())),
            "org_ids": policy.conditions.organizationIDs.map(\.description).sorted().joined(separator: ", "),
        ]
        if policy.escalateOnBreach { form["escalate"] = "on" }
        for id in policy.conditions.departmentIDs { form["dept_\(id)"] = "on" }
        for priority in policy.conditions.priorities { form["prio_\(priority.rawValue)"] = "on" }
        for type in policy.conditions.types { form["type_\(type.rawValue)"] = "on" }
        for priority in TicketPriority.allCases {
            for metric in SLAMetric.allCases {
                form["t_\(priority.rawValue)_\(metric.rawValue)"] = policy.targets[priority][metric].map(hours) ?? ""
            }
        }
        return form
    }

    static func hours(_ seconds: TimeInterval) -> String {
        let value = seconds / 3600
        return value.rounded() == value ? String(Int(value)) : String(format: "%.2f", value)
    }

    static func policy(_ form: Form, id: SLAPolicy.ID) throws(ValidationError) -> SLAPolicy {
        var issues = ValidationCollector()
        var targets = SLAPriorityTargets()
        for priority in TicketPriority.allCases {
            var values = SLATargets()
            for metric in SLAMetric.allCases {
                let key = "t_\(priority.rawValue)_\(metric.rawValue)"
                let raw = text(form, key).replacingOccurrences(of: ",", with: ".")
                guard !raw.isEmpty else { continue }
                guard let hours = Double(raw) else {
                    issues.add(key, "must be a number of hours")
                    continue
                }
                switch metric {
                case .firstResponse: values.firstResponse = hours * 3600
                case .nextResponse: values.nextResponse = hours * 3600
                case .resolution: values.resolution = hours * 3600
                }
            }
            targets[priority] = values
        }
        var organizations: Set<Organization.ID> = []
        for raw in text(form, "org_ids").split(separator: ",") {
            let value = raw.trimmingCharacters(in: .whitespaces)
            if let id = Organization.ID(value) { organizations.insert(id) } else { issues.add("org_ids", "\(value) is not an id") }
        }
        guard let calendarID = BusinessCalendar.ID(text(form, "calendar")) else {
            issues.add("calendar", "choose a calendar")
            throw ValidationError(issues.issues)
        }
        try issues.check()
        let checked = { (prefix: String) in form.keys.filter { $0.hasPrefix(prefix) && isOn(form, $0) }.map { String($0.dropFirst(prefix.count)) } }
        return SLAPolicy(
            id: id, name: text(form, "name"), order: int(form, "order"), calendarID: calendarID,
            conditions: SLAConditions(
                departmentIDs: Set(checked("dept_").compactMap(Department.ID.init)),
                priorities: Set(checked("prio_").compactMap(TicketPriority.init)),
                organizationIDs: organizations, types: Set(checked("type_").compactMap(TicketType.init))),
            targets: targets, warningThreshold: (Double(text(form, "warning")) ?? 80) / 100,
            escalateOnBreach: isOn(form, "escalate"))
    }

    // MARK: Rules and macros

    static let conditionRows = (all: 6, any: 4)
    static let actionRows = 6

    static func values(_ rule: Rule) -> Form {
        var form: Form = [
            "name": rule.name, "kind": rule.kind.rawValue, "position": String(rule.position),
        ]
        if rule.isActive { form["active"] = "on" }
        for (group, conditions) in [("all", rule.conditions.all), ("any", rule.conditions.any)] {
            for (index, condition) in conditions.enumerated() {
                form["c_\(group)_field_\(index)"] = condition.field.rawValue
                form["c_\(group)_op_\(index)"] = condition.operator.rawValue
                form["c_\(group)_value_\(index)"] = condition.value
            }
        }
        addActions(rule.actions, to: &form)
        return form
    }

    static func addActions(_ actions: [RuleAction], to form: inout Form) {
        for (index, action) in actions.enumerated() {
            form["a_type_\(index)"] = action.type.rawValue
            form["a_value_\(index)"] = action.value
            form["a_field_\(index)"] = action.field ?? ""
            form["a_recipient_\(index)"] = action.recipient ?? ""
            form["a_subject_\(index)"] = action.subject ?? ""
            form["a_body_\(index)"] = action.body ?? ""
            form["a_channel_\(index)"] = action.channel?.rawValue ?? ""
        }
    }

    static func rule(_ form: Form, id: Rule.ID) throws(ValidationError) -> Rule {
        guard let kind = RuleKind(rawValue: text(form, "kind")) else { throw ValidationError(field: "kind", "choose a kind") }
        var conditions = RuleConditions()
        var issues = ValidationCollector()
        for (group, count) in [("all", conditionRows.all), ("any", conditionRows.any)] {
            for index in 0..<max(count, rowCount(form, prefix: "c_\(group)_field_")) {
                let field = text(form, "c_\(group)_field_\(index)")
                guard !field.isEmpty else { continue }
                guard let op = RuleOperator(rawValue: text(form, "c_\(group)_op_\(index)")) else {
                    issues.add("c_\(group)_op_\(index)", "choose an operator")
                    continue
                }
                let condition = RuleCondition(RuleField(rawValue: field), op, form["c_\(group)_value_\(index)"] ?? "")
                if group == "all" { conditions.all.append(condition) } else { conditions.any.append(condition) }
            }
        }
        let actions = ruleActions(form, into: &issues)
        try issues.check()
        return Rule(
            id: id, kind: kind, name: text(form, "name"), position: int(form, "position"),
            isActive: isOn(form, "active"), conditions: conditions, actions: actions)
    }

    static func ruleActions(_ form: Form, into issues: inout ValidationCollector) -> [RuleAction] {
        var actions: [RuleAction] = []
        for index in 0..<max(actionRows, rowCount(form, prefix: "a_type_")) {
            let type = text(form, "a_type_\(index)")
            guard !type.isEmpty else { continue }
            guard let actionType = RuleAction.ActionType(rawValue: type) else {
                issues.add("a_type_\(index)", "unknown action")
                continue
            }
            func optional(_ key: String) -> String? {
                let value = form["\(key)_\(index)"] ?? ""
                return value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : value
            }
            actions.append(
                RuleAction(
                    actionType, text(form, "a_value_\(index)"), field: optional("a_field"),
                    recipient: optional("a_recipient"), subject: optional("a_subject"), body: optional("a_body"),
                    channel: actionType == .notify ? optional("a_channel").flatMap(NotifyChannel.init) : nil))
        }
        return actions
    }

    /// Rows beyond the blank ones a page shows (a rule saved through the API may have more).
    static func rowCount(_ form: Form, prefix: String) -> Int {
        (form.keys.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.max() ?? -1) + 1
    }

    static func values(_ macro: Macro) -> Form {
        var form: Form = [
            "name": macro.name, "position": String(macro.position), "text": macro.text ?? "",
            "message_kind": macro.messageKind.rawValue,
        ]
        for id in macro.departmentIDs { form["dept_\(id)"] = "on" }
        addActions(macro.actions, to: &form)
        return form
    }

    static func macro(_ form: Form, id: Macro.ID) throws(ValidationError) -> Macro {
        var issues = ValidationCollector()
        let actions = ruleActions(form, into: &issues)
        try issues.check()
        let departments = form.keys.filter { $0.hasPrefix("dept_") && isOn(form, $0) }
            .compactMap { Department.ID(String($0.dropFirst("dept_".count))) }
        return Macro(
            id: id, name: text(form, "name"), position: int(form, "position"), departmentIDs: departments.sorted { $0.description < $1.description },
            text: form["text"], messageKind: text(form, "message_kind") == "note" ? .note : .reply, actions: actions)
    }
}
