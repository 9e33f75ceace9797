import Foundation

/// Namespace for the static demo-data catalogue (people, organisations, agents and tickets)
/// used to seed a demonstration desk.
enum DemoCatalog {}

/// Departments of the demo desk: four internal desks and three external ones.
enum DemoDepartmentKey: String, CaseIterable, Sendable {
    case it, hr, finance, facilities, support, operations, partners
}

struct DemoPerson: Sendable {
    let name: String
    let email: String
    let phone: String?
    /// "pt-BR" | "pt-PT" | "en"
    let language: String
    /// IANA time zone, e.g. "America/Sao_Paulo", "Europe/Lisbon", "Europe/London", "America/New_York".
    let timeZone: String
    /// Name of a `DemoOrganization`, nil for none.
    let organization: String?
}

struct DemoOrganization: Sendable {
    let name: String
    let domain: String
}

struct DemoAgentSeed: Sendable {
    let name: String
    let email: String
    /// admin | supervisor | agent
    let role: String
    let departments: [DemoDepartmentKey]
    let language: String
}

struct DemoTicketSeed: Sendable {
    let department: DemoDepartmentKey
    /// "pt-BR" | "pt-PT" | "en"
    let language: String
    let subject: String
    /// What the requester wrote, plain text, 1–5 sentences.
    let body: String
    /// question | incident | problem | task | complaint
    let type: String
    /// low | normal | high | urgent
    let priority: String
    /// Short slug-like category, e.g. "hardware", "payroll", "refund", "delivery".
    let category: String
    let tags: [String]
    /// A plausible first public reply by an agent, or nil (ticket still unanswered).
    let agentReply: String?
    /// The requester's answer to that reply, or nil.
    let requesterFollowUp: String?
    /// An internal note between agents, or nil.
    let internalNote: String?
}
