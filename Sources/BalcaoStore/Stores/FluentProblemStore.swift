import BalcaoCore
import Foundation
import SQLKit

/// ProblemRecord records and their tickets in plain SQL for both databases.
public struct FluentProblemStore: ProblemStore {
    let context: StoreContext

    public init(context: StoreContext) { self.context = context }

    public func insert(_ problem: ProblemRecord) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO problems (id, title, category, root_cause, workaround, status, resolution, created_by, \
                created_at, updated_at, solved_at) VALUES (\(bind: problem.id.rawValue), \(bind: problem.title), \
                \(bind: problem.category), \(bind: problem.rootCause), \(bind: problem.workaround), \
                \(bind: problem.status.rawValue), \(bind: problem.resolution), \(bind: problem.createdBy.rawValue), \
                \(bind: problem.createdAt), \(bind: problem.updatedAt), \(bind: problem.solvedAt))
                """
            ).run()
        }
    }

    public func update(_ problem: ProblemRecord) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                UPDATE problems SET title = \(bind: problem.title), category = \(bind: problem.category), \
                root_cause = \(bind: problem.rootCause), workaround = \(bind: problem.workaround), \
                status = \(bind: problem.status.rawValue), resolution = \(bind: problem.resolution), \
                updated_at = \(bind: problem.updatedAt), solved_at = \(bind: problem.solvedAt) \
                WHERE id = \(bind: problem.id.rawValue)
                """
            ).run()
        }
    }

    public func problem(_ id: ProblemRecord.ID) async throws -> ProblemRecord? {
        try await select("WHERE id = \(bind: id.rawValue)").first
    }

    public func problems(status: ProblemRecord.Status?) async throws -> [ProblemRecord] {
        let filter: SQLQueryString = status.map { "WHERE status = \(bind: $0.rawValue)" } ?? ""
        return try await select(filter + " ORDER BY created_at DESC")
    }

    public func link(_ ticket: Ticket.ID, to problem: ProblemRecord.ID, at date: Date) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO problem_tickets (ticket_id, problem_id, linked_at) VALUES \
                (\(bind: ticket.rawValue), \(bind: problem.rawValue), \(bind: date)) \
                ON CONFLICT (ticket_id) DO UPDATE SET problem_id = excluded.problem_id, linked_at = excluded.linked_at
                """
            ).run()
        }
    }

    public func unlink(_ ticket: Ticket.ID) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw("DELETE FROM problem_tickets WHERE ticket_id = \(bind: ticket.rawValue)")
                .run()
        }
    }

    public func problem(of ticket: Ticket.ID) async throws -> ProblemRecord? {
        try await select(
            "WHERE id = (SELECT problem_id FROM problem_tickets WHERE ticket_id = \(bind: ticket.rawValue))"
        ).first
    }

    public func tickets(of problem: ProblemRecord.ID) async throws -> [Ticket.ID] {
        try await context.sql.raw(
            "SELECT ticket_id FROM problem_tickets WHERE problem_id = \(bind: problem.rawValue) ORDER BY linked_at"
        ).all().map { Ticket.ID(rawValue: try $0.uuid("ticket_id")) }
    }

    public func linkCounts() async throws -> [ProblemRecord.ID: Int] {
        let rows = try await context.sql.raw(
            "SELECT problem_id, COUNT(*) AS linked FROM problem_tickets GROUP BY problem_id"
        ).all()
        return Dictionary(
            try rows.map { (ProblemRecord.ID(rawValue: try $0.uuid("problem_id")), try $0.decode(column: "linked", as: Int.self)) },
            uniquingKeysWith: { first, _ in first })
    }

    private func select(_ rest: SQLQueryString) async throws -> [ProblemRecord] {
        try await context.sql.raw("SELECT * FROM problems " + rest).all().map { row in
            let id = try row.uuid("id")
            guard let status = ProblemRecord.Status(rawValue: try row.decode(column: "status", as: String.self)) else {
                throw StoreError.corruptRow(table: "problems", id: id.uuidString, column: "status")
            }
            return ProblemRecord(
                id: .init(rawValue: id), title: try row.decode(column: "title", as: String.self),
                category: try row.decode(column: "category", as: String?.self),
                rootCause: try row.decode(column: "root_cause", as: String.self),
                workaround: try row.decode(column: "workaround", as: String.self), status: status,
                resolution: try row.decode(column: "resolution", as: String?.self),
                createdBy: .init(rawValue: try row.uuid("created_by")),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                updatedAt: try row.decode(column: "updated_at", as: Date.self),
                solvedAt: try row.decode(column: "solved_at", as: Date?.self))
        }
    }
}
