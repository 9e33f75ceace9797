import Foundation
import Testing

@testable import BalcaoCore

/// Generated traffic with known answers: Poisson arrivals around a weekly pattern in Lisbon, 3× spikes of two hours
/// injected at seeded random times, the detector fed every 15 minutes with the last 60 minutes of arrivals.
@Suite("Demand spike detection")
struct SpikeDetectorTests {
    @Test("Eight weeks of seasonal traffic with Poisson noise raise no alert after a four-week warm-up")
    func seasonalTrafficRaisesNoAlert() {
        let traffic = SeasonalTraffic(weeks: 12, spikes: 0, seed: 0x5EA5_0001)

        let alerts = traffic.detectedAlerts()

        #expect(alerts.isEmpty, "\(alerts.map(\.openedAt))")
    }

    @Test("Each detectable 3× spike alerts once within its first hour, and the alert closes after the spike ends")
    func injectedSpikesAlertOnce() throws {
        let traffic = SeasonalTraffic(weeks: 12, spikes: 30, seed: 0x5EA5_0002)

        let alerts = traffic.detectedAlerts()

        #expect(traffic.spikes.filter(\.isDetectable).count >= 8)
        for spike in traffic.spikes {
            let matching = alerts.filter(spike.explains)
            #expect(matching.count <= 1, "spike at \(spike.start) raised \(matching.count) alerts")
            guard spike.isDetectable else { continue }
            let alert = try #require(matching.first, "missed spike at \(spike.start), \(spike.firstHourMean)/h")
            #expect(alert.openedAt <= spike.start.addingTimeInterval(3_600))
            let closedAt = try #require(alert.closedAt)
            // An hour of calm checks after the last window holding spike arrivals, plus slack for noisy checks.
            #expect(closedAt > spike.end && closedAt <= spike.end.addingTimeInterval(4 * 3_600))
        }
        #expect(alerts.allSatisfy { alert in traffic.spikes.contains { $0.explains(alert) } })
    }

    @Test("Benchmark: precision and recall over 50 spikes in 12 weeks are both at least 0.9")
    func precisionAndRecall() {
        let traffic = SeasonalTraffic(weeks: 16, spikes: 50, seed: 0x5EA5_0003)

        let alerts = traffic.detectedAlerts()

        let truePositives = alerts.filter { alert in traffic.spikes.contains { $0.explains(alert) } }.count
        let detectable = traffic.spikes.filter(\.isDetectable)
        let caughtInTime = detectable.filter { spike in alerts.contains { spike.isCaughtInFirstHour(by: $0) } }.count
        let caughtAtAll = traffic.spikes.filter { spike in alerts.contains(where: spike.explains) }.count
        let precision = alerts.isEmpty ? 1 : Double(truePositives) / Double(alerts.count)
        let recall = detectable.isEmpty ? 1 : Double(caughtInTime) / Double(detectable.count)
        print(
            """
            Spike benchmark: \(traffic.spikes.count) spikes (\(detectable.count) detectable), \(alerts.count) alerts; \
            precision \(truePositives)/\(alerts.count) = \(String(format: "%.3f", precision)), \
            recall within the first hour \(caughtInTime)/\(detectable.count) = \(String(format: "%.3f", recall)); \
            spikes caught at all, detectable or not: \(caughtAtAll)/\(traffic.spikes.count)
            """)
        #expect(precision >= 0.9)
        #expect(recall >= 0.9)
    }

    @Test(
        "The same local hour is compared across a DST change, not the same UTC hour",
        arguments: [
            (Zone.lisbon, "2024-02-19 00:00", "2024-04-02 09:00"),
            (Zone.lisbon, "2024-09-16 00:00", "2024-10-29 09:00"),
            (Zone.saoPaulo, "2018-09-24 03:00", "2018-11-06 09:00"),
            (Zone.saoPaulo, "2019-01-07 02:00", "2019-02-19 09:00"),
        ])
    func baselineFollowsLocalHours(zone: String, historyStart: String, judgedHour: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let history = hourlyHistory(from: utc(historyStart), weeks: 7, in: timeZone) { $0 == 9 ? 30 : 2 }
        let baseline = DemandBaseline(history: history, timeZone: timeZone)
        let nineOClock = local(judgedHour, zone)

        let atNine = try #require(baseline.expectation(forHourStarting: nineOClock))
        let atEight = try #require(baseline.expectation(forHourStarting: nineOClock.addingTimeInterval(-3_600)))

        #expect(atNine.expected == 30)
        #expect(atEight.expected == 2)
        #expect(atNine.weeksOfHistory == 6)
    }

    @Test("A week in which the local hour did not exist is left out, not read from the neighbouring hour")
    func springForwardGapIsSkipped() throws {
        let timeZone = try #require(TimeZone(identifier: Zone.lisbon))
        let history = hourlyHistory(from: utc("2024-03-04 00:00"), weeks: 6, in: timeZone) { _ in 4 }
        let baseline = DemandBaseline(history: history, timeZone: timeZone)

        // 01:00–02:00 did not exist in Lisbon on 2024-03-31; a week later it is 00:00 UTC.
        let expectation = try #require(baseline.expectation(forHourStarting: utc("2024-04-07 00:00")))

        #expect(expectation.weeksOfHistory == 3)  // 24, 17 and 10 March; 31 March had no such hour
        #expect(expectation.expected == 4)
    }

    @Test("With one earlier week there is no baseline and even a flood raises no alert; two weeks are enough")
    func tooLittleHistory() throws {
        let timeZone = try #require(TimeZone(identifier: Zone.lisbon))
        let history = hourlyHistory(from: utc("2024-01-01 00:00"), weeks: 2, in: timeZone) { _ in 20 }
        let baseline = DemandBaseline(history: history, timeZone: timeZone)
        var detector = SpikeDetector(key: DemandSeriesKey(departmentID: "support"))

        let secondWeek = baseline.expectation(forHourEndingAt: utc("2024-01-08 10:30"))
        let event = detector.observe(arrivals: 500, expectation: secondWeek, at: utc("2024-01-08 10:30"))

        #expect(secondWeek == nil)
        #expect(event == nil && detector.openAlert == nil)
        #expect(baseline.expectation(forHourStarting: utc("2024-01-15 10:00"))?.weeksOfHistory == 2)
    }

    @Test("A quiet hour (median 0–2) does not alert on five tickets, but does on a dozen")
    func quietHoursNeedAFewTickets() {
        let expectation = DemandBaseline.expectation(weeklyCounts: [0, 1, 0, 2, 1, 0, 1, 0], settings: .init())
        var detector = SpikeDetector(key: DemandSeriesKey(category: "billing", channel: "email"))

        let five = detector.observe(arrivals: 5, expectation: expectation, at: utc("2024-01-01 03:00"))
        let dozen = detector.observe(arrivals: 12, expectation: expectation, at: utc("2024-01-01 03:15"))

        #expect(expectation.threshold >= 5)
        #expect(five == nil)
        #expect(dozen?.alert.observed == 12)
    }

    @Test(
        "Poisson quantiles match the distribution",
        arguments: [(1.0, 1e-3, 5), (10, 1e-3, 21), (20, 1e-5, 42), (100, 1e-5, 145), (0, 1e-5, 0)])
    func poissonQuantile(mean: Double, tail: Double, quantile: Int) {
        #expect(DemandBaseline.poissonQuantile(mean: mean, tail: tail) == quantile)
    }

    @Test("Hysteresis keeps one alert open through a dip; the cool-down holds back a relapse")
    func hysteresisAndCoolDown() {
        let expectation = DemandExpectation(expected: 10, threshold: 20, normalLevel: 15, weeksOfHistory: 8)
        let key = DemandSeriesKey(departmentID: "sales")
        var detector = SpikeDetector(key: key)
        let start = utc("2024-01-08 09:00")
        func check(_ arrivals: Int, afterMinutes offset: Double) -> SpikeEvent? {
            detector.observe(arrivals: arrivals, expectation: expectation, at: start.addingTimeInterval(offset * 60))
        }

        #expect(check(19, afterMinutes: 0) == nil)
        let openedAt = start.addingTimeInterval(15 * 60)
        #expect(
            check(25, afterMinutes: 15)
                == .opened(
                    SpikeAlert(
                        key: key, openedAt: openedAt, observed: 25, expected: 10, threshold: 20, peak: 25,
                        peakAt: openedAt)))
        #expect(check(31, afterMinutes: 30)?.alert.peak == 31)
        #expect(check(14, afterMinutes: 45) == nil)  // calm from here…
        #expect(check(22, afterMinutes: 60) == nil)  // …not any more: still the same alert
        #expect(check(12, afterMinutes: 75) == nil)
        #expect(check(40, afterMinutes: 75) == nil)  // a replayed check changes nothing
        #expect(check(13, afterMinutes: 120) == nil)
        let closed = check(11, afterMinutes: 135)
        #expect(closed?.alert.closedAt == start.addingTimeInterval(135 * 60))
        #expect(closed?.alert.peak == 31)
        #expect(check(40, afterMinutes: 300) == nil)  // cool-down until 135 + 180 minutes
        #expect(check(40, afterMinutes: 315)?.alert.openedAt == start.addingTimeInterval(315 * 60))
    }

    /// Hourly counts for `weeks` weeks from `start`, by local hour.
    private func hourlyHistory(from start: Date, weeks: Int, in timeZone: TimeZone, count: (Int) -> Int)
        -> [HourlyCount]
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return (0..<(weeks * 168)).map { index in
            let hourStart = start.addingTimeInterval(Double(index) * 3_600)
            return HourlyCount(hourStart: hourStart, count: count(calendar.component(.hour, from: hourStart)))
        }
    }
}

/// A two-hour 3× spike. Detectable when the usual volume of its first hour is at least 20: tripled, that hour's
/// 60+ expected arrivals clear the default threshold (about 45 at 20/h, twice the median from 30/h) by two Poisson
/// standard deviations or more. Quieter spikes may still be caught; they are counted, never required.
struct InjectedSpike {
    static let detectableMean = 20.0
    let start: Date
    let firstHourMean: Double

    var end: Date { start.addingTimeInterval(2 * 3_600) }
    var isDetectable: Bool { firstHourMean >= Self.detectableMean }

    /// The alert opened while the 60-minute window still held some of the spike.
    func explains(_ alert: SpikeAlert) -> Bool {
        alert.openedAt > start && alert.openedAt < end.addingTimeInterval(3_600)
    }

    func isCaughtInFirstHour(by alert: SpikeAlert) -> Bool {
        alert.openedAt > start && alert.openedAt <= start.addingTimeInterval(3_600)
    }
}

/// Quarter-hour arrivals of a Lisbon desk from Monday 2024-01-01, Poisson around a weekly pattern (weekdays
/// 22–40/h in office hours, 0–2/h at night, weekends a quarter or less), with spikes after a four-week warm-up
/// placed one per equal stretch so they never overlap or fall into another's cool-down.
struct SeasonalTraffic {
    static let warmUpWeeks = 4
    static let quartersPerWeek = 7 * 24 * 4
    static let weekdayPattern: [Double] = [
        1, 0.5, 0.5, 0.5, 0.5, 1, 2, 6, 15, 28, 36, 40, 26, 30, 38, 36, 30, 22, 12, 7, 4, 3, 2, 1.5,
    ]
    static let start = utc("2024-01-01 00:00")
    static let timeZone: TimeZone = {
        guard let zone = TimeZone(identifier: Zone.lisbon) else { fatalError("Unknown zone \(Zone.lisbon)") }
        return zone
    }()
    let arrivals: [Int]
    let spikes: [InjectedSpike]

    init(weeks: Int, spikes spikeCount: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.timeZone
        let quarters = weeks * Self.quartersPerWeek
        var rates = (0..<quarters).map { quarter in
            let date = Self.start.addingTimeInterval(Double(quarter) * 900)
            let perQuarter = Self.weekdayPattern[calendar.component(.hour, from: date)] / 4
            switch calendar.component(.weekday, from: date) {
            case 1: return perQuarter * 0.15  // Sunday
            case 7: return perQuarter * 0.25  // Saturday
            default: return perQuarter
            }
        }
        let firstQuarter = Self.warmUpWeeks * Self.quartersPerWeek
        let stretch = (quarters - firstQuarter) / max(spikeCount, 1)
        spikes = (0..<spikeCount).map { index in
            // 8 quarters of spike, then room to close (up to 3 h) and cool down (3 h) before the next stretch.
            let quarter = firstQuarter + index * stretch + Int.random(in: 0..<(stretch - 40), using: &generator)
            let firstHourMean = rates[quarter..<(quarter + 4)].reduce(0, +)
            for spiked in quarter..<(quarter + 8) { rates[spiked] *= 3 }
            let start = Self.start.addingTimeInterval(Double(quarter) * 900)
            return InjectedSpike(start: start, firstHourMean: firstHourMean)
        }
        arrivals = rates.map { poissonSample(mean: $0, using: &generator) }
    }

    /// Runs one detector over the weeks after the warm-up, every 15 minutes, and returns its alerts as last seen.
    func detectedAlerts() -> [SpikeAlert] {
        let hourly = stride(from: 0, to: arrivals.count, by: 4).map { quarter in
            HourlyCount(
                hourStart: Self.start.addingTimeInterval(Double(quarter) * 900),
                count: arrivals[quarter..<(quarter + 4)].reduce(0, +))
        }
        let baseline = DemandBaseline(history: hourly, timeZone: Self.timeZone)
        var detector = SpikeDetector(key: DemandSeriesKey(departmentID: "support"))
        var alerts: [SpikeAlert] = []
        for quarter in (Self.warmUpWeeks * Self.quartersPerWeek)..<arrivals.count {
            let end = Self.start.addingTimeInterval(Double(quarter + 1) * 900)
            let lastHour = arrivals[(quarter - 3)...quarter].reduce(0, +)
            let event = detector.observe(
                arrivals: lastHour, expectation: baseline.expectation(forHourEndingAt: end), at: end)
            switch event {
            case .opened(let alert): alerts.append(alert)
            case .updated(let alert), .closed(let alert): alerts[alerts.count - 1] = alert
            case nil: break
            }
        }
        return alerts
    }
}

/// Knuth's method: fine for the means here (at most 30 per quarter hour).
private func poissonSample(mean: Double, using generator: inout SeededGenerator) -> Int {
    let limit = exp(-mean)
    var product = Double.random(in: 0..<1, using: &generator)
    var count = 0
    while product > limit {
        product *= Double.random(in: 0..<1, using: &generator)
        count += 1
    }
    return count
}
