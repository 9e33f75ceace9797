import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// Announcements in plain SQL; the audience is stored as text ("everyone", "customers", "employees",
/// "department:<uuid>").
public struct FluentAnnouncementStore: AnnouncementStore {
    let context: StoreContext

    public init(context: StoreContext) { self.context = context }

    public func announcements() async throws -> [Announcement] {
        try await context.sql.raw("SELECT * FROM announcements ORDER BY starts_at DESC, id").all().map { row in
            let id = try row.uuid("id")
            guard let audience = Self.audience(try row.decode(column: "audience", as: String.self)) else {
                throw StoreError.corruptRow(table: "announcements", id: id.uuidString, column: "audience")
            }
            return Announcement(
                id: .init(rawValue: id), title: try FluentHelpCenterStore.text(row, "title", id: id),
                body: try FluentHelpCenterStore.text(row, "body", id: id), audience: audience,
                startsAt: try row.decode(column: "starts_at", as: Date.self),
                endsAt: try row.decode(column: "ends_at", as: Date?.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                emailedAt: try row.decode(column: "emailed_at", as: Date?.self))
        }
    }

    public func save(_ announcement: Announcement) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO announcements (id, title, body, audience, starts_at, ends_at, created_at) VALUES \
                (\(bind: announcement.id.rawValue), \(bind: FluentHelpCenterStore.json(announcement.title)), \
                \(bind: FluentHelpCenterStore.json(announcement.body)), \(bind: Self.text(announcement.audience)), \
                \(bind: announcement.startsAt), \(bind: announcement.endsAt), \(bind: announcement.createdAt)) \
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, \
                audience = excluded.audience, starts_at = excluded.starts_at, ends_at = excluded.ends_at
                """
            ).run()
        }
    }

    public func delete(_ announcement: Announcement.ID) async throws -> Bool {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                "DELETE FROM announcements WHERE id = \(bind: announcement.rawValue) RETURNING id"
            ).all().count > 0
        }
    }

    public func markEmailed(_ announcement: Announcement.ID, at date: Date) async throws -> Bool {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                "UPDATE announcements SET emailed_at = \(bind: date) WHERE id = \(bind: announcement.rawValue) AND emailed_at IS NULL RETURNING id"
            ).all().count > 0
        }
    }

    static func text(_ audience: Announcement.Audience) -> String {
        switch audience {
        case .everyone: "everyone"
        case .customers: "customers"
        case .employees: "employees"
        case .department(let id): "department:\(id.rawValue.uuidString)"
        }
    }

    static func audience(_ text: String) -> Announcement.Audience? {
        switch text {
        case "everyone": .everyone
        case "customers": .customers
        case "employees": .employees
        default:
            text.hasPrefix("department:") ? Department.ID(String(text.dropFirst("department:".count))).map { .department($0) } : nil
        }
    }
}
