import Foundation

/// Keeps the triage and automation configuration and the bookkeeping that makes automations run once.
/// BalcaoStore implements it.
public protocol AutomationStore: Sendable {
    /// The current configuration (implementations may cache it briefly; saves through this store are seen at once).
    func settings() async throws -> AutomationSettings
    func save(_ document: AutomationDocument) async throws
    /// Deletes one document; false when there was none.
    func delete(_ kind: AutomationDocumentKind, id: UUID) async throws -> Bool

    /// Records that `key` (a rule, or the SLA watch for one metric) fired on a ticket for `anchor` (the instant its
    /// condition counts from). True for the one caller that got there first — across processes, since it is a
    /// unique row — false for everyone after.
    func claimFiring(_ key: String, ticket: Ticket.ID, anchor: Date, at now: Date) async throws -> Bool

    func availability(of agents: [Agent.ID]) async throws -> [Agent.ID: AgentAvailability]
    func setAvailability(_ availability: AgentAvailability, of agent: Agent.ID, at now: Date) async throws
    /// When `department` last assigned a ticket to each agent.
    func lastAssignments(in department: Department.ID) async throws -> [Agent.ID: Date]
    func recordAssignment(in department: Department.ID, to agent: Agent.ID, at now: Date) async throws

    func addNotifications(_ notifications: [AgentNotification]) async throws
    /// The agent's notifications, newest first.
    func notifications(for agent: Agent.ID, limit: Int) async throws -> [AgentNotification]
    func unreadNotificationCount(for agent: Agent.ID) async throws -> Int
    func markNotificationsRead(for agent: Agent.ID, at now: Date) async throws

    /// Queues a webhook call (delivered by the integrations worker).
    func queueWebhook(url: String, ticket: Ticket.ID, payload: String, at now: Date) async throws
}
