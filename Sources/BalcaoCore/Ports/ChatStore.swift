import Foundation

/// Which agents have the workspace open right now (a chat needs someone there to answer it).
public protocol AgentConnections: Sendable {
    func isConnected(_ agent: Agent.ID) async -> Bool
}

/// Chat conversations and the departments' widgets.
public protocol ChatStore: Sendable {
    /// Stores a conversation and returns the visitor's token (only its hash is kept).
    func create(_ conversation: ChatConversation) async throws -> String
    func conversation(token: String) async throws -> ChatConversation?
    func conversation(ticket: Ticket.ID) async throws -> ChatConversation?
    func setState(_ state: ChatConversation.State, of id: ChatConversation.ID, at: Date) async throws
    func widget(for department: Department.ID) async throws -> ChatWidget?
    func save(_ widget: ChatWidget) async throws
    /// Conversations not ended whose ticket is assigned to `agent` and changed since `activeSince`.
    func openChats(assignedTo agent: Agent.ID, activeSince: Date) async throws -> Int
    /// Agents' own limits of open chats (those without one use the default).
    func chatLimits() async throws -> [Agent.ID: Int]
    func setChatLimit(_ limit: Int?, of agent: Agent.ID) async throws
}
