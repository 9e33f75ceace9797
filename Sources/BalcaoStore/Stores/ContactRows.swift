import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// Contacts with their addresses in one plain-SQL statement: every ticket opened by mail or the API looks up its
/// requester, and every queue page names fifty; through Fluent that was two or three queries with model
/// reflection each time (docs/BENCHMARKS.md).
enum ContactRows {
    /// The contacts `condition` (on `c`, the contacts table) selects, each with its addresses in order.
    static func contacts(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [Contact] {
        let rows = try await sql.raw(
            """
            SELECT c.id, c.kind, c.name, c.search_key, c.phone, c.organization_id, c.language, c.time_zone, \
            c.created_at, c.updated_at, e.email, e.position \
            FROM contacts c LEFT JOIN contact_emails e ON e.contact_id = c.id WHERE 
            """ + condition + " ORDER BY c.id, e.position"
        ).all()
        var contacts: [Contact] = []
        var current: (record: ContactRecord, emails: [ContactEmailRecord])?
        for row in rows {
            let id = try row.uuid("id")
            if current?.record.id != id {
                if let current { contacts.append(try current.record.toDomain(emails: current.emails)) }
                current = (try record(from: row, id: id), [])
            }
            if let email = try row.decode(column: "email", as: String?.self) {
                let address = ContactEmailRecord()
                address.id = email
                address.position = try row.decode(column: "position", as: Int.self)
                current?.emails.append(address)
            }
        }
        if let current { contacts.append(try current.record.toDomain(emails: current.emails)) }
        return contacts
    }

    private static func record(from row: any SQLRow, id: UUID) throws -> ContactRecord {
        let record = ContactRecord()
        record.id = id
        record.kind = try row.decode(column: "kind", as: String.self)
        record.name = try row.decode(column: "name", as: String.self)
        record.searchKey = try row.decode(column: "search_key", as: String.self)
        record.phone = try row.decode(column: "phone", as: String?.self)
        record.$organization.id = try row.optionalUUID("organization_id")
        record.language = try row.decode(column: "language", as: String?.self)
        record.timeZone = try row.decode(column: "time_zone", as: String?.self)
        record.createdAt = try row.decode(column: "created_at", as: Date.self)
        record.updatedAt = try row.decode(column: "updated_at", as: Date.self)
        return record
    }
}
