import Foundation

/// Carries out automations after changes are saved: routing effects, triggers on each change, and — on every tick
/// of the scheduler — time rules and the SLA watch. Its own changes are published as `.automation`, which it
/// ignores, so triggers never loop.
public struct AutomationRunner: Sendable {
    let service: TicketService
    let automation: any AutomationStore
    let directory: any DirectoryStore
    let tickets: any TicketStore
    let notifier: MailNotifier?
    let clock: any Clock
    let desk: DeskIdentity
    let report: @Sendable (String) -> Void

    /// `service` is the desk's ticket service (with triage); the runner acts through it as `.automation`.
    public init(
        service: TicketService, automation: any AutomationStore, directory: any DirectoryStore,
        tickets: any TicketStore, notifier: MailNotifier?, clock: any Clock, desk: DeskIdentity,
        report: @escaping @Sendable (String) -> Void
    ) {
        self.service = service.acting(as: .automation)
        self.automation = automation
        self.directory = directory
        self.tickets = tickets
        self.notifier = notifier
        self.clock = clock
        self.desk = desk
        self.report = report
    }

    /// Routing effects of a new ticket, then the triggers for the change. Never throws: an automation that fails
    /// is reported and never undoes the change that set it off.
    public func handle(_ change: TicketChange) async {
        guard change.origin == .request else { return }
        do {
            let settings = try await automation.settings()
            if !change.effects.isEmpty { try await perform(change.effects, on: change.ticket, settings: settings) }
            try await runTriggers(for: change, settings: settings)
        } catch {
            report("automations for ticket \(change.ticket.number) failed: \(error)")
        }
    }

    func runTriggers(for change: TicketChange, settings: AutomationSettings) async throws {
        let triggers = settings.rules(.trigger)
        guard !triggers.isEmpty else { return }
        let facts = try await facts(
            for: change.ticket, events: TriggerEvent.of(change), message: change.message, settings: settings)
        let outcome = RuleEngine.run(triggers, on: facts)
        try await carryOut(outcome, rules: triggers, on: change.ticket, settings: settings)
    }

    /// Saves an outcome's field changes with the names of the rules that fired, then performs its effects on the
    /// ticket as saved.
    func carryOut(_ outcome: RuleOutcome, rules: [Rule], on ticket: Ticket, settings: AutomationSettings)
        async throws
    {
        guard !outcome.isEmpty else { return }
        let fired = outcome.fired.compactMap { id in rules.first { $0.id == id } }
        let saved = try await service.applyRules(ticket.id, changes: outcome.changes, fired: fired)
        try await perform(outcome.effects, on: saved, settings: settings)
    }

    /// What rules see of a ticket now.
    func facts(for ticket: Ticket, events: Set<TriggerEvent>, message: Message?, settings: AutomationSettings)
        async throws -> RuleFacts
    {
        let now = clock.now
        let requester = try await directory.contact(ticket.requesterID)
        let businessClock = settings.calendar(forDepartment: ticket.departmentID).flatMap { try? SLAClock(calendar: $0) }
        let slaClock = ticket.sla.flatMap { state in settings.calendar(state.calendarID) }
            .flatMap { try? SLAClock(calendar: $0) }
        return RuleFacts(
            ticket: ticket, requesterKind: requester?.kind, requesterEmail: requester?.primaryEmail?.value,
            messageText: message?.text, events: events, now: now,
            businessTime: businessClock.map { clock in { @Sendable start, end in clock.workingTime(from: start, to: end) } },
            slaStatus: slaClock.flatMap { clock in ticket.sla?.worstStatus(at: now, clock: clock) })
    }

    // MARK: Effects

    func perform(_ effects: [RuleEffect], on ticket: Ticket, settings: AutomationSettings) async throws {
        guard !effects.isEmpty else { return }
        let values = try await placeholderValues(for: ticket)
        for effect in effects {
            do {
                try await perform(effect, on: ticket, values: values)
            } catch {
                report("automation effect \(effect) on ticket \(ticket.number) failed: \(error)")
            }
        }
    }

    private func perform(_ effect: RuleEffect, on ticket: Ticket, values: [String: String]) async throws {
        switch effect {
        case .addNote(let body):
            let text = Placeholders.fill(body, with: values)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
            _ = try await service.addMessage(
                AddMessage(kind: .note, body: MessageBody(text: text), author: .system, channel: .web), to: ticket.id)
        case .notify(let recipient, let subject, let body, let channel):
            if channel != .inApp, let notifier {
                for (address, language) in try await recipients(recipient, of: ticket) {
                    try await notifier.automationMail(
                        for: ticket, to: address, language: language, subject: subject, body: body, values: values)
                }
            }
            if channel != .email {
                let now = clock.now
                let title = Placeholders.fill(subject, with: values)
                let text = Placeholders.fill(body, with: values)
                try await automation.addNotifications(
                    try await agents(recipient, of: ticket).map {
                        AgentNotification(
                            agentID: $0.id, ticketID: ticket.id, ticketNumber: ticket.number, title: title, body: text,
                            createdAt: now)
                    })
            }
        case .webhook(let url):
            try await automation.queueWebhook(
                url: url, ticket: ticket.id, payload: WebhookPayload(ticket).json, at: clock.now)
        case .escalate(let reason):
            _ = try await service.escalate(ticket.id, reason: Placeholders.fill(reason, with: values), as: .system)
        }
    }

    /// Who a `notify` action writes to: the requester, the assignee, the department's agents or its supervisors
    /// (admins count as supervisors of every department), or a literal address.
    func recipients(_ recipient: String, of ticket: Ticket) async throws -> [(MailAddress, SupportedLanguage?)] {
        func language(_ tag: String?) -> SupportedLanguage? { tag.flatMap(SupportedLanguage.init(matching:)) }
        switch recipient {
        case "requester":
            guard let contact = try await directory.contact(ticket.requesterID), let email = contact.primaryEmail else {
                return []
            }
            return [(MailAddress(name: contact.name, address: email.value), language(contact.languageTag))]
        case "assignee", "department_agents", "supervisors":
            return try await agents(recipient, of: ticket).map {
                (MailAddress(name: $0.name, address: $0.email.value), language($0.languageTag))
            }
        default:
            guard let email = EmailAddress(recipient) else { return [] }
            return [(MailAddress(address: email.value), nil)]
        }
    }

    /// The active agents a recipient role names for this ticket.
    func agents(_ recipient: String, of ticket: Ticket) async throws -> [Agent] {
        switch recipient {
        case "assignee":
            guard let id = ticket.assigneeID, let agent = try await directory.agent(id), agent.isActive else { return [] }
            return [agent]
        case "department_agents", "supervisors":
            var query = DirectoryQuery.everything
            query.departmentID = ticket.departmentID
            return try await directory.agents(query).filter { agent in
                guard agent.isActive else { return false }
                if recipient == "supervisors" {
                    return agent.role == .admin
                        || (agent.role == .supervisor && ticket.departmentID.map(agent.departmentIDs.contains) != false)
                }
                return ticket.departmentID.map(agent.departmentIDs.contains) ?? true
            }
        default:
            return []
        }
    }

    func placeholderValues(for ticket: Ticket) async throws -> [String: String] {
        try await Placeholders.values(for: ticket, agent: nil, directory: directory, desk: desk)
    }
}

/// The desk's name and where its tickets live on the web, for placeholders.
public struct DeskIdentity: Sendable {
    public let name: String
    public let publicURL: String

    public init(name: String, publicURL: String) {
        self.name = name
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    public func ticketURL(_ number: TicketNumber) -> String { "\(publicURL)/agent/tickets/\(number.value)" }
}

/// The JSON a webhook action posts: the ticket's main fields (no conversation, which may hold personal data).
struct WebhookPayload: Encodable {
    let id: String
    let number: Int
    let subject: String
    let status: String
    let priority: String
    let type: String
    let departmentId: String?
    let assigneeId: String?
    let tags: [String]
    let updatedAt: Date

    init(_ ticket: Ticket) {
        id = ticket.id.description
        number = ticket.number.value
        subject = ticket.subject
        status = ticket.status.rawValue
        priority = ticket.priority.rawValue
        type = ticket.type.rawValue
        departmentId = ticket.departmentID?.description
        assigneeId = ticket.assigneeID?.description
        tags = ticket.tags
        updatedAt = ticket.updatedAt
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
