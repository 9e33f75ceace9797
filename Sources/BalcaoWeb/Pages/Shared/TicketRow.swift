import BalcaoCore
import Foundation

/// One line of a ticket list, ready to print.
struct TicketRow: Encodable {
    let id: String
    let number: Int
    let subject: String
    let url: String
    let requester: String
    let department: String
    let priority: String
    let priorityLabel: String
    let priorityRank: Int
    let status: String
    let statusLabel: String
    let assignee: String
    let updated: String
    let updatedISO: String
    let channel: String
    /// `running`, `at_risk`, `breached`, `paused`, `met` or `none`, for the badge colour.
    let slaState: String
    let slaLabel: String
    let slaDueISO: String?
    /// For a chat no agent has answered yet: how long the visitor has been waiting ("waiting 4 min").
    let chatWaiting: String?
    /// "3rd time in 30 days": the requester reported this complaint type before.
    let recurrence: String?
}

/// Turns tickets into rows: one query for the requesters' names whatever the page size; departments and agents come
/// from the request's snapshot.
struct TicketRowBuilder {
    let services: BalcaoServices

    func rows(_ tickets: [Ticket], _ l: Localizer, directory: DirectorySnapshot) async throws -> [TicketRow] {
        let contacts = try await services.directory.contacts(ids: Array(Set(tickets.map(\.requesterID))))
        let names = Dictionary(contacts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let departments = directory.departmentNames
        let agents = directory.agentNames
        let now = services.clock.now
        let sla = SLABadges(settings: try await services.automation.settings(), now: now, l)
        let taxonomy = try await services.quality.taxonomy()
        let recurrence = try await services.quality.requesterRecurrence(of: tickets, in: taxonomy)
        let days = RecurrenceCounter.headlineWindow(taxonomy.recurrenceWindows) ?? 0
        return tickets.map { ticket in
            let badge = sla.badge(for: ticket)
            return
            TicketRow(
                id: ticket.id.description, number: ticket.number.value, subject: ticket.subject,
                url: "/agent/tickets/\(ticket.number.value)", requester: names[ticket.requesterID] ?? "—",
                department: ticket.departmentID.flatMap { departments[$0] } ?? "—",
                priority: ticket.priority.rawValue, priorityLabel: l[ticket.priority.rawValue],
                priorityRank: ticket.priority.rank, status: ticket.status.rawValue,
                statusLabel: l[ticket.status.rawValue],
                assignee: ticket.assigneeID.flatMap { agents[$0] } ?? l["unassigned"], updated: l.dateTime(ticket.updatedAt),
                updatedISO: l.iso(ticket.updatedAt), channel: l.channel(ticket.channel), slaState: badge.state,
                slaLabel: badge.label, slaDueISO: badge.dueISO,
                chatWaiting: ticket.channel == .chat && ticket.firstResponseAt == nil && ticket.status.isUnsolved
                    ? l.format("chat_waiting_for", l.duration(now.timeIntervalSince(ticket.createdAt))) : nil,
                recurrence: recurrence[ticket.id].map { l.format("recurrence_badge", [l.ordinal($0 + 1), "\(days)"]) })
        }
    }
}

/// The SLA column's text: time left, overdue, paused or met, on each policy's own calendar.
struct SLABadges {
    let settings: AutomationSettings
    let now: Date
    let l: Localizer
    private let clocks: [BusinessCalendar.ID: SLAClock]

    init(settings: AutomationSettings, now: Date, _ l: Localizer) {
        self.settings = settings
        self.now = now
        self.l = l
        var clocks: [BusinessCalendar.ID: SLAClock] = [:]
        for calendar in settings.calendars { clocks[calendar.id] = try? SLAClock(calendar: calendar) }
        self.clocks = clocks
    }

    func summary(for ticket: Ticket) -> SLASummary? {
        guard let state = ticket.sla, let clock = clocks[state.calendarID] else { return nil }
        return state.summary(at: now, clock: clock)
    }

    func badge(for ticket: Ticket) -> (state: String, label: String, dueISO: String?) {
        guard let summary = summary(for: ticket) else { return ("none", "—", nil) }
        return (summary.status.rawValue, label(summary), summary.dueAt.map(l.iso))
    }

    func label(_ summary: SLASummary) -> String {
        switch summary.status {
        case .running, .atRisk: summary.remaining.map { l.format("sla_left", l.duration($0)) } ?? "—"
        case .breached: summary.overdue.map { l.format("sla_overdue", l.duration($0)) } ?? l["sla_breached"]
        case .paused: l["sla_paused"]
        case .met: l["sla_met"]
        }
    }
}
