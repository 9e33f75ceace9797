import Foundation

/// One stream of arrivals watched for spikes. A nil field aggregates over that dimension: a key with only a
/// department watches all of its categories and channels together.
public struct DemandSeriesKey: Hashable, Codable, Sendable, CustomStringConvertible {
    public var departmentID: String?
    public var category: String?
    public var channel: String?

    public init(departmentID: String? = nil, category: String? = nil, channel: String? = nil) {
        self.departmentID = departmentID
        self.category = category
        self.channel = channel
    }

    /// "support / billing / email", with "all" for an aggregated dimension.
    public var description: String {
        [departmentID, category, channel].map { $0 ?? "all" }.joined(separator: " / ")
    }
}

/// A spike supervisors are told about: opened once, its peak kept up to date, closed when volume is normal again.
/// `key` and `openedAt` identify it.
public struct SpikeAlert: Sendable, Hashable, Codable {
    public let key: DemandSeriesKey
    public let openedAt: Date
    /// Arrivals in the hour that opened the alert.
    public let observed: Int
    public let expected: Double
    public let threshold: Double
    /// The most arrivals seen in an hour while open.
    public internal(set) var peak: Int
    public internal(set) var peakAt: Date
    public internal(set) var closedAt: Date?

    public init(
        key: DemandSeriesKey, openedAt: Date, observed: Int, expected: Double, threshold: Double, peak: Int,
        peakAt: Date, closedAt: Date? = nil
    ) {
        self.key = key
        self.openedAt = openedAt
        self.observed = observed
        self.expected = expected
        self.threshold = threshold
        self.peak = peak
        self.peakAt = peakAt
        self.closedAt = closedAt
    }

    public var isOpen: Bool { closedAt == nil }

    /// "⚠ Suporte: 31 / ~4" — the series, arrivals in the hour that opened it, and the usual count: the banner,
    /// the in-app notification and the live message all say it this way.
    public func headline(series: String) -> String {
        "⚠ \(series): \(observed) / ~\(Int(expected.rounded()))"
    }
}

/// What an observation changed.
public enum SpikeEvent: Sendable, Hashable, Codable {
    case opened(SpikeAlert)
    /// The open alert reached a new peak.
    case updated(SpikeAlert)
    case closed(SpikeAlert)

    public var alert: SpikeAlert {
        switch self {
        case .opened(let alert), .updated(let alert), .closed(let alert): alert
        }
    }
}

/// The spike state of one series: a pure, Codable state machine the caller persists between checks and feeds with
/// arrivals and the baseline's expectation. Rules:
/// - Arrivals above the threshold open an alert, unless one is open or the series is cooling down.
/// - An open alert closes once arrivals have stayed at or below the normal level for `calmPeriod` of consecutive
///   checks (hysteresis: the normal level lies below the threshold, so one spike is one alert).
/// - After closing, no alert opens for `coolDown`: the tail of a spike does not alert twice.
/// - Without an expectation (too little history) nothing opens; an open alert waits for the next usable check.
///
/// Feed it every few minutes with the arrivals of the last 60 minutes and `DemandBaseline.expectation(
/// forHourEndingAt:)`, so a spike is caught within its first hour; feeding complete clock hours also works, with
/// alerts then coming at the end of the hour.
public struct SpikeDetector: Sendable, Hashable, Codable {
    public struct Settings: Sendable, Hashable, Codable {
        /// How long volume must stay normal before an alert closes. An hour outlasts a lull between two bursts.
        public var calmPeriod: TimeInterval
        /// Quiet time after closing before the same series may alert again.
        public var coolDown: TimeInterval

        public init(calmPeriod: TimeInterval = 3_600, coolDown: TimeInterval = 3 * 3_600) {
            self.calmPeriod = calmPeriod
            self.coolDown = coolDown
        }
    }

    public let key: DemandSeriesKey
    public private(set) var openAlert: SpikeAlert?
    /// The first of the current run of checks at or below the normal level while an alert is open.
    public private(set) var calmSince: Date?
    public private(set) var coolDownUntil: Date?
    /// Checks at or before this instant are replays and change nothing.
    public private(set) var lastObservedAt: Date?

    public init(key: DemandSeriesKey) {
        self.key = key
    }

    /// Advances the state by one check at `date` with `arrivals` in the hour judged against `expectation`.
    public mutating func observe(
        arrivals: Int, expectation: DemandExpectation?, at date: Date, settings: Settings = Settings()
    ) -> SpikeEvent? {
        if let lastObservedAt, date <= lastObservedAt { return nil }
        lastObservedAt = date
        guard let expectation else { return nil }
        if openAlert != nil { return continueAlert(arrivals: arrivals, expectation: expectation, at: date, settings) }
        guard Double(arrivals) > expectation.threshold else { return nil }
        if let coolDownUntil, date < coolDownUntil { return nil }
        let alert = SpikeAlert(
            key: key, openedAt: date, observed: arrivals, expected: expectation.expected,
            threshold: expectation.threshold, peak: arrivals, peakAt: date)
        openAlert = alert
        calmSince = nil
        return .opened(alert)
    }

    private mutating func continueAlert(
        arrivals: Int, expectation: DemandExpectation, at date: Date, _ settings: Settings
    ) -> SpikeEvent? {
        guard var alert = openAlert else { return nil }
        guard Double(arrivals) <= expectation.normalLevel else {
            calmSince = nil
            guard arrivals > alert.peak else { return nil }
            alert.peak = arrivals
            alert.peakAt = date
            openAlert = alert
            return .updated(alert)
        }
        let calmStart = calmSince ?? date
        calmSince = calmStart
        guard date.timeIntervalSince(calmStart) >= settings.calmPeriod else { return nil }
        alert.closedAt = date
        openAlert = nil
        calmSince = nil
        coolDownUntil = date.addingTimeInterval(settings.coolDown)
        return .closed(alert)
    }
}
