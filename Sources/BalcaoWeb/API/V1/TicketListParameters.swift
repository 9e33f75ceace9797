import BalcaoCore
import Foundation
import Vapor

/// Reads `GET /tickets` query parameters into a `TicketQuery`, naming each bad parameter.
enum TicketListParameters {
    static func query(from parameters: any URLQueryContainer) throws -> TicketQuery {
        var reader = QueryReader(parameters)
        var query = TicketQuery()
        query.statuses = reader.list("status", as: TicketStatus.self)
        query.priorities = reader.list("priority", as: TicketPriority.self)
        query.departmentID = reader.id("departmentId", as: Department.ID.self)
        if reader.text("assigneeId") == "none" {
            query.assignee = .unassigned
        } else if let assignee = reader.id("assigneeId", as: Agent.ID.self) {
            query.assignee = .agent(assignee)
        }
        query.requesterID = reader.id("requesterId", as: Contact.ID.self)
        query.organizationID = reader.id("organizationId", as: Organization.ID.self)
        query.tag = reader.text("tag").flatMap(Tag.normalize)
        if let raw = reader.text("updatedSince") {
            if let date = ISO8601DateFormatter().date(from: raw) { query.updatedSince = date } else {
                reader.collector.add("updatedSince", "must be an ISO 8601 date-time such as 2026-11-25T09:00:00Z")
            }
        }
        if let raw = reader.text("sort") {
            let descending = raw.hasPrefix("-")
            if let key = TicketQuery.SortKey(rawValue: descending ? String(raw.dropFirst()) : raw) {
                query.sort = key
                query.descending = descending
            } else {
                let keys = TicketQuery.SortKey.allCases.map(\.rawValue).joined(separator: ", ")
                reader.collector.add("sort", "must be one of \(keys), with - for descending")
            }
        }
        query.limit = reader.integer("limit", in: 1...TicketQuery.maxLimit) ?? query.limit
        if let raw = reader.text("cursor") {
            if let cursor = TicketCursor(token: raw), cursor.fits(query) { query.after = cursor } else {
                reader.collector.add("cursor", "is not a cursor from this list with this sort")
            }
        }
        try reader.check()
        return query
    }
}
