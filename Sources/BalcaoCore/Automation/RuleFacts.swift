import Foundation

/// What just happened to a ticket, as triggers see it.
public enum TriggerEvent: String, Sendable, Hashable, Codable, CaseIterable {
    case created
    /// Any change of an existing ticket (replies and notes included).
    case updated
    case requesterReplied = "requester_replied"
    case agentReplied = "agent_replied"
    case noteAdded = "note_added"
    case statusChanged = "status_changed"
    case assigneeChanged = "assignee_changed"
    /// An SLA timer passed its due time (recorded by the SLA watch).
    case slaBreached = "sla_breached"

    /// The events a committed change stands for.
    public static func of(_ change: TicketChange) -> Set<TriggerEvent> {
        var events: Set<TriggerEvent> = change.isNew ? [.created] : [.updated]
        for event in change.events {
            switch event.field {
            case .reply:
                if case .agent = event.actor { events.insert(.agentReplied) }
                if case .contact = event.actor, !change.isNew { events.insert(.requesterReplied) }
            case .note: events.insert(.noteAdded)
            case .status: if !change.isNew { events.insert(.statusChanged) }
            case .assignee: events.insert(.assigneeChanged)
            case .slaBreach: events.insert(.slaBreached)
            default: break
            }
        }
        return events
    }
}

/// Everything a rule condition may test about one ticket at one moment. Built by the automation service from the
/// ticket and what came with the change; pure data, so the engine is testable without a store.
public struct RuleFacts: Sendable {
    public var ticket: Ticket
    public var requesterKind: Contact.Kind?
    public var requesterEmail: String?
    public var receivingAddress: String?
    public var messageText: String?
    public var events: Set<TriggerEvent>
    public var now: Date
    /// Business seconds between two instants on the ticket's department calendar; nil counts calendar time.
    public var businessTime: (@Sendable (Date, Date) -> TimeInterval)?
    /// The most pressing state of the ticket's SLA timers, if it has any.
    public var slaStatus: SLATimer.Status?
    /// Folded word lists of texts and phrases already seen: fifty rules testing one subject fold it once.
    let words = WordCache()

    public init(
        ticket: Ticket, requesterKind: Contact.Kind? = nil, requesterEmail: String? = nil,
        receivingAddress: String? = nil, messageText: String? = nil, events: Set<TriggerEvent> = [], now: Date,
        businessTime: (@Sendable (Date, Date) -> TimeInterval)? = nil, slaStatus: SLATimer.Status? = nil
    ) {
        self.ticket = ticket
        self.requesterKind = requesterKind
        self.requesterEmail = requesterEmail
        self.receivingAddress = receivingAddress
        self.messageText = messageText
        self.events = events
        self.now = now
        self.businessTime = businessTime
        self.slaStatus = slaStatus
    }

    /// The field's values: several for tags and events, empty when the ticket has none.
    func values(of field: RuleField) -> [String] {
        let ticket = self.ticket
        switch field {
        case .channel: return [ticket.channel.rawValue]
        case .receivingAddress: return receivingAddress.map { [$0.lowercased()] } ?? []
        case .requesterKind: return requesterKind.map { [$0.rawValue] } ?? []
        case .requesterEmail: return requesterEmail.map { [$0.lowercased()] } ?? []
        case .organization: return ticket.organizationID.map { [$0.description] } ?? []
        case .department: return ticket.departmentID.map { [$0.description] } ?? []
        case .priority: return [ticket.priority.rawValue]
        case .type: return [ticket.type.rawValue]
        case .status: return [ticket.status.rawValue]
        case .impact: return ticket.impact.map { [$0.rawValue] } ?? []
        case .urgency: return ticket.urgency.map { [$0.rawValue] } ?? []
        case .assignee: return ticket.assigneeID.map { [$0.description] } ?? []
        case .subject: return [ticket.subject]
        case .message: return messageText.map { [$0] } ?? []
        case .tags: return ticket.tags
        case .event: return events.map(\.rawValue)
        case .sla: return slaStatus.map { [$0.rawValue] } ?? []
        case .hoursSinceCreated: return [Self.hours(ticket.createdAt, now)]
        case .hoursSinceUpdated: return [Self.hours(ticket.updatedAt, now)]
        case .hoursSinceSolved: return ticket.solvedAt.map { [Self.hours($0, now)] } ?? []
        case .businessHoursSinceUpdated:
            let seconds = businessTime?(ticket.updatedAt, now) ?? now.timeIntervalSince(ticket.updatedAt)
            return [String(seconds / 3600)]
        default:
            guard let key = field.customFieldKey, let value = ticket.customFields[key] else { return [] }
            return [value.displayText]
        }
    }

    private static func hours(_ from: Date, _ to: Date) -> String { String(to.timeIntervalSince(from) / 3600) }

    func satisfies(_ condition: RuleCondition) -> Bool {
        let values = values(of: condition.field)
        switch condition.operator {
        case .present: return !values.isEmpty
        case .absent: return values.isEmpty
        case .is: return Self.equalsAny(values, condition.alternatives)
        case .isNot: return !Self.equalsAny(values, condition.alternatives)
        case .contains: return containsAny(values, condition.alternatives)
        case .notContains: return !containsAny(values, condition.alternatives)
        case .greaterThan, .lessThan:
            guard let limit = Double(condition.value.trimmingCharacters(in: .whitespaces)),
                let actual = values.first.flatMap(Double.init)
            else { return false }
            return condition.operator == .greaterThan ? actual > limit : actual < limit
        }
    }

    private static func equalsAny(_ values: [String], _ alternatives: [String]) -> Bool {
        let wanted = Set(alternatives.map { $0.lowercased() })
        return values.contains { wanted.contains($0.lowercased()) }
    }

    private func containsAny(_ values: [String], _ phrases: [String]) -> Bool {
        let texts = values.map(words.sequence)
        return phrases.map(WordCache.phrases.sequence).contains { phrase in texts.contains { $0.contains(phrase) } }
    }
}

/// Remembers `WordSequence`s by their text. Facts are evaluated on one task; the lock only keeps the type honest
/// about being `Sendable`.
final class WordCache: @unchecked Sendable {
    private let lock = NSLock()
    private var sequences: [String: WordSequence] = [:]
    private let capacity: Int

    init(capacity: Int = 1_000) { self.capacity = capacity }

    /// The phrases rules are written with, shared by every evaluation: a desk's rules name a few hundred.
    static let phrases = WordCache(capacity: 20_000)

    func sequence(_ text: String) -> WordSequence {
        if let known = lock.withLock({ sequences[text] }) { return known }
        let made = WordSequence(text)
        lock.withLock {
            if sequences.count >= capacity { sequences.removeAll(keepingCapacity: true) }
            sequences[text] = made
        }
        return made
    }
}

/// Text as a list of words without case or accents, so `"Não consigo ACEDER"` contains `"nao consigo"` but
/// `"senhas"` does not contain `"senha"`: rules match whole words, like an agent would read them.
struct WordSequence {
    let words: [Substring]

    init(_ text: String) {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        words = folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    func contains(_ phrase: WordSequence) -> Bool {
        let needle = phrase.words
        guard !needle.isEmpty, needle.count <= words.count else { return false }
        return (0...(words.count - needle.count)).contains { start in
            needle.indices.allSatisfy { words[start + $0] == needle[$0] }
        }
    }
}
