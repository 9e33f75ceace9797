import BalcaoCore
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Hourly ticket arrivals per dimension (the whole desk, each department, channel and category), the spike
/// detectors' state and their alerts; existing tickets are counted in. (The last hour's arrivals are read from
/// `tickets` through its `tickets_created` index.)
struct AddDemand: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("demand_hourly")
            .field("hour_start", .datetime, .required)
            .field("dimension", .string, .required)
            .field("value", .string, .required)
            .field("count", .int, .required)
            .compositeIdentifier(over: "hour_start", "dimension", "value")
            .create()
        try await sql.create(index: "demand_hourly_series").on("demand_hourly").column("dimension").column("value")
            .column("hour_start").run()
        try await database.schema("demand_detectors")
            .field("series", .string, .identifier(auto: false))
            .field("state", .string, .required)
            .create()
        try await database.schema("demand_alerts")
            .field("series", .string, .required)
            .field("opened_at", .datetime, .required)
            .field("closed_at", .datetime)
            .field("payload", .string, .required)
            .field("examples", .string, .required)
            .compositeIdentifier(over: "series", "opened_at")
            .create()
        try await Self.countExistingTickets(sql)
    }

    func revert(on database: any Database) async throws {
        for table in ["demand_alerts", "demand_detectors", "demand_hourly"] { try await database.schema(table).delete() }
    }

    /// Every ticket's arrival, aggregated in memory as the rows stream by and written as hourly rows.
    static func countExistingTickets(_ sql: any SQLDatabase) async throws {
        let counting = NIOLockedValueBox<[FluentDemandStore.Cell: Int]>([:])
        let failure = NIOLockedValueBox<(any Error)?>(nil)
        try await sql.raw("SELECT created_at, department_id, channel, category FROM tickets").run { row in
            do {
                let cells = FluentDemandStore.cells(
                    createdAt: try row.decode(column: "created_at", as: Date.self),
                    department: try row.optionalUUID("department_id")?.uuidString,
                    channel: try row.decode(column: "channel", as: String.self),
                    category: try row.decode(column: "category", as: String?.self))
                counting.withLockedValue { counts in for cell in cells { counts[cell, default: 0] += 1 } }
            } catch {
                failure.withLockedValue { $0 = error }
            }
        }
        if let error = failure.withLockedValue({ $0 }) { throw error }
        let counts = counting.withLockedValue { $0 }
        for (cell, count) in counts {
            try await FluentDemandStore.add(count, to: cell, on: sql)
        }
    }
}
