import BalcaoCore
import Foundation
import Vapor

/// Reads `GET /tickets` query parameters into a `TicketQuery`, naming each bad parameter.
enum TicketListParameters {
    static func query(from parameters: any URLQueryContainer) throws -> TicketQuery {
        var query = TicketQuery()
        var collector = ValidationCollector()
        func text(_ name: String) -> String? {
            (try? parameters.get(String.self, at: name)).flatMap { $0.isEmpty ? nil : $0 }
        }
        func id<Owner>(_ name: String, as _: TypedID<Owner>.Type) -> TypedID<Owner>? {
            guard let raw = text(name) else { return nil }
            guard let id = TypedID<Owner>(raw) else {
                collector.add(name, "must be a UUID")
                return nil
            }
            return id
        }
        func list<T: RawRepresentable>(_ name: String, as _: T.Type) -> [T] where T.RawValue == String {
            guard let raw = text(name) else { return [] }
            return raw.split(separator: ",").compactMap { part in
                let value = T(rawValue: part.trimmingCharacters(in: .whitespaces))
                if value == nil { collector.add(name, "\(part) is not a known value") }
                return value
            }
        }

        query.statuses = list("status", as: TicketStatus.self)
        query.priorities = list("priority", as: TicketPriority.self)
        query.departmentID = id("departmentId", as: Department.ID.self)
        if text("assigneeId") == "none" {
            query.assignee = .unassigned
        } else if let assignee = id("assigneeId", as: Agent.ID.self) {
            query.assignee = .agent(assignee)
        }
        query.requesterID = id("requesterId", as: Contact.ID.self)
        query.organizationID = id("organizationId", as: Organization.ID.self)
        query.tag = text("tag").flatMap(Tag.normalize)
        if let raw = text("updatedSince") {
            if let date = ISO8601DateFormatter().date(from: raw) { query.updatedSince = date } else {
                collector.add("updatedSince", "must be an ISO 8601 date-time such as 2026-11-25T09:00:00Z")
            }
        }
        if let raw = text("sort") {
            let descending = raw.hasPrefix("-")
            if let key = TicketQuery.SortKey(rawValue: descending ? String(raw.dropFirst()) : raw) {
                query.sort = key
                query.descending = descending
            } else {
                let keys = TicketQuery.SortKey.allCases.map(\.rawValue).joined(separator: ", ")
                collector.add("sort", "must be one of \(keys), with - for descending")
            }
        }
        if let raw = text("limit") {
            if let limit = Int(raw), (1...TicketQuery.maxLimit).contains(limit) { query.limit = limit } else {
                collector.add("limit", "must be a whole number from 1 to \(TicketQuery.maxLimit)")
            }
        }
        if let raw = text("cursor") {
            if let cursor = TicketCursor(token: raw), cursor.fits(query) { query.after = cursor } else {
                collector.add("cursor", "is not a cursor from this list with this sort")
            }
        }
        try collector.check()
        return query
    }
}
