import Foundation

/// What a rule condition looks at. Custom fields are `custom_fields.<key>`.
public struct RuleField: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }

    public static let channel = RuleField(rawValue: "channel")
    /// The desk address a mail was sent to (routing by mailbox).
    public static let receivingAddress = RuleField(rawValue: "receiving_address")
    /// `customer` or `employee`.
    public static let requesterKind = RuleField(rawValue: "requester_kind")
    public static let requesterEmail = RuleField(rawValue: "requester_email")
    public static let organization = RuleField(rawValue: "organization")
    public static let department = RuleField(rawValue: "department")
    public static let priority = RuleField(rawValue: "priority")
    public static let type = RuleField(rawValue: "type")
    public static let status = RuleField(rawValue: "status")
    public static let impact = RuleField(rawValue: "impact")
    public static let urgency = RuleField(rawValue: "urgency")
    public static let assignee = RuleField(rawValue: "assignee")
    public static let subject = RuleField(rawValue: "subject")
    /// The text of the message that came with the change (the first message on creation).
    public static let message = RuleField(rawValue: "message")
    public static let tags = RuleField(rawValue: "tags")
    /// What just happened (triggers only): see `TriggerEvent`.
    public static let event = RuleField(rawValue: "event")
    public static let hoursSinceCreated = RuleField(rawValue: "hours_since_created")
    public static let hoursSinceUpdated = RuleField(rawValue: "hours_since_updated")
    public static let hoursSinceSolved = RuleField(rawValue: "hours_since_solved")
    /// Hours since the last update counted on the department's business calendar.
    public static let businessHoursSinceUpdated = RuleField(rawValue: "business_hours_since_updated")
    /// The ticket's most pressing SLA timer: `running`, `at_risk`, `breached`, `paused`, `met`.
    public static let sla = RuleField(rawValue: "sla")

    public static func customField(_ key: String) -> RuleField { RuleField(rawValue: "custom_fields.\(key)") }

    public var customFieldKey: String? {
        rawValue.hasPrefix("custom_fields.") ? String(rawValue.dropFirst("custom_fields.".count)) : nil
    }

    /// The fields every kind of rule may test, plus the kind's own.
    public static func allowed(in kind: RuleKind) -> [RuleField] {
        let common: [RuleField] = [
            .channel, .receivingAddress, .requesterKind, .requesterEmail, .organization, .department, .priority, .type,
            .status, .impact, .urgency, .assignee, .subject, .tags,
        ]
        switch kind {
        case .routing: return common + [.message]
        case .trigger: return common + [.message, .event, .sla]
        case .timeRule:
            return common + [.hoursSinceCreated, .hoursSinceUpdated, .hoursSinceSolved, .businessHoursSinceUpdated, .sla]
        }
    }

    var isNumeric: Bool { [.hoursSinceCreated, .hoursSinceUpdated, .hoursSinceSolved, .businessHoursSinceUpdated].contains(self) }
    var isText: Bool { [.subject, .message, .requesterEmail].contains(self) || customFieldKey != nil }

    /// The values an `is` condition on this field may name; nil for free values (ids, text, numbers).
    var choices: [String]? {
        switch self {
        case .channel: TicketChannel.allCases.map(\.rawValue)
        case .requesterKind: Contact.Kind.allCases.map(\.rawValue)
        case .priority: TicketPriority.allCases.map(\.rawValue)
        case .type: TicketType.allCases.map(\.rawValue)
        case .status: TicketStatus.allCases.map(\.rawValue)
        case .impact, .urgency: TriageLevel.allCases.map(\.rawValue)
        case .event: TriggerEvent.allCases.map(\.rawValue)
        case .sla: ["running", "at_risk", "breached", "paused", "met"]
        default: nil
        }
    }

    var isIdentifier: Bool { [.organization, .department, .assignee].contains(self) }
}

/// How a condition compares.
public enum RuleOperator: String, Sendable, Hashable, Codable, CaseIterable {
    /// Equals one of the comma-separated values (tags: has one of them).
    case `is`
    case isNot = "is_not"
    /// Has one of the comma-separated words or phrases, whole words, ignoring case and accents.
    case contains
    case notContains = "not_contains"
    case greaterThan = "greater_than"
    case lessThan = "less_than"
    /// Has any value at all.
    case present
    case absent
}

/// One test of a ticket: `subject contains "senha, password"`, `priority is urgent`, `hours_since_updated greater_than 72`.
public struct RuleCondition: Sendable, Hashable, Codable {
    public var field: RuleField
    public var `operator`: RuleOperator
    /// Comma-separated alternatives; a number for `greater_than`/`less_than`; ignored by `present`/`absent`.
    public var value: String

    public init(_ field: RuleField, _ operator: RuleOperator, _ value: String = "") {
        self.field = field
        self.operator = `operator`
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        field = try container.decode(RuleField.self, forKey: .field)
        `operator` = try container.decode(RuleOperator.self, forKey: .operator)
        value = try container.decodeIfPresent(String.self, forKey: .value) ?? ""
    }

    /// The comma-separated alternatives, trimmed, blanks dropped.
    public var alternatives: [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func validate(in kind: RuleKind, path: String, into issues: inout ValidationCollector) {
        guard RuleField.allowed(in: kind).contains(field) || field.customFieldKey.map({ !$0.isEmpty }) == true else {
            return issues.add("\(path).field", "\(field) cannot be used in a \(kind.rawValue) rule")
        }
        switch `operator` {
        case .present, .absent:
            return
        case .greaterThan, .lessThan:
            if !field.isNumeric { return issues.add("\(path).operator", "\(field) is not a number") }
            if Double(value.trimmingCharacters(in: .whitespaces)).map({ $0 >= 0 }) != true {
                issues.add("\(path).value", "must be a number of hours, 0 or more")
            }
        case .contains, .notContains:
            if !(field.isText || field == .tags) { return issues.add("\(path).operator", "\(field) is not text") }
            if alternatives.isEmpty { issues.add("\(path).value", "name at least one word or phrase") }
        case .is, .isNot:
            if field.isNumeric { return issues.add("\(path).operator", "compare hours with greater_than or less_than") }
            if alternatives.isEmpty { return issues.add("\(path).value", "name at least one value") }
            if let choices = field.choices, let wrong = alternatives.first(where: { !choices.contains($0) }) {
                issues.add("\(path).value", "\"\(wrong)\" is not one of \(choices.joined(separator: ", "))")
            }
            if field.isIdentifier, let wrong = alternatives.first(where: { UUID(uuidString: $0) == nil }) {
                issues.add("\(path).value", "\"\(wrong)\" is not an id")
            }
        }
    }
}

/// A rule's test: every `all` condition and, when `any` is not empty, at least one of `any`.
public struct RuleConditions: Sendable, Hashable, Codable {
    public var all: [RuleCondition]
    public var any: [RuleCondition]

    public init(all: [RuleCondition] = [], any: [RuleCondition] = []) {
        self.all = all
        self.any = any
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        all = try container.decodeIfPresent([RuleCondition].self, forKey: .all) ?? []
        any = try container.decodeIfPresent([RuleCondition].self, forKey: .any) ?? []
    }

    public func matches(_ facts: RuleFacts) -> Bool {
        all.allSatisfy(facts.satisfies) && (any.isEmpty || any.contains(where: facts.satisfies))
    }
}
