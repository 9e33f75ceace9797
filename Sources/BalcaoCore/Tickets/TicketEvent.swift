import Foundation

/// Who did something: an agent, a contact (requester), or Balcão itself (automations, migrations).
public enum Actor: Sendable, Hashable, Codable {
    case agent(Agent.ID)
    case contact(Contact.ID)
    case system
}

/// One recorded change of a ticket: who, when, which field, old → new. A ticket's history is its events in order;
/// they are appended in the same transaction as the change and never rewritten.
public struct TicketEvent: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<TicketEvent>

    public let id: ID
    public let ticketID: Ticket.ID
    public let actor: Actor
    public let at: Date
    public let field: Field
    public let oldValue: String?
    public let newValue: String?

    public init(
        id: ID = ID(), ticketID: Ticket.ID, actor: Actor, at: Date, field: Field, oldValue: String?, newValue: String?
    ) {
        self.id = id
        self.ticketID = ticketID
        self.actor = actor
        self.at = at
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }

    /// What changed. Custom fields are `custom_fields.<key>`; messages are recorded by id in `newValue`.
    public struct Field: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let created = Field(rawValue: "created")
        public static let subject = Field(rawValue: "subject")
        public static let status = Field(rawValue: "status")
        public static let priority = Field(rawValue: "priority")
        public static let type = Field(rawValue: "type")
        public static let category = Field(rawValue: "category")
        public static let requester = Field(rawValue: "requester")
        public static let organization = Field(rawValue: "organization")
        public static let department = Field(rawValue: "department")
        public static let assignee = Field(rawValue: "assignee")
        public static let tags = Field(rawValue: "tags")
        public static let impact = Field(rawValue: "impact")
        public static let urgency = Field(rawValue: "urgency")
        /// An SLA timer passed its due time: old = the metric (`first_response`), new = the due time (ISO 8601).
        public static let slaBreach = Field(rawValue: "sla_breach")
        /// A rule fired on the ticket: new = the rule's name (old = its id).
        public static let rule = Field(rawValue: "rule")
        public static let reply = Field(rawValue: "reply")
        public static let note = Field(rawValue: "note")
        /// A message Balcão wrote (a merge notice, automations later).
        public static let systemMessage = Field(rawValue: "system_message")
        public static func customField(_ key: String) -> Field { Field(rawValue: "custom_fields.\(key)") }
    }
}
