import Foundation

/// A canned response: a reply or note from a template plus field changes, applied by an agent in one click.
public struct Macro: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = TypedID<Macro>

    public let id: ID
    public var name: String
    public var position: Int
    /// The departments whose agents see it; empty for every department.
    public var departmentIDs: [Department.ID]
    /// The text to add, with `Placeholders`; nil or blank changes fields only.
    public var text: String?
    /// `.reply` (public, mailed to the requester) or `.note` (internal).
    public var messageKind: Message.Kind
    /// Field actions only (set_*, add_tags, remove_tags, set_custom_field).
    public var actions: [RuleAction]

    public init(
        id: ID = ID(), name: String, position: Int = 0, departmentIDs: [Department.ID] = [], text: String? = nil,
        messageKind: Message.Kind = .reply, actions: [RuleAction] = []
    ) {
        self.id = id
        self.name = name
        self.position = position
        self.departmentIDs = departmentIDs
        self.text = text
        self.messageKind = messageKind
        self.actions = actions
    }

    enum CodingKeys: String, CodingKey {
        case id, name, position, text, messageKind, actions
        case departmentIDs = "departmentIds"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ID.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        position = try container.decodeIfPresent(Int.self, forKey: .position) ?? 0
        departmentIDs = try container.decodeIfPresent([Department.ID].self, forKey: .departmentIDs) ?? []
        text = try container.decodeIfPresent(String.self, forKey: .text)
        messageKind = try container.decodeIfPresent(Message.Kind.self, forKey: .messageKind) ?? .reply
        actions = try container.decodeIfPresent([RuleAction].self, forKey: .actions) ?? []
    }

    /// What a macro may do: change fields (mail, notes and escalation belong to triggers).
    public static let fieldActionTypes: Set<RuleAction.ActionType> = [
        .setDepartment, .setPriority, .setType, .setStatus, .setImpact, .setUrgency, .setAssignee, .addTags,
        .removeTags, .setCustomField,
    ]

    public var hasText: Bool { !(text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    public func isAvailable(in departmentID: Department.ID?) -> Bool {
        departmentIDs.isEmpty || departmentID.map(departmentIDs.contains) == true
    }

    public func validate() throws(ValidationError) {
        var issues = ValidationCollector()
        issues.requireText(name, field: "name", maxLength: 120)
        if messageKind == .system { issues.add("messageKind", "must be reply or note") }
        issues.limit(text, field: "text", maxLength: NotificationTemplate.maxBodyLength)
        Placeholders.check(text ?? "", field: "text", into: &issues)
        if !hasText && actions.isEmpty { issues.add("actions", "a macro needs a text or at least one action") }
        for (index, action) in actions.enumerated() {
            if !Self.fieldActionTypes.contains(action.type) {
                issues.add("actions[\(index)].type", "macros change fields; use a trigger for \(action.type.rawValue)")
            } else {
                action.validate(in: .trigger, path: "actions[\(index)]", into: &issues)
            }
        }
        try issues.check()
    }
}
