import BalcaoCore
import Foundation
import SQLKit

/// Hourly arrivals (`demand_hourly`: one row per UTC hour and dimension value), detectors and alerts, in SQL for
/// both databases. Counts are kept as tickets arrive (`DemandRecordingBus`), so reading eight weeks of a series
/// reads at most 1,344 rows whatever the desk's size.
public struct FluentDemandStore: DemandStore {
    let context: StoreContext

    public init(context: StoreContext) { self.context = context }

    /// One counter: an hour and a dimension's value (`desk`/"", `department`/id, `channel`/name, `category`/key).
    struct Cell: Hashable {
        let hour: Date
        let dimension: String
        let value: String
    }

    static func hour(of date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
    }

    static func cells(createdAt: Date, department: String?, channel: String, category: String?) -> [Cell] {
        let hour = hour(of: createdAt)
        var cells = [Cell(hour: hour, dimension: "desk", value: ""), Cell(hour: hour, dimension: "channel", value: channel)]
        if let department { cells.append(Cell(hour: hour, dimension: "department", value: department)) }
        if let category, !category.isEmpty { cells.append(Cell(hour: hour, dimension: "category", value: category)) }
        return cells
    }

    static func add(_ amount: Int, to cell: Cell, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO demand_hourly (hour_start, dimension, value, count) VALUES \
            (\(bind: cell.hour), \(bind: cell.dimension), \(bind: cell.value), \(bind: amount)) \
            ON CONFLICT (hour_start, dimension, value) DO UPDATE SET count = demand_hourly.count + excluded.count
            """
        ).run()
    }

    /// The row a single-dimension series reads; nil for keys mixing dimensions (not watched).
    static func dimension(of key: DemandSeriesKey) -> (String, String)? {
        switch (key.departmentID, key.category, key.channel) {
        case (nil, nil, nil): ("desk", "")
        case (let department?, nil, nil): ("department", department)
        case (nil, let category?, nil): ("category", category)
        case (nil, nil, let channel?): ("channel", channel)
        default: nil
        }
    }

    static func key(dimension: String, value: String) -> DemandSeriesKey? {
        switch dimension {
        case "desk": DemandSeriesKey()
        case "department": DemandSeriesKey(departmentID: value)
        case "category": DemandSeriesKey(category: value)
        case "channel": DemandSeriesKey(channel: value)
        default: nil
        }
    }

    public func recordArrival(createdAt: Date, department: Department.ID?, channel: TicketChannel, category: String?)
        async throws
    {
        let cells = Self.cells(
            createdAt: createdAt, department: department?.rawValue.uuidString, channel: channel.rawValue,
            category: category)
        try await context.write { db in
            for cell in cells { try await Self.add(1, to: cell, on: db as! any SQLDatabase) }
        }
    }

    public func recordReclassification(createdAt: Date, from old: String?, to new: String?) async throws {
        guard old != new else { return }
        let hour = Self.hour(of: createdAt)
        try await context.write { db in
            let sql = db as! any SQLDatabase
            if let old, !old.isEmpty { try await Self.add(-1, to: Cell(hour: hour, dimension: "category", value: old), on: sql) }
            if let new, !new.isEmpty { try await Self.add(1, to: Cell(hour: hour, dimension: "category", value: new), on: sql) }
        }
    }

    public func recountArrivals() async throws {
        try await context.write { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("DELETE FROM demand_hourly").run()
            try await AddDemand.countExistingTickets(sql)
        }
    }

    public func hourlyArrivals(_ key: DemandSeriesKey, since: Date) async throws -> [HourlyCount] {
        guard let (dimension, value) = Self.dimension(of: key) else { return [] }
        return try await context.sql.raw(
            """
            SELECT hour_start, count FROM demand_hourly WHERE dimension = \(bind: dimension) \
            AND value = \(bind: value) AND hour_start >= \(bind: Self.hour(of: since)) ORDER BY hour_start
            """
        ).all().map {
            HourlyCount(
                hourStart: try $0.decode(column: "hour_start", as: Date.self), count: try $0.decode(column: "count", as: Int.self))
        }
    }

    public func hourlyArrivals(by dimension: VolumeReport.Dimension, from: Date, to: Date) async throws
        -> [String: [HourlyCount]]
    {
        let rows = try await context.sql.raw(
            """
            SELECT value, hour_start, count FROM demand_hourly WHERE dimension = \(bind: dimension.rawValue) \
            AND hour_start >= \(bind: Self.hour(of: from)) AND hour_start < \(bind: to) ORDER BY hour_start
            """
        ).all()
        var result: [String: [HourlyCount]] = [:]
        for row in rows {
            result[try row.decode(column: "value", as: String.self), default: []].append(
                HourlyCount(
                    hourStart: try row.decode(column: "hour_start", as: Date.self),
                    count: try row.decode(column: "count", as: Int.self)))
        }
        return result
    }

    public func arrivals(_ key: DemandSeriesKey, from: Date, to: Date) async throws -> Int {
        let row = try await context.sql.raw(
            "SELECT COUNT(*) AS arrived FROM tickets WHERE " + Self.condition(key, from: from, to: to)
        ).first()
        return try row?.decode(column: "arrived", as: Int.self) ?? 0
    }

    public func examples(_ key: DemandSeriesKey, from: Date, to: Date, limit: Int) async throws -> [Ticket] {
        let rows = try await context.sql.raw(
            "SELECT id FROM tickets WHERE " + Self.condition(key, from: from, to: to)
                + " ORDER BY created_at DESC LIMIT \(literal: limit)"
        ).all()
        let store = FluentTicketStore(context: context)
        var tickets: [Ticket] = []
        for row in rows {
            if let ticket = try await store.ticket(Ticket.ID(rawValue: try row.uuid("id"))) { tickets.append(ticket) }
        }
        return tickets
    }

    static func condition(_ key: DemandSeriesKey, from: Date, to: Date) -> SQLQueryString {
        var condition: SQLQueryString = "created_at >= \(bind: from) AND created_at < \(bind: to)"
        if let department = key.departmentID.flatMap(UUID.init(uuidString:)) {
            condition = condition + " AND department_id = \(bind: department)"
        }
        if let category = key.category { condition = condition + " AND category = \(bind: category)" }
        if let channel = key.channel { condition = condition + " AND channel = \(bind: channel)" }
        return condition
    }

    public func activeSeries(since: Date) async throws -> [DemandSeriesKey] {
        let rows = try await context.sql.raw(
            "SELECT DISTINCT dimension, value FROM demand_hourly WHERE hour_start >= \(bind: Self.hour(of: since))"
        ).all()
        let keys = try rows.compactMap {
            Self.key(dimension: try $0.decode(column: "dimension", as: String.self), value: try $0.decode(column: "value", as: String.self))
        }
        return Array(Set(keys + [DemandSeriesKey()])).sorted { $0.description < $1.description }
    }

    public func detectors() async throws -> [DemandSeriesKey: SpikeDetector] {
        let rows = try await context.sql.raw("SELECT series, state FROM demand_detectors").all()
        var detectors: [DemandSeriesKey: SpikeDetector] = [:]
        for row in rows {
            let series = try row.decode(column: "series", as: String.self)
            let detector = try JSONColumn.decode(
                SpikeDetector.self, try row.decode(column: "state", as: String.self), table: "demand_detectors",
                id: series, column: "state")
            detectors[detector.key] = detector
        }
        return detectors
    }

    public func save(_ detector: SpikeDetector) async throws {
        let series = JSONColumn.encode(detector.key)
        let state = JSONColumn.encode(detector)
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO demand_detectors (series, state) VALUES (\(bind: series), \(bind: state)) \
                ON CONFLICT (series) DO UPDATE SET state = excluded.state
                """
            ).run()
        }
    }

    public func save(_ alert: SpikeAlert, examples: [TicketNumber]) async throws {
        let series = JSONColumn.encode(alert.key)
        let payload = JSONColumn.encode(alert)
        let numbers = JSONColumn.encode(examples.map(\.value))
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO demand_alerts (series, opened_at, closed_at, payload, examples) VALUES \
                (\(bind: series), \(bind: alert.openedAt), \(bind: alert.closedAt), \(bind: payload), \(bind: numbers)) \
                ON CONFLICT (series, opened_at) DO UPDATE SET closed_at = excluded.closed_at, payload = excluded.payload
                """
            ).run()
        }
    }

    /// A series has one open alert at most (its detector's), so it is found without comparing timestamps, which
    /// PostgreSQL keeps to the microsecond only.
    public func update(_ alert: SpikeAlert) async throws {
        let series = JSONColumn.encode(alert.key)
        let payload = JSONColumn.encode(alert)
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                UPDATE demand_alerts SET closed_at = \(bind: alert.closedAt), payload = \(bind: payload) \
                WHERE series = \(bind: series) AND closed_at IS NULL
                """
            ).run()
        }
    }

    public func alerts(openOnly: Bool, limit: Int) async throws -> [StoredSpikeAlert] {
        let filter: SQLQueryString = openOnly ? "WHERE closed_at IS NULL " : ""
        let rows = try await context.sql.raw(
            "SELECT series, payload, examples FROM demand_alerts " + filter
                + "ORDER BY opened_at DESC LIMIT \(literal: limit)"
        ).all()
        return try rows.map { row in
            let series = try row.decode(column: "series", as: String.self)
            let alert = try JSONColumn.decode(
                SpikeAlert.self, try row.decode(column: "payload", as: String.self), table: "demand_alerts", id: series,
                column: "payload")
            let numbers = try JSONColumn.decode(
                [Int].self, try row.decode(column: "examples", as: String.self), table: "demand_alerts", id: series,
                column: "examples")
            return StoredSpikeAlert(alert: alert, examples: numbers.map { TicketNumber($0) })
        }
    }
}
