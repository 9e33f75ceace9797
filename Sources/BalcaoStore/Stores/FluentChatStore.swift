import BalcaoCore
import Foundation
import SQLKit

/// Chat conversations in plain SQL; each department's widget is a JSON document in `desk_settings`
/// (`chat_widget:<department id>`).
public struct FluentChatStore: ChatStore {
    let context: StoreContext

    public init(context: StoreContext) { self.context = context }

    public func create(_ conversation: ChatConversation) async throws -> String {
        let secret = Hex.random(bytes: 32)
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO chat_conversations (id, token_hash, ticket_id, ticket_number, department_id, contact_id, \
                state, origin, created_at) VALUES (\(bind: conversation.id.rawValue), \
                \(bind: CredentialStore.hash(secret)), \(bind: conversation.ticketID.rawValue), \
                \(bind: conversation.ticketNumber.value), \(bind: conversation.departmentID.rawValue), \
                \(bind: conversation.contactID.rawValue), \(bind: conversation.state.rawValue), \
                \(bind: conversation.origin), \(bind: conversation.createdAt))
                """
            ).run()
        }
        return secret
    }

    public func conversation(token: String) async throws -> ChatConversation? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        return try await first("token_hash = \(bind: CredentialStore.hash(token))")
    }

    public func conversation(ticket: Ticket.ID) async throws -> ChatConversation? {
        try await first("ticket_id = \(bind: ticket.rawValue)")
    }

    public func setState(_ state: ChatConversation.State, of id: ChatConversation.ID, at date: Date) async throws {
        let endedAt: Date? = state == .ended ? date : nil
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                UPDATE chat_conversations SET state = \(bind: state.rawValue), ended_at = \(bind: endedAt) \
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
        }
    }

    public func widget(for department: Department.ID) async throws -> ChatWidget? {
        try await DeskSettings(context: context).document(Self.widgetKey(department), as: ChatWidget.self)
    }

    public func save(_ widget: ChatWidget) async throws {
        try await DeskSettings(context: context).save(Self.widgetKey(widget.departmentID), widget)
    }

    public func openChats(assignedTo agent: Agent.ID, activeSince: Date) async throws -> Int {
        let row = try await context.sql.raw(
            """
            SELECT COUNT(*) AS open FROM chat_conversations c JOIN tickets t ON t.id = c.ticket_id \
            WHERE c.state <> 'ended' AND t.assignee_id = \(bind: agent.rawValue) AND t.updated_at >= \(bind: activeSince)
            """
        ).first()
        return try row?.decode(column: "open", as: Int.self) ?? 0
    }

    public func chatLimits() async throws -> [Agent.ID: Int] {
        let limits = try await DeskSettings(context: context).document(Self.limitsKey, as: [String: Int].self) ?? [:]
        return Dictionary(
            limits.compactMap { key, value in UUID(uuidString: key).map { (Agent.ID(rawValue: $0), value) } },
            uniquingKeysWith: { first, _ in first })
    }

    public func setChatLimit(_ limit: Int?, of agent: Agent.ID) async throws {
        var limits = try await chatLimits()
        limits[agent] = limit
        let payload = Dictionary(uniqueKeysWithValues: limits.map { ($0.key.rawValue.uuidString, $0.value) })
        try await DeskSettings(context: context).save(Self.limitsKey, payload)
    }

    static let limitsKey = "chat_limits"

    static func widgetKey(_ department: Department.ID) -> String { "chat_widget:\(department.rawValue.uuidString)" }

    private func first(_ condition: SQLQueryString) async throws -> ChatConversation? {
        guard let row = try await context.sql.raw("SELECT * FROM chat_conversations WHERE " + condition).first() else {
            return nil
        }
        let id = try row.uuid("id")
        guard let state = ChatConversation.State(rawValue: try row.decode(column: "state", as: String.self)) else {
            throw StoreError.corruptRow(table: "chat_conversations", id: id.uuidString, column: "state")
        }
        return ChatConversation(
            id: .init(rawValue: id), ticketID: .init(rawValue: try row.uuid("ticket_id")),
            ticketNumber: TicketNumber(try row.decode(column: "ticket_number", as: Int.self)),
            departmentID: .init(rawValue: try row.uuid("department_id")),
            contactID: .init(rawValue: try row.uuid("contact_id")), state: state,
            origin: try row.decode(column: "origin", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            endedAt: try row.decode(column: "ended_at", as: Date?.self))
    }
}
