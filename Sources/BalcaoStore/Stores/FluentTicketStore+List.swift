import BalcaoCore
import FluentKit
import FluentSQL
import Foundation
import SQLKit

extension FluentTicketStore {
    /// One filtered, keyset-paginated page. Raw SQL because the keyset condition is a row-value comparison
    /// against the cursor ticket's stored values, which Fluent's query builder cannot express.
    public func tickets(_ query: TicketQuery) async throws -> TicketPage {
        let limit = min(max(1, query.limit), TicketQuery.maxLimit)
        var conditions: [SQLQueryString] = []
        if !query.statuses.isEmpty { conditions.append("t.status IN (\(binds: query.statuses.map(\.rawValue)))") }
        if !query.priorities.isEmpty { conditions.append("t.priority IN (\(binds: query.priorities.map(\.rank)))") }
        if let id = query.departmentID { conditions.append("t.department_id = \(bind: id.rawValue)") }
        if !query.departmentIDs.isEmpty {
            conditions.append("t.department_id IN (\(binds: query.departmentIDs.map(\.rawValue)))")
        }
        switch query.assignee {
        case .agent(let id): conditions.append("t.assignee_id = \(bind: id.rawValue)")
        case .unassigned: conditions.append("t.assignee_id IS NULL")
        case nil: break
        }
        if let id = query.requesterID { conditions.append("t.requester_id = \(bind: id.rawValue)") }
        if let id = query.organizationID { conditions.append("t.organization_id = \(bind: id.rawValue)") }
        if let tag = query.tag {
            conditions.append(
                "EXISTS (SELECT 1 FROM ticket_tags g WHERE g.ticket_id = t.id AND g.tag = \(bind: tag))")
        }
        if let since = query.updatedSince { conditions.append("t.updated_at >= \(bind: since)") }
        if let category = query.category { conditions.append("t.category = \(bind: category)") }
        if let since = query.createdSince { conditions.append("t.created_at >= \(bind: since)") }
        if let before = query.createdBefore { conditions.append("t.created_at < \(bind: before)") }
        if let before = query.slaWatchBefore { conditions.append("t.sla_watch_at <= \(bind: before)") }

        let column = Self.column(for: query.sort)
        let comparison = query.descending ? "<" : ">"
        let direction = query.descending ? "DESC" : "ASC"
        if let cursor = query.after {
            if query.sort == .ruler {
                // Urgent first, then nearest SLA due, then oldest: ascending on (-priority, sla_due_at, created_at,
                // number).
                conditions.append(
                    """
                    (-t.priority, t.sla_due_at, t.created_at, t.number) \(unsafeRaw: comparison) \
                    (SELECT -c.priority, c.sla_due_at, c.created_at, c.number FROM tickets c \
                    WHERE c.number = \(bind: cursor.number))
                    """)
            } else if query.sort == .number {
                conditions.append("t.number \(unsafeRaw: comparison) \(bind: cursor.number)")
            } else {
                conditions.append(
                    """
                    (t.\(unsafeRaw: column), t.number) \(unsafeRaw: comparison) \
                    (SELECT c.\(unsafeRaw: column), c.number FROM tickets c WHERE c.number = \(bind: cursor.number))
                    """)
            }
        }
        var statement: SQLQueryString = "SELECT t.* FROM tickets t"
        if !conditions.isEmpty { statement += " WHERE " + conditions.joined(separator: " AND ") }
        statement += " ORDER BY "
        if query.sort == .ruler {
            let reverse = query.descending ? "ASC" : "DESC"
            statement += "t.priority \(unsafeRaw: reverse), t.sla_due_at \(unsafeRaw: direction), "
            statement += "t.created_at \(unsafeRaw: direction), "
        } else if query.sort != .number {
            statement += "t.\(unsafeRaw: column) \(unsafeRaw: direction), "
        }
        statement += "t.number \(unsafeRaw: direction) LIMIT \(literal: limit + 1)"

        let rows = try await context.sql.raw(statement).all()
        let tickets = try rows.prefix(limit).map(TicketRows.ticket(from:))
        let next = rows.count > limit ? tickets.last.map { TicketCursor(after: $0, in: query) } : nil
        return TicketPage(tickets: tickets, next: next)
    }

    static func column(for key: TicketQuery.SortKey) -> String {
        switch key {
        case .ruler: "priority"
        case .updatedAt: "updated_at"
        case .createdAt: "created_at"
        case .priority: "priority"
        case .number: "number"
        }
    }
}
