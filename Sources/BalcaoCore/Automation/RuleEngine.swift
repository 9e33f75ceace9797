import Foundation

/// Something a rule does besides changing fields; the automation service carries these out after the change is
/// saved, so a failing mail never loses the ticket.
public enum RuleEffect: Sendable, Hashable {
    case notify(recipient: String, subject: String, body: String, channel: NotifyChannel)
    case addNote(body: String)
    case webhook(url: String)
    case escalate(reason: String)
}

/// What rules decided for one ticket: field changes (already applied to `ticket`), effects, and who fired.
public struct RuleOutcome: Sendable, Hashable {
    /// The ticket with every field action applied, for the caller to diff or save.
    public var ticket: Ticket
    public var changes = TicketChanges()
    public var effects: [RuleEffect] = []
    public var fired: [Rule.ID] = []

    public var isEmpty: Bool { fired.isEmpty }
}

/// Runs rules over facts, Zendesk-style: the first not-yet-fired rule (by position) whose conditions hold fires,
/// then evaluation starts over on the changed ticket, so a rule can react to what an earlier one set. Every rule
/// fires at most once per run, which bounds the loop by the number of rules.
public enum RuleEngine {
    public static func run(_ rules: [Rule], on facts: RuleFacts) -> RuleOutcome {
        let ordered = rules.filter(\.isActive).enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
        var facts = facts
        var outcome = RuleOutcome(ticket: facts.ticket)
        var fired: Set<Rule.ID> = []
        while let rule = ordered.first(where: { !fired.contains($0.id) && $0.conditions.matches(facts) }) {
            fired.insert(rule.id)
            outcome.fired.append(rule.id)
            for action in rule.actions { apply(action, to: &outcome) }
            facts.ticket = outcome.ticket
        }
        return outcome
    }

    static func apply(_ action: RuleAction, to outcome: inout RuleOutcome) {
        let value = action.trimmedValue
        switch action.type {
        case .setDepartment:
            guard let id = UUID(uuidString: value) else { return }
            outcome.ticket.departmentID = Department.ID(rawValue: id)
            outcome.changes.departmentID = .set(Department.ID(rawValue: id))
        case .setAssignee:
            guard let id = UUID(uuidString: value) else { return }
            outcome.ticket.assigneeID = Agent.ID(rawValue: id)
            outcome.changes.assigneeID = .set(Agent.ID(rawValue: id))
        case .setPriority:
            guard let priority = TicketPriority(rawValue: value) else { return }
            outcome.ticket.priority = priority
            outcome.changes.priority = priority
        case .setType:
            guard let type = TicketType(rawValue: value) else { return }
            outcome.ticket.type = type
            outcome.changes.type = type
        case .setStatus:
            guard let status = TicketStatus(rawValue: value) else { return }
            outcome.ticket.status = status
            outcome.changes.status = status
        case .setImpact:
            guard let level = TriageLevel(rawValue: value) else { return }
            outcome.ticket.impact = level
            outcome.changes.impact = .set(level)
        case .setUrgency:
            guard let level = TriageLevel(rawValue: value) else { return }
            outcome.ticket.urgency = level
            outcome.changes.urgency = .set(level)
        case .addTags, .removeTags:
            let named = Tag.normalize(value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
            let tags = action.type == .addTags
                ? Tag.normalize(outcome.ticket.tags + named) : outcome.ticket.tags.filter { !named.contains($0) }
            outcome.ticket.tags = tags
            outcome.changes.tags = tags
        case .setCustomField:
            guard let key = action.field?.trimmingCharacters(in: .whitespaces), !key.isEmpty else { return }
            outcome.changes.customFields[key] = value.isEmpty ? .null : .string(value)
            outcome.ticket.customFields[key] = value.isEmpty ? nil : .text(value)
        case .notify:
            outcome.effects.append(
                .notify(
                    recipient: action.recipient ?? "", subject: action.subject ?? "", body: action.body ?? "",
                    channel: action.channel ?? .email))
        case .addNote:
            outcome.effects.append(.addNote(body: action.body ?? ""))
        case .webhook:
            outcome.effects.append(.webhook(url: value))
        case .escalate:
            outcome.effects.append(.escalate(reason: action.body ?? ""))
        }
    }
}
