import Foundation

/// When a rule runs.
public enum RuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// On creation, before the ticket is saved: sets where it goes and how urgent it is.
    case routing
    /// After each committed change, on the events named in its conditions.
    case trigger
    /// Checked by the scheduler every minute on unsolved and solved tickets; fires once per ticket and anchor.
    case timeRule = "time_rule"
}

/// What a rule does once its conditions hold. Flat (type + the parts that type uses) so the API and the admin form
/// read the same: `{"type": "set_priority", "value": "urgent"}`, `{"type": "notify", "recipient": "requester",
/// "subject": "…", "body": "…"}`.
public struct RuleAction: Sendable, Hashable, Codable {
    public enum ActionType: String, Sendable, Hashable, Codable, CaseIterable {
        case setDepartment = "set_department"
        case setPriority = "set_priority"
        case setType = "set_type"
        case setStatus = "set_status"
        case setImpact = "set_impact"
        case setUrgency = "set_urgency"
        case setAssignee = "set_assignee"
        case addTags = "add_tags"
        case removeTags = "remove_tags"
        case setCustomField = "set_custom_field"
        /// Mail to `recipient` (requester, assignee, department_agents, supervisors, or an address) from templates.
        case notify
        /// An internal note written by Balcão, from the `body` template.
        case addNote = "add_note"
        /// Queues a POST of the ticket to `value` (an https URL) for the integrations worker.
        case webhook
        /// Escalates to the department's tier-2 team with `body` as the reason.
        case escalate
    }

    public var type: ActionType
    public var value: String
    /// The custom field key of `set_custom_field`.
    public var field: String?
    public var recipient: String?
    public var subject: String?
    public var body: String?
    /// Where `notify` delivers; nil is email.
    public var channel: NotifyChannel?

    public init(
        _ type: ActionType, _ value: String = "", field: String? = nil, recipient: String? = nil,
        subject: String? = nil, body: String? = nil, channel: NotifyChannel? = nil
    ) {
        self.type = type
        self.value = value
        self.field = field
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.channel = channel
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(ActionType.self, forKey: .type)
        value = try container.decodeIfPresent(String.self, forKey: .value) ?? ""
        field = try container.decodeIfPresent(String.self, forKey: .field)
        recipient = try container.decodeIfPresent(String.self, forKey: .recipient)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        channel = try container.decodeIfPresent(NotifyChannel.self, forKey: .channel)
    }

    /// Who a `notify` action may write to, besides a literal address.
    public static let recipientRoles = ["requester", "assignee", "department_agents", "supervisors"]

    var trimmedValue: String { value.trimmingCharacters(in: .whitespacesAndNewlines) }

    func validate(in kind: RuleKind, path: String, into issues: inout ValidationCollector) {
        func choose(_ choices: [String]) {
            if !choices.contains(trimmedValue) {
                issues.add("\(path).value", "must be one of \(choices.joined(separator: ", "))")
            }
        }
        switch type {
        case .setDepartment, .setAssignee:
            if UUID(uuidString: trimmedValue) == nil { issues.add("\(path).value", "must be an id") }
        case .setPriority: choose(TicketPriority.allCases.map(\.rawValue))
        case .setType: choose(TicketType.allCases.map(\.rawValue))
        case .setStatus:
            choose(TicketStatus.allCases.filter { $0 != .new }.map(\.rawValue))
            if kind == .routing { issues.add("\(path).type", "routing rules cannot set a status") }
        case .setImpact, .setUrgency: choose(TriageLevel.allCases.map(\.rawValue))
        case .addTags, .removeTags:
            let tags = Tag.normalize(trimmedValue.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
            if tags.isEmpty { issues.add("\(path).value", "name at least one tag") }
            if tags.contains(where: { $0.count > Tag.maxLength }) {
                issues.add("\(path).value", "a tag must be at most \(Tag.maxLength) characters")
            }
        case .setCustomField:
            if (field ?? "").trimmingCharacters(in: .whitespaces).isEmpty { issues.add("\(path).field", "is required") }
        case .notify:
            let recipient = (recipient ?? "").trimmingCharacters(in: .whitespaces)
            if !Self.recipientRoles.contains(recipient) && EmailAddress(recipient) == nil {
                issues.add(
                    "\(path).recipient", "must be \(Self.recipientRoles.joined(separator: ", ")) or an email address")
            }
            if channel == .inApp || channel == .both, !["assignee", "department_agents", "supervisors"].contains(recipient) {
                issues.add("\(path).channel", "in-app notifications go to agents: assignee, department_agents or supervisors")
            }
            issues.requireText(subject, field: "\(path).subject", maxLength: OpenTicket.maxSubjectLength)
            issues.requireText(body, field: "\(path).body", maxLength: NotificationTemplate.maxBodyLength)
            Placeholders.check(subject ?? "", field: "\(path).subject", into: &issues)
            Placeholders.check(body ?? "", field: "\(path).body", into: &issues)
        case .addNote, .escalate:
            issues.requireText(body, field: "\(path).body", maxLength: NotificationTemplate.maxBodyLength)
            Placeholders.check(body ?? "", field: "\(path).body", into: &issues)
            if type == .escalate && kind == .routing {
                issues.add("\(path).type", "routing rules set the department instead of escalating")
            }
        case .webhook:
            if URL(string: trimmedValue).map({ $0.scheme == "https" || $0.scheme == "http" }) != true {
                issues.add("\(path).value", "must be an http(s) URL")
            }
        }
    }
}

/// A named rule: when its conditions hold, its actions run. Rules of a kind run by `position`.
public struct Rule: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = TypedID<Rule>

    public let id: ID
    public var kind: RuleKind
    public var name: String
    public var position: Int
    public var isActive: Bool
    public var conditions: RuleConditions
    public var actions: [RuleAction]

    public init(
        id: ID = ID(), kind: RuleKind, name: String, position: Int = 0, isActive: Bool = true,
        conditions: RuleConditions = RuleConditions(), actions: [RuleAction]
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.position = position
        self.isActive = isActive
        self.conditions = conditions
        self.actions = actions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ID.self, forKey: .id)
        kind = try container.decode(RuleKind.self, forKey: .kind)
        name = try container.decode(String.self, forKey: .name)
        position = try container.decodeIfPresent(Int.self, forKey: .position) ?? 0
        isActive = try container.decodeIfPresent(Bool.self, forKey: .isActive) ?? true
        conditions = try container.decodeIfPresent(RuleConditions.self, forKey: .conditions) ?? RuleConditions()
        actions = try container.decode([RuleAction].self, forKey: .actions)
    }

    public static let maxConditions = 50
    public static let maxActions = 20

    public func validate() throws(ValidationError) {
        var issues = ValidationCollector()
        issues.requireText(name, field: "name", maxLength: 120)
        if conditions.all.count + conditions.any.count > Self.maxConditions {
            issues.add("conditions", "at most \(Self.maxConditions) conditions")
        }
        for (index, condition) in conditions.all.enumerated() {
            condition.validate(in: kind, path: "conditions.all[\(index)]", into: &issues)
        }
        for (index, condition) in conditions.any.enumerated() {
            condition.validate(in: kind, path: "conditions.any[\(index)]", into: &issues)
        }
        if actions.isEmpty { issues.add("actions", "name at least one action") }
        if actions.count > Self.maxActions { issues.add("actions", "at most \(Self.maxActions) actions") }
        for (index, action) in actions.enumerated() {
            action.validate(in: kind, path: "actions[\(index)]", into: &issues)
        }
        if kind == .timeRule {
            let timed = (conditions.all + conditions.any).contains { $0.field.isNumeric || $0.field == .sla }
            if !timed {
                issues.add("conditions", "a time rule needs a condition on hours since … or on the SLA")
            }
        }
        try issues.check()
    }
}
