import Foundation

@testable import BalcaoCore

/// Fixed ids, instants and builders for the automation tests. Every name here is prefixed (`Auto…`) because all of
/// `Tests/BalcaoCoreTests` is one target in the main package: these must not clash with `Samples` or `SLADesk`.
enum AutoSample {
    /// 2026-11-25 09:00:00 UTC, a Wednesday: when the sample ticket was opened.
    static let opened = Date(timeIntervalSince1970: 1_795_597_200)

    static func afterOpening(hours count: Double) -> Date { opened.addingTimeInterval(count * 3_600) }

    static let ticketID = Ticket.ID("7B1C0E52-0000-4000-8000-0000000000A1")!
    static let requesterID = Contact.ID("C0000000-0000-4000-8000-0000000000A1")!
    static let ana = Agent.ID("A0000000-0000-4000-8000-0000000000A1")!
    static let bruno = Agent.ID("A0000000-0000-4000-8000-0000000000A2")!
    static let carla = Agent.ID("A0000000-0000-4000-8000-0000000000A3")!
    static let itDepartment = Department.ID("D0000000-0000-4000-8000-0000000000A1")!
    static let hrDepartment = Department.ID("D0000000-0000-4000-8000-0000000000A2")!
    static let organization = Organization.ID("0A000000-0000-4000-8000-0000000000A1")!

    /// Ticket #1042, opened by mail at `opened`.
    static func ticket(
        subject: String = "Impressora do 3º andar não imprime", status: TicketStatus = .open,
        priority: TicketPriority = .normal, type: TicketType = .question, channel: TicketChannel = .email,
        organizationID: Organization.ID? = nil, departmentID: Department.ID? = nil, assigneeID: Agent.ID? = nil,
        tags: [String] = [], customFields: [String: CustomFieldValue] = [:], impact: TriageLevel? = nil,
        urgency: TriageLevel? = nil, sla: SLAState? = nil, updatedAt: Date? = nil, solvedAt: Date? = nil
    ) -> Ticket {
        Ticket(
            id: ticketID, number: TicketNumber(1042), subject: subject, status: status, priority: priority, type: type,
            channel: channel, requesterID: requesterID, organizationID: organizationID, departmentID: departmentID,
            assigneeID: assigneeID, tags: tags, customFields: customFields, impact: impact, urgency: urgency, sla: sla,
            createdAt: opened, updatedAt: updatedAt, solvedAt: solvedAt)
    }

    /// Facts about `ticket` one hour after it was opened unless told otherwise.
    static func facts(
        _ ticket: Ticket = ticket(), requesterKind: Contact.Kind? = nil, requesterEmail: String? = nil,
        receivingAddress: String? = nil, message: String? = nil, events: Set<TriggerEvent> = [],
        now: Date = afterOpening(hours: 1), businessTime: (@Sendable (Date, Date) -> TimeInterval)? = nil,
        slaStatus: SLATimer.Status? = nil
    ) -> RuleFacts {
        RuleFacts(
            ticket: ticket, requesterKind: requesterKind, requesterEmail: requesterEmail,
            receivingAddress: receivingAddress, messageText: message, events: events, now: now,
            businessTime: businessTime, slaStatus: slaStatus)
    }

    /// Whether a single condition holds, through the public `RuleConditions.matches`.
    static func holds(_ condition: RuleCondition, on facts: RuleFacts) -> Bool {
        RuleConditions(all: [condition]).matches(facts)
    }

    /// The issues `validate` reports, empty when it passes.
    static func issues(_ validate: () throws -> Void) -> [FieldIssue] {
        do {
            try validate()
            return []
        } catch let error as ValidationError {
            return error.issues
        } catch {
            return [FieldIssue("<not a ValidationError>", "\(error)")]
        }
    }

    /// A rule of `kind` with a name and the given parts.
    static func rule(
        _ kind: RuleKind = .trigger, name: String = "Regra", position: Int = 0, isActive: Bool = true,
        all: [RuleCondition] = [], any: [RuleCondition] = [], actions: [RuleAction]
    ) -> Rule {
        Rule(
            kind: kind, name: name, position: position, isActive: isActive,
            conditions: RuleConditions(all: all, any: any), actions: actions)
    }
}

/// A São Paulo office desk (Monday to Friday 08:00–18:00) with normal 4 h / 8 h / 16 h and urgent 1 h / 2 h / 4 h
/// targets; the same shape as `SLADesk`, rebuilt here under another name (that one lives in another scratch target).
struct AutoSLADesk {
    let clock: SLAClock
    let policy: SLAPolicy
    private let timeZone: TimeZone

    init() throws {
        let zone = "America/Sao_Paulo"
        let hours = [WorkingInterval(TimeOfDay(8), TimeOfDay(18))]
        let calendar = BusinessCalendar(name: "Escritório", timeZoneIdentifier: zone, weeklyHours: .weekdays(hours))
        clock = try SLAClock(calendar: calendar)
        policy = SLAPolicy(
            name: "Suporte", calendarID: calendar.id,
            targets: SLAPriorityTargets(
                low: SLATargets(resolution: 40 * 3_600),
                normal: SLATargets(firstResponse: 4 * 3_600, nextResponse: 8 * 3_600, resolution: 16 * 3_600),
                urgent: SLATargets(firstResponse: 1 * 3_600, nextResponse: 2 * 3_600, resolution: 4 * 3_600)))
        timeZone = TimeZone(identifier: zone)!
    }

    /// `"2025-05-12 09:00"` on São Paulo's wall clock (the week of Monday 2025-05-12 has no holidays).
    func at(_ text: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        precondition(numbers.count == 5, "Not a yyyy-MM-dd HH:mm time: \(text)")
        return calendar.date(
            from: DateComponents(
                year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4]))!
    }

    /// The state after `events`, applied one by one at São Paulo times.
    func state(_ events: [(SLAEvent, String)]) -> SLAState {
        events.reduce(SLAState(policy: policy)) { state, step in state.applying(step.0, at: at(step.1), clock: clock) }
    }
}
