import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// Maintains `queue_counts`: one row per (department, assignee, status) with how many tickets sit there.
/// Null department or assignee is stored as "-" so the triple can be a primary key on both databases.
enum QueueCounter {
    struct Key: Hashable {
        let department: String
        let assignee: String
        let status: String

        init(department: UUID?, assignee: UUID?, status: String) {
            self.department = department?.uuidString ?? "-"
            self.assignee = assignee?.uuidString ?? "-"
            self.status = status
        }

        init(_ ticket: Ticket) {
            self.init(department: ticket.departmentID?.rawValue, assignee: ticket.assigneeID?.rawValue,
                status: ticket.status.rawValue)
        }
    }

    /// Moves a ticket from `old` to `new` (either may be nil for insert/delete).
    static func move(from old: Key?, to new: Key?, on db: any Database) async throws {
        guard old != new else { return }
        if let old { try await add(-1, to: old, on: db) }
        if let new { try await add(1, to: new, on: db) }
    }

    static func add(_ delta: Int, to key: Key, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw(
            """
            INSERT INTO queue_counts (department_key, assignee_key, status, count) \
            VALUES (\(bind: key.department), \(bind: key.assignee), \(bind: key.status), \(bind: delta)) \
            ON CONFLICT (department_key, assignee_key, status) DO UPDATE SET count = queue_counts.count + \(bind: delta)
            """
        ).run()
    }

    /// Several counters in one statement (zero deltas skipped).
    static func add(_ deltas: [Key: Int], on sql: any SQLDatabase) async throws {
        let rows = deltas.filter { $0.value != 0 }.map { key, delta in
            SQLQueryString("(\(bind: key.department), \(bind: key.assignee), \(bind: key.status), \(bind: delta))")
        }
        guard !rows.isEmpty else { return }
        try await sql.raw(
            """
            INSERT INTO queue_counts (department_key, assignee_key, status, count) VALUES \(SQLList(rows)) \
            ON CONFLICT (department_key, assignee_key, status) DO UPDATE SET count = queue_counts.count + excluded.count
            """
        ).run()
    }

    static func counts(on db: any Database) async throws -> QueueCounts {
        let rows = try await (db as! any SQLDatabase).raw(
            "SELECT department_key, assignee_key, status, count FROM queue_counts WHERE count > 0"
        ).all()
        let cells = try rows.compactMap { row -> QueueCounts.Cell? in
            guard let status = TicketStatus(rawValue: try row.decode(column: "status", as: String.self)) else {
                return nil
            }
            let department = try row.decode(column: "department_key", as: String.self)
            let assignee = try row.decode(column: "assignee_key", as: String.self)
            return QueueCounts.Cell(
                departmentID: Department.ID(department), assigneeID: Agent.ID(assignee), status: status,
                count: try row.decode(column: "count", as: Int.self))
        }
        return QueueCounts(cells: cells)
    }
}
