import BalcaoCore
import Foundation
import Vapor

/// Builds `TicketPageContext` from a ticket and the directory, in the agent's language and time zone.
struct TicketPageBuilder {
    let services: BalcaoServices
    let l: Localizer

    typealias Option = SelectOption

    func context(
        for ticket: Ticket, layout: LayoutContext, directory: DirectorySnapshot, error: String? = nil,
        composerText: String = ""
    ) async throws -> TicketPageContext {
        let departments = directory.departments
        let agents = directory.agents
        let messages = try await services.ticketStore.messages(of: ticket.id)
        let events = try await services.ticketStore.events(of: ticket.id)
        let requester = try await services.directory.contact(ticket.requesterID)
        var names = Names(
            agents: directory.agentNames, departments: directory.departmentNames,
            contacts: requester.map { [$0.id: $0.name] } ?? [:])
        let department = departments.first { $0.id == ticket.departmentID }
        let next = ticket.status.allowedNextStatuses
        let statuses = TicketStatus.allCases.filter { $0 == ticket.status || next.contains($0) }
        let settings = try await services.automation.settings()
        let macros = try await services.automationAdmin.macros(for: ticket.departmentID)
        let taxonomy = try await services.quality.taxonomy()
        names.taxonomy = taxonomy

        return TicketPageContext(
            layout: layout, t: layout.t,
            ticket: .init(
                id: ticket.id.description, number: ticket.number.value, subject: ticket.subject,
                status: ticket.status.rawValue, statusLabel: l[ticket.status.rawValue], priority: ticket.priority.rawValue,
                priorityLabel: l[ticket.priority.rawValue], typeLabel: l[ticket.type.rawValue],
                channel: l.channel(ticket.channel), created: l.dateTime(ticket.createdAt), category: ticket.category ?? "",
                tags: ticket.tags.joined(separator: ", "), isClosed: ticket.status == .closed),
            messages: messages.map { messageView($0, names: names) },
            statusOptions: statuses.map { Option(value: $0.rawValue, label: l[$0.rawValue], selected: $0 == ticket.status) },
            composerStatuses: [Option(value: "", label: l["keep_status"], selected: true)]
                + statuses.filter { $0 != ticket.status && $0 != .closed }.map {
                    Option(value: $0.rawValue, label: l[$0.rawValue], selected: false)
                },
            priorityOptions: TicketPriority.allCases.map {
                Option(value: $0.rawValue, label: l[$0.rawValue], selected: $0 == ticket.priority)
            },
            typeOptions: TicketType.allCases.map { Option(value: $0.rawValue, label: l[$0.rawValue], selected: $0 == ticket.type) },
            impactOptions: levelOptions(ticket.impact), urgencyOptions: levelOptions(ticket.urgency),
            sla: slaPanel(ticket, settings: settings),
            macroOptions: macros.map { Option(value: $0.id.description, label: $0.name, selected: false) },
            hasMacros: !macros.isEmpty,
            departmentOptions: [Option(value: "", label: l["no_department"], selected: ticket.departmentID == nil)]
                + departments.map { Option(value: $0.id.description, label: $0.name, selected: $0.id == ticket.departmentID) },
            assigneeOptions: [Option(value: "", label: l["unassigned"], selected: ticket.assigneeID == nil)]
                + agents.filter { ($0.isActive && $0.canWork(in: ticket.departmentID)) || $0.id == ticket.assigneeID }.map {
                    Option(value: $0.id.description, label: $0.name, selected: $0.id == ticket.assigneeID)
                },
            customFields: (department?.customFields ?? []).map { customField($0, value: ticket.customFields[$0.key]) },
            requester: try await requesterCard(requester, excluding: ticket),
            history: events.map { historyEntry($0, names: names) },
            escalationTarget: department?.escalationTargetID.flatMap { names.departments[$0] },
            chat: try await chatPanel(ticket, directory: directory, viewer: layout.agentID),
            complaint: try await complaintPanel(ticket, taxonomy: taxonomy),
            problem: try await problemPanel(ticket),
            categoryOptions: categoryOptions(ticket, taxonomy: taxonomy),
            error: error, composerText: composerText)
    }

    /// Impact or urgency choices, with "not rated" first.
    private func levelOptions(_ level: TriageLevel?) -> [Option] {
        [Option(value: "", label: l["not_rated"], selected: level == nil)]
            + TriageLevel.allCases.map { Option(value: $0.rawValue, label: l[$0.rawValue], selected: $0 == level) }
    }

    /// Each SLA timer that started, with its state on the policy's calendar.
    private func slaPanel(_ ticket: Ticket, settings: AutomationSettings) -> TicketPageContext.SLAPanel? {
        guard let state = ticket.sla, let calendar = settings.calendar(state.calendarID),
            let clock = try? SLAClock(calendar: calendar)
        else { return nil }
        let now = services.clock.now
        let badges = SLABadges(settings: settings, now: now, l)
        let timers = SLAMetric.allCases.compactMap { metric -> TicketPageContext.SLATimerView? in
            guard let timer = state[metric] else { return nil }
            let summary = timer.summary(at: now, clock: clock, warningThreshold: state.warningThreshold)
            return .init(
                label: l[metric.rawValue], state: summary.status.rawValue, stateLabel: badges.label(summary),
                due: timer.dueAt.map(l.dateTime), dueISO: timer.dueAt.map(l.iso))
        }
        let policy = settings.policies.first { $0.id == state.policyID }?.name ?? "—"
        return .init(policy: policy, timers: timers)
    }

    struct Names {
        let agents: [Agent.ID: String]
        let departments: [Department.ID: String]
        let contacts: [Contact.ID: String]
        /// Complaint types by key, as "Product › Delivery › Late".
        var taxonomy = ComplaintTaxonomy()

        func actor(_ actor: Actor, _ l: Localizer) -> String {
            switch actor {
            case .agent(let id): agents[id] ?? l["someone"]
            case .contact(let id): contacts[id] ?? l["someone"]
            case .system: l["system"]
            }
        }
    }

    private func messageView(_ message: Message, names: Names) -> TicketPageContext.MessageView {
        .init(message, authorName: names.actor(message.author, l), l, attachmentURL: { "/agent/attachments/\($0.id)" })
    }

    private func customField(_ definition: CustomFieldDefinition, value: CustomFieldValue?) -> TicketPageContext.CustomFieldView {
        .init(definition, value: value)
    }

    private func requesterCard(_ contact: Contact?, excluding ticket: Ticket) async throws -> TicketPageContext.RequesterCard {
        guard let contact else {
            return .init(name: l["someone"], emails: [], phone: nil, organization: nil, kind: "", kindValue: "customer", otherTickets: [])
        }
        var query = TicketQuery()
        query.requesterID = contact.id
        query.limit = 6
        let others = try await services.ticketStore.tickets(query).tickets.filter { $0.id != ticket.id }.prefix(5)
        let organization = try await contact.organizationID.asyncFlatMap { try await services.directory.organization($0) }
        let blocked = try await services.mailStore.undeliverable(contact.emails.map(\.value), at: services.clock.now)
        return .init(
            name: contact.name, emails: contact.emails.map(\.value), phone: contact.phone, organization: organization?.name,
            kind: l[contact.kind.rawValue], kindValue: contact.kind.rawValue,
            otherTickets: others.map {
                .init(number: $0.number.value, subject: $0.subject, status: $0.status.rawValue,
                    statusLabel: l[$0.status.rawValue], url: "/agent/tickets/\($0.number.value)")
            },
            undeliverable: blocked.map { l.format("undeliverable_until", "\($0.email) (\($0.reason))") + " " + l.dateTime($0.until) },
            historyURL: "/agent/contacts/\(contact.id)/history",
            organizationHistoryURL: organization.map { "/agent/organizations/\($0.id)/history" })
    }

    private func historyEntry(_ event: TicketEvent, names: Names) -> TicketPageContext.HistoryEntry {
        let who = names.actor(event.actor, l)
        let what: String
        var detail: String?
        switch event.field.rawValue {
        case "created": what = l["ev_created"]
        case "reply": what = l["ev_reply"]
        case "note": what = l["ev_note"]
        case "system_message": what = l["ev_system_message"]
        case "escalation":
            what = l["ev_escalation"]
            detail = event.newValue
        case "rule":
            what = l["ev_rule"]
            detail = event.newValue
        case "sla_breach":
            what = l["ev_sla_breach"]
            detail = event.oldValue.map { l[$0] }
        case "merged_into":
            what = l["ev_merged_into"]
            detail = event.newValue.map { "#\($0.trimmingCharacters(in: CharacterSet(charactersIn: "#")))" }
        case "satisfaction":
            what = l["ev_satisfaction"]
            detail = event.newValue.map { l["satisfaction_\($0)"] }
        case "chat_ended":
            what = l["ev_chat_ended"]
            detail = event.newValue.map { l["chat_ended_by_\($0)"] }
        case "chat_accepted", "chat_transferred":
            what = l["ev_\(event.field.rawValue)"]
            detail = event.newValue
        case "merged_from":
            what = l["ev_merged_from"]
            detail = event.newValue.map { "#\($0.trimmingCharacters(in: CharacterSet(charactersIn: "#")))" }
        default:
            let field = event.field.rawValue
            let label = field.hasPrefix("custom_fields.") ? String(field.dropFirst("custom_fields.".count)) : l["field_\(field)"]
            what = l.format("ev_changed", label)
            detail = "\(display(event.oldValue, field: field, names: names)) → \(display(event.newValue, field: field, names: names))"
        }
        return .init(who: who, what: what, detail: detail, when: l.dateTime(event.at), whenISO: l.iso(event.at))
    }

    /// Ids in events become names; enum values become their localized labels.
    private func display(_ value: String?, field: String, names: Names) -> String {
        guard let value, !value.isEmpty else { return "—" }
        switch field {
        case "assignee": return Agent.ID(value).flatMap { names.agents[$0] } ?? value
        case "department": return Department.ID(value).flatMap { names.departments[$0] } ?? value
        case "requester": return Contact.ID(value).flatMap { names.contacts[$0] } ?? value
        case "status", "priority", "type", "impact", "urgency": return l[value]
        case "category": return names.taxonomy.label(of: value) ?? value
        default: return value
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1024 * 1024 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
