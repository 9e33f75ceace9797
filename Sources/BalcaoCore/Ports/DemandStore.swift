import Foundation

/// Ticket arrivals by hour (kept up to date as tickets arrive and are classified), the detectors' state and the
/// alerts they raised.
public protocol DemandStore: Sendable {
    /// Arrivals per hour for one series since `since`, oldest first (hours without arrivals are left out).
    func hourlyArrivals(_ key: DemandSeriesKey, since: Date) async throws -> [HourlyCount]
    /// Every value of a dimension (`department`, `channel`, `category`) with its hourly arrivals in `[from, to)`.
    func hourlyArrivals(by dimension: VolumeReport.Dimension, from: Date, to: Date) async throws -> [String: [HourlyCount]]
    /// Tickets of the series created in `[from, to)`.
    func arrivals(_ key: DemandSeriesKey, from: Date, to: Date) async throws -> Int
    /// A few of those tickets (newest first), to name in the alert.
    func examples(_ key: DemandSeriesKey, from: Date, to: Date, limit: Int) async throws -> [Ticket]
    /// The series worth watching: the whole desk, each department, category and channel seen since `since`.
    func activeSeries(since: Date) async throws -> [DemandSeriesKey]
    /// Counts a new ticket (and, with `category`, moves a reclassified one between categories).
    func recordArrival(createdAt: Date, department: Department.ID?, channel: TicketChannel, category: String?) async throws
    func recordReclassification(createdAt: Date, from old: String?, to new: String?) async throws
    /// Counts every ticket again from scratch (after an import or a seed that wrote tickets without the bus).
    func recountArrivals() async throws
    func detectors() async throws -> [DemandSeriesKey: SpikeDetector]
    func save(_ detector: SpikeDetector) async throws
    func save(_ alert: SpikeAlert, examples: [TicketNumber]) async throws
    /// Records a raised alert's new peak or its end; an alert that was never saved (kept quiet) stays unrecorded.
    func update(_ alert: SpikeAlert) async throws
    /// Newest first; only open ones when `openOnly`.
    func alerts(openOnly: Bool, limit: Int) async throws -> [StoredSpikeAlert]
}

/// An alert as kept: the detector's alert and the tickets it named.
public struct StoredSpikeAlert: Sendable, Hashable {
    public let alert: SpikeAlert
    public let examples: [TicketNumber]

    public init(alert: SpikeAlert, examples: [TicketNumber]) {
        self.alert = alert
        self.examples = examples
    }
}

/// Tells the department's supervisors (in the app and by mail) that a spike opened.
public protocol SpikeAlerting: Sendable {
    func spikeOpened(_ alert: SpikeAlert, series: String, examples: [Ticket], supervisors: [Agent]) async throws
}
