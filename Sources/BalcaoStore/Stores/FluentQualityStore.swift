import BalcaoCore
import Foundation
import SQLKit

/// The complaint taxonomy (a `desk_settings` document) and recurrence counts in SQL that runs on both databases.
public struct FluentQualityStore: QualityStore, DigestClaims {
    let context: StoreContext
    static let taxonomyKey = "complaint_taxonomy"

    public init(context: StoreContext) { self.context = context }

    public func taxonomy() async throws -> ComplaintTaxonomy {
        try await DeskSettings(context: context).document(Self.taxonomyKey, as: ComplaintTaxonomy.self)
            ?? ComplaintTaxonomy()
    }

    public func save(_ taxonomy: ComplaintTaxonomy) async throws {
        try await DeskSettings(context: context).save(Self.taxonomyKey, taxonomy)
    }

    /// One pass over the category's tickets in the widest window, summing each window's three counts.
    public func recurrence(of subject: RecurrenceSubject, windows: [Int]) async throws -> [RecurrenceCount] {
        guard let widest = windows.max() else { return [] }
        let starts = windows.map { subject.createdAt.addingTimeInterval(-Double($0) * 86400) }
        var columns: [SQLQueryString] = []
        for (index, start) in starts.enumerated() {
            columns.append(
                "SUM(CASE WHEN created_at >= \(bind: start) AND requester_id = \(bind: subject.requesterID.rawValue) THEN 1 ELSE 0 END) AS \(ident: "r\(index)")")
            columns.append(
                "SUM(CASE WHEN created_at >= \(bind: start) AND organization_id = \(bind: subject.organizationID?.rawValue) THEN 1 ELSE 0 END) AS \(ident: "o\(index)")")
            columns.append("SUM(CASE WHEN created_at >= \(bind: start) THEN 1 ELSE 0 END) AS \(ident: "a\(index)")")
        }
        let earliest = subject.createdAt.addingTimeInterval(-Double(widest) * 86400)
        let query: SQLQueryString = "SELECT " + columns.joined(separator: ", ") + """
             FROM tickets WHERE category = \(bind: subject.category) AND created_at < \(bind: subject.createdAt) \
            AND created_at >= \(bind: earliest) AND id <> \(bind: subject.ticketID.rawValue)
            """
        let row = try await context.sql.raw(query).first()
        func count(_ column: String) throws -> Int { try row?.decode(column: column, as: Int?.self) ?? 0 }
        return try windows.indices.map { index in
            RecurrenceCount(
                days: windows[index], requester: try count("r\(index)"),
                organization: subject.organizationID == nil ? nil : try count("o\(index)"), overall: try count("a\(index)"))
        }
    }

    public func recurrenceSubjects(categories: Set<String>, requesters: Set<Contact.ID>, since: Date) async throws
        -> [RecurrenceSubject]
    {
        guard !categories.isEmpty, !requesters.isEmpty else { return [] }
        let rows = try await context.sql.raw(
            """
            SELECT id, category, requester_id, organization_id, created_at FROM tickets \
            WHERE category IN (\(binds: Array(categories))) AND requester_id IN (\(binds: requesters.map(\.rawValue))) \
            AND created_at >= \(bind: since)
            """
        ).all()
        return try rows.map { row in
            RecurrenceSubject(
                ticketID: .init(rawValue: try row.uuid("id")), category: try row.decode(column: "category", as: String.self),
                requesterID: .init(rawValue: try row.uuid("requester_id")),
                organizationID: try row.optionalUUID("organization_id").map(Organization.ID.init(rawValue:)),
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }

    public func reportFacts(from: Date, to: Date) async throws -> [QualityReport.Fact] {
        let rows = try await context.sql.raw(
            """
            SELECT category, requester_id, organization_id, created_at FROM tickets \
            WHERE category IS NOT NULL AND category <> '' AND created_at >= \(bind: from) AND created_at < \(bind: to)
            """
        ).all()
        return try rows.map { row in
            QualityReport.Fact(
                category: try row.decode(column: "category", as: String.self),
                requesterID: .init(rawValue: try row.uuid("requester_id")),
                organizationID: try row.optionalUUID("organization_id").map(Organization.ID.init(rawValue:)),
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }

    /// One row per week in `desk_settings`; the insert that creates it wins.
    public func claimDigest(for week: Date) async throws -> Bool {
        let key = "quality_digest:\(Int(week.timeIntervalSince1970))"
        return try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO desk_settings (key, payload, updated_at) VALUES (\(bind: key), '{}', \(bind: Date())) \
                ON CONFLICT (key) DO NOTHING RETURNING key
                """
            ).first() != nil
        }
    }
}
