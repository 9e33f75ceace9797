import Foundation

/// Ticket arrivals of one series in one clock hour of the desk's time zone.
public struct HourlyCount: Sendable, Hashable, Codable {
    /// Start of a local clock hour; in zones with whole-hour offsets this is also a UTC hour start.
    public let hourStart: Date
    public let count: Int

    public init(hourStart: Date, count: Int) {
        self.hourStart = hourStart
        self.count = count
    }
}

/// What an hour of a series normally brings, and the two bars the spike detector compares arrivals with.
public struct DemandExpectation: Sendable, Hashable, Codable {
    /// Typical arrivals: the median of the same hour of week in earlier weeks.
    public let expected: Double
    /// More arrivals than this are a spike.
    public let threshold: Double
    /// At or below this an open spike counts as over. Lies between `expected` and `threshold`, so a series hovering
    /// near the threshold does not open and close alerts in turn (hysteresis).
    public let normalLevel: Double
    /// Earlier weeks the numbers rest on (the fewest of the hours blended into a window).
    public let weeksOfHistory: Int

    public init(expected: Double, threshold: Double, normalLevel: Double, weeksOfHistory: Int) {
        self.expected = expected
        self.threshold = threshold
        self.normalLevel = normalLevel
        self.weeksOfHistory = weeksOfHistory
    }
}

/// Hourly arrivals of one series (department, category, channel) learned by hour of week: an hour is compared with
/// the same local weekday and hour in the previous `weeks` weeks, so Monday 10:00 is judged against earlier Monday
/// mornings and a DST change does not shift the pattern by an hour. Pure: history in, numbers out.
///
/// The threshold is the largest of four bars, each guarding against a different false alarm:
/// - `median + spreadMultiplier × MAD × 1.4826`: series noisier than Poisson (robust, so past spikes barely move it);
/// - the Poisson quantile at `1 − poissonTailProbability` around the larger of median and mean: ordinary counting
///   noise, with the mean guarding against a median that came out low by chance from few weeks;
/// - `median × minimumRatio`: a spike must at least double the usual volume to be worth a supervisor's attention;
/// - `minimumThreshold`: quiet hours (median 0–3) never alert on a handful of tickets.
public struct DemandBaseline: Sendable {
    public struct Settings: Sendable, Hashable, Codable {
        /// Earlier weeks looked at. Eight weeks cover two months of habits without reaching back to another season.
        public var weeks: Int
        /// Fewer earlier weeks than this for an hour of week means no baseline, hence no alert, for that hour.
        public var minimumWeeks: Int
        /// Robust standard deviations (scaled MAD) above the median.
        public var spreadMultiplier: Double
        /// Chance that a normal Poisson hour passes the Poisson bar. With checks every 15 minutes on generated
        /// traffic, 1e-6 gave about one false alert per 600 series-weeks (1e-5: one per 115, 1e-4: one per 20) and
        /// still caught 99 % of 3× spikes on hours of 20+ tickets within the hour; the price is 3× spikes on hours
        /// of 10–20 tickets, caught in their first hour 70 % of the time (1e-5: 77 %).
        public var poissonTailProbability: Double
        /// The threshold is at least this multiple of the median.
        public var minimumRatio: Double
        /// Arrivals at or below this never alert, whatever the history: five tickets in an hour is not a spike.
        public var minimumThreshold: Double
        /// Where `normalLevel` sits between expected (0) and threshold (1).
        public var normalFraction: Double

        public init(
            weeks: Int = 8, minimumWeeks: Int = 2, spreadMultiplier: Double = 3, poissonTailProbability: Double = 1e-6,
            minimumRatio: Double = 2, minimumThreshold: Double = 5, normalFraction: Double = 0.5
        ) {
            self.weeks = weeks
            self.minimumWeeks = minimumWeeks
            self.spreadMultiplier = spreadMultiplier
            self.poissonTailProbability = poissonTailProbability
            self.minimumRatio = minimumRatio
            self.minimumThreshold = minimumThreshold
            self.normalFraction = normalFraction
        }
    }

    public let timeZone: TimeZone
    public let settings: Settings
    /// Counts are known from this hour on; a missing hour after it had no arrivals, weeks before it do not count.
    public let since: Date?
    private let counts: [Date: Int]
    private let calendar: Calendar

    /// - Parameters:
    ///   - history: hourly counts, complete from `since` up to the hours to be judged; missing hours count as 0.
    ///     Counts may include the hours being judged: an hour is only ever compared with earlier weeks.
    ///   - since: when counting began; defaults to the earliest hour in `history` (no history, no baseline).
    public init(history: [HourlyCount], timeZone: TimeZone, since: Date? = nil, settings: Settings = Settings()) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.timeZone = timeZone
        self.settings = settings
        var counts: [Date: Int] = [:]
        for hour in history {
            counts[Self.hourStart(containing: hour.hourStart, in: timeZone), default: 0] += hour.count
        }
        self.counts = counts
        self.since = (since ?? counts.keys.min()).map { Self.hourStart(containing: $0, in: timeZone) }
    }

    /// The local clock hour `date` falls in.
    public func hourStart(containing date: Date) -> Date { Self.hourStart(containing: date, in: timeZone) }

    /// The expectation for the local clock hour containing `hourStart`; nil with too little history.
    public func expectation(forHourStarting hourStart: Date) -> DemandExpectation? {
        let counts = sameHourInEarlierWeeks(self.hourStart(containing: hourStart))
        guard counts.count >= max(settings.minimumWeeks, 1) else { return nil }
        return Self.expectation(weeklyCounts: counts, settings: settings)
    }

    /// The expectation for the 60 minutes before `end`, for a detector that looks every few minutes instead of
    /// waiting for the hour to finish. The window usually straddles two clock hours; their numbers are blended by
    /// overlap, so the quiet hour after a busy one is not judged by the quiet hour's bar alone.
    public func expectation(forHourEndingAt end: Date) -> DemandExpectation? {
        let windowStart = end.addingTimeInterval(-3_600)
        let firstHour = hourStart(containing: windowStart)
        guard let first = expectation(forHourStarting: firstHour) else { return nil }
        let secondHour = hourStart(containing: firstHour.addingTimeInterval(3_600))
        let firstShare = min(1, max(0, secondHour.timeIntervalSince(windowStart) / 3_600))
        guard firstShare < 1 else { return first }
        guard let second = expectation(forHourStarting: secondHour) else { return nil }
        func blend(_ value: KeyPath<DemandExpectation, Double>) -> Double {
            firstShare * first[keyPath: value] + (1 - firstShare) * second[keyPath: value]
        }
        return DemandExpectation(
            expected: blend(\.expected), threshold: blend(\.threshold), normalLevel: blend(\.normalLevel),
            weeksOfHistory: min(first.weeksOfHistory, second.weeksOfHistory))
    }

    /// Counts of the same local weekday and hour, one per earlier week, newest first. Calendar arithmetic keeps the
    /// wall-clock hour across DST changes; a week in which that hour did not exist (spring-forward gap) is skipped.
    func sameHourInEarlierWeeks(_ hourStart: Date) -> [Int] {
        let hour = calendar.component(.hour, from: hourStart)
        var weeklyCounts: [Int] = []
        for week in 1...max(settings.weeks, 1) {
            guard let earlier = calendar.date(byAdding: .day, value: -7 * week, to: hourStart) else { continue }
            guard calendar.component(.hour, from: earlier) == hour else { continue }
            let earlierHour = self.hourStart(containing: earlier)
            guard let since, earlierHour >= since else { break }
            weeklyCounts.append(counts[earlierHour] ?? 0)
        }
        return weeklyCounts
    }

    static func expectation(weeklyCounts: [Int], settings: Settings) -> DemandExpectation {
        let values = weeklyCounts.map(Double.init)
        let median = median(values)
        let robustSpread = 1.4826 * Self.median(values.map { abs($0 - median) })
        let mean = values.reduce(0, +) / Double(max(values.count, 1))
        let poissonBound = Double(poissonQuantile(mean: max(median, mean), tail: settings.poissonTailProbability))
        let threshold = max(
            median + settings.spreadMultiplier * robustSpread, poissonBound, median * settings.minimumRatio,
            settings.minimumThreshold)
        let normalLevel = median + settings.normalFraction * (threshold - median)
        return DemandExpectation(
            expected: median, threshold: threshold, normalLevel: normalLevel, weeksOfHistory: weeklyCounts.count)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// The smallest count `c` with P(X ≤ c) ≥ 1 − `tail` for X ~ Poisson(`mean`). Terms are built in log space, so
    /// large means (where e^−mean underflows) still sum correctly.
    static func poissonQuantile(mean: Double, tail: Double) -> Int {
        guard mean > 0 else { return 0 }
        let target = 1 - tail
        let logMean = log(mean)
        let limit = Int(mean + 50 * mean.squareRoot() + 50)
        var logProbability = -mean
        var cumulative = exp(logProbability)
        var count = 0
        while cumulative < target && count < limit {
            count += 1
            logProbability += logMean - log(Double(count))
            cumulative += exp(logProbability)
        }
        return count
    }

    /// Floors `date` to the local hour through the zone's offset at that instant; cheaper than a calendar call and
    /// right for every zone whose offsets and transitions fall on whole or half hours.
    static func hourStart(containing date: Date, in timeZone: TimeZone) -> Date {
        let offset = Double(timeZone.secondsFromGMT(for: date))
        let localSeconds = date.timeIntervalSinceReferenceDate + offset
        return Date(timeIntervalSinceReferenceDate: (localSeconds / 3_600).rounded(.down) * 3_600 - offset)
    }
}
