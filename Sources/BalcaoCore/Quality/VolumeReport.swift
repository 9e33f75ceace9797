import Foundation

/// Ticket arrivals over a date range from the hourly rollup: per day (in the desk's zone) and per department,
/// channel and category — the volume part of the supervisors' dashboard. Reading the rollup keeps it fast on any
/// desk size: a year is at most 8,784 hours per dimension value.
public struct VolumeReport: Sendable {
    public struct Day: Sendable, Hashable {
        /// Local midnight that starts the day.
        public let start: Date
        public let count: Int
    }

    public struct Share: Sendable, Hashable {
        public let value: String
        public let count: Int
    }

    public enum Dimension: String, Sendable, CaseIterable {
        case department, channel, category
    }

    public let from: Date
    public let to: Date
    public let days: [Day]
    public let total: Int
    /// Per dimension, largest first.
    public let shares: [Dimension: [Share]]

    /// `desk`: the desk's hourly arrivals; `byDimension`: each dimension's values and their hourly arrivals.
    public init(
        desk: [HourlyCount], byDimension: [Dimension: [String: [HourlyCount]]], from: Date, to: Date,
        timeZone: TimeZone
    ) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let inRange = desk.filter { $0.hourStart >= from && $0.hourStart < to }
        var perDay: [Date: Int] = [:]
        for hour in inRange { perDay[calendar.startOfDay(for: hour.hourStart), default: 0] += hour.count }
        var days: [Day] = []
        var day = calendar.startOfDay(for: from)
        while day < to {
            days.append(Day(start: day, count: perDay[day] ?? 0))
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        self.days = days
        total = inRange.reduce(0) { $0 + $1.count }
        shares = byDimension.mapValues { values in
            values.map { value, hours in
                Share(value: value, count: hours.filter { $0.hourStart >= from && $0.hourStart < to }.reduce(0) { $0 + $1.count })
            }
            .filter { $0.count > 0 }
            .sorted { ($0.count, $1.value) > ($1.count, $0.value) }
        }
        self.from = from
        self.to = to
    }
}

extension VolumeReport {
    /// Reads the rollup for `[from, to)`.
    public static func load(from: Date, to: Date, store: any DemandStore, timeZone: TimeZone) async throws -> VolumeReport {
        let desk = try await store.hourlyArrivals(DemandSeriesKey(), since: from)
        var byDimension: [Dimension: [String: [HourlyCount]]] = [:]
        for dimension in Dimension.allCases {
            byDimension[dimension] = try await store.hourlyArrivals(by: dimension, from: from, to: to)
        }
        return VolumeReport(desk: desk, byDimension: byDimension, from: from, to: to, timeZone: timeZone)
    }
}
