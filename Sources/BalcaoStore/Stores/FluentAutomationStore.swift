import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// Triage and automation configuration as JSON documents (one row each, read together as a snapshot) plus the
/// firing, assignment and availability bookkeeping, in SQL that runs unchanged on SQLite and PostgreSQL.
public struct FluentAutomationStore: AutomationStore {
    let context: StoreContext
    let cache: SnapshotCache<AutomationSettings>

    /// `cacheFor` is how long a snapshot is reused: every ticket change reads it, and several instances on one
    /// PostgreSQL see each other's admin edits within that time.
    public init(context: StoreContext, cacheFor seconds: TimeInterval = 2) {
        self.context = context
        self.cache = SnapshotCache(lifetime: seconds)
    }

    public func settings() async throws -> AutomationSettings {
        try await cache.value { try await readSettings() }
    }

    private func readSettings() async throws -> AutomationSettings {
        let rows = try await context.sql.raw("SELECT kind, payload FROM automation_documents ORDER BY position, id")
            .all()
        var settings = AutomationSettings()
        for row in rows {
            let kind = try row.decode(column: "kind", as: String.self)
            let payload = try row.decode(column: "payload", as: String.self)
            func decode<T: Decodable>(_ type: T.Type) throws -> T {
                try JSONColumn.decode(type, payload, table: "automation_documents", id: kind, column: "payload")
            }
            switch AutomationDocumentKind(rawValue: kind) {
            case .matrix: settings.matrix = try decode(PriorityMatrix.self)
            case .calendar: settings.calendars.append(try decode(BusinessCalendar.self))
            case .policy: settings.policies.append(try decode(SLAPolicy.self))
            case .rule: settings.rules.append(try decode(Rule.self))
            case .macro: settings.macros.append(try decode(Macro.self))
            case .department: settings.departments.append(try decode(DepartmentAutomation.self))
            case nil: continue
            }
        }
        return settings
    }

    public func save(_ document: AutomationDocument) async throws {
        let (kind, id, position, payload) = Self.row(document)
        let now = Date()
        // The WHERE keeps an id of one kind from overwriting a document of another (then no row comes back).
        let saved = try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO automation_documents (id, kind, position, payload, updated_at) \
                VALUES (\(bind: id), \(bind: kind.rawValue), \(bind: position), \(bind: payload), \(bind: now)) \
                ON CONFLICT (id) DO UPDATE SET position = \(bind: position), payload = \(bind: payload), \
                updated_at = \(bind: now) WHERE automation_documents.kind = \(bind: kind.rawValue) RETURNING id
                """
            ).all().count
        }
        await cache.clear()
        if saved == 0 { throw AutomationError.idTaken(id) }
    }

    public func delete(_ kind: AutomationDocumentKind, id: UUID) async throws -> Bool {
        let deleted = try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                "DELETE FROM automation_documents WHERE id = \(bind: id) AND kind = \(bind: kind.rawValue) RETURNING id"
            ).all().count
        }
        await cache.clear()
        return deleted > 0
    }

    /// The matrix is a single document with a fixed id.
    static let matrixID = UUID(uuidString: "00000000-0000-0000-0000-00000000a001")!

    static func row(_ document: AutomationDocument) -> (AutomationDocumentKind, UUID, Int, String) {
        switch document {
        case .matrix(let matrix): (.matrix, matrixID, 0, JSONColumn.encode(matrix))
        case .calendar(let calendar): (.calendar, calendar.id.rawValue, 0, JSONColumn.encode(calendar))
        case .policy(let policy): (.policy, policy.id.rawValue, policy.order, JSONColumn.encode(policy))
        case .rule(let rule): (.rule, rule.id.rawValue, rule.position, JSONColumn.encode(rule))
        case .macro(let macro): (.macro, macro.id.rawValue, macro.position, JSONColumn.encode(macro))
        case .department(let setting):
            (.department, setting.departmentID.rawValue, 0, JSONColumn.encode(setting))
        }
    }

    public func claimFiring(_ key: String, ticket: Ticket.ID, anchor: Date, at now: Date) async throws -> Bool {
        let anchorMS = Int64((anchor.timeIntervalSince1970 * 1000).rounded())
        return try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO automation_firings (key, ticket_id, anchor_ms, fired_at) \
                VALUES (\(bind: key), \(bind: ticket.rawValue), \(bind: anchorMS), \(bind: now)) \
                ON CONFLICT (key, ticket_id, anchor_ms) DO NOTHING RETURNING key
                """
            ).all().count == 1
        }
    }

    public func availability(of agents: [Agent.ID]) async throws -> [Agent.ID: AgentAvailability] {
        guard !agents.isEmpty else { return [:] }
        let rows = try await context.sql.raw(
            "SELECT agent_id, status FROM agent_availability WHERE agent_id IN (\(binds: agents.map(\.rawValue)))"
        ).all()
        var result: [Agent.ID: AgentAvailability] = [:]
        for row in rows {
            let id = try row.uuid("agent_id")
            result[Agent.ID(rawValue: id)] = AgentAvailability(rawValue: try row.decode(column: "status", as: String.self))
        }
        return result
    }

    public func setAvailability(_ availability: AgentAvailability, of agent: Agent.ID, at now: Date) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO agent_availability (agent_id, status, updated_at) \
                VALUES (\(bind: agent.rawValue), \(bind: availability.rawValue), \(bind: now)) \
                ON CONFLICT (agent_id) DO UPDATE SET status = \(bind: availability.rawValue), updated_at = \(bind: now)
                """
            ).run()
        }
    }

    public func lastAssignments(in department: Department.ID) async throws -> [Agent.ID: Date] {
        let rows = try await context.sql.raw(
            "SELECT agent_id, assigned_at FROM assignment_log WHERE department_id = \(bind: department.rawValue)"
        ).all()
        var result: [Agent.ID: Date] = [:]
        for row in rows {
            result[Agent.ID(rawValue: try row.uuid("agent_id"))] =
                try row.decode(column: "assigned_at", as: Date.self)
        }
        return result
    }

    public func recordAssignment(in department: Department.ID, to agent: Agent.ID, at now: Date) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO assignment_log (department_id, agent_id, assigned_at) \
                VALUES (\(bind: department.rawValue), \(bind: agent.rawValue), \(bind: now)) \
                ON CONFLICT (department_id, agent_id) DO UPDATE SET assigned_at = \(bind: now)
                """
            ).run()
        }
    }

    public func addNotifications(_ notifications: [AgentNotification]) async throws {
        guard !notifications.isEmpty else { return }
        try await context.write { db in
            var insert = (db as! any SQLDatabase).insert(into: "agent_notifications").columns(
                "id", "agent_id", "ticket_id", "ticket_number", "title", "body", "created_at")
            for note in notifications {
                insert = insert.values(
                    SQLBind(note.id.rawValue), SQLBind(note.agentID.rawValue), SQLBind(note.ticketID?.rawValue),
                    SQLBind(note.ticketNumber?.value), SQLBind(note.title), SQLBind(note.body), SQLBind(note.createdAt))
            }
            try await insert.run()
        }
    }

    public func notifications(for agent: Agent.ID, limit: Int) async throws -> [AgentNotification] {
        try await context.sql.raw(
            """
            SELECT id, ticket_id, ticket_number, title, body, created_at, read_at FROM agent_notifications \
            WHERE agent_id = \(bind: agent.rawValue) ORDER BY created_at DESC LIMIT \(literal: max(1, min(limit, 200)))
            """
        ).all().map { row in
            AgentNotification(
                id: .init(rawValue: try row.uuid("id")), agentID: agent,
                ticketID: try row.optionalUUID("ticket_id").map { .init(rawValue: $0) },
                ticketNumber: try row.decode(column: "ticket_number", as: Int?.self).map { TicketNumber($0) },
                title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                readAt: try row.decode(column: "read_at", as: Date?.self))
        }
    }

    public func unreadNotificationCount(for agent: Agent.ID) async throws -> Int {
        try await context.sql.raw(
            "SELECT COUNT(*) AS n FROM agent_notifications WHERE agent_id = \(bind: agent.rawValue) AND read_at IS NULL"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func markNotificationsRead(for agent: Agent.ID, at now: Date) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                UPDATE agent_notifications SET read_at = \(bind: now) \
                WHERE agent_id = \(bind: agent.rawValue) AND read_at IS NULL
                """
            ).run()
        }
    }

    public func queueWebhook(url: String, ticket: Ticket.ID, payload: String, at now: Date) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO webhook_outbox (id, url, ticket_id, payload, status, created_at) \
                VALUES (\(bind: UUID()), \(bind: url), \(bind: ticket.rawValue), \(bind: payload), 'pending', \(bind: now))
                """
            ).run()
        }
    }

    /// Webhook calls waiting for the integrations worker, oldest first.
    public func pendingWebhooks(limit: Int = 100) async throws -> [(url: String, ticketID: Ticket.ID, payload: String)] {
        try await context.sql.raw(
            """
            SELECT url, ticket_id, payload FROM webhook_outbox WHERE status = 'pending' \
            ORDER BY created_at LIMIT \(literal: limit)
            """
        ).all().map { row in
            (
                try row.decode(column: "url", as: String.self),
                Ticket.ID(rawValue: try row.uuid("ticket_id")),
                try row.decode(column: "payload", as: String.self)
            )
        }
    }
}
