import Foundation

/// Business-time arithmetic over one `BusinessCalendar`: when an SLA falls due and how much of it is used.
///
/// Pure: the same calendar and instants always give the same answer, so a due time can be recomputed anywhere.
/// Working time is real elapsed time inside the working intervals, each interval placed on the zone's wall clock
/// day by day. A DST day therefore counts what actually passed: 09:00–17:00 is 8 hours on either side of a change,
/// a 24×7 day is 23 or 25 hours. Work is stepped per interval and whole weeks are skipped when no holiday or zone
/// transition lies in them, so 200 working hours cost a few dozen steps, not 12,000 minutes.
public struct SLAClock: Sendable {
    /// The longest duration `addWorkingTime` accepts: a year of round-the-clock time. Longer is not an SLA, and the
    /// bound keeps every call short even on a calendar open one minute a week.
    public static let maximumDuration: TimeInterval = 366 * 86_400

    public let calendar: BusinessCalendar
    let timeZone: TimeZone
    /// Working minutes per weekday, Monday first: `(start, end)` minutes since local midnight, sorted.
    let schedule: [[(start: Int, end: Int)]]
    /// Observed holidays as day numbers (days since 1970-01-01), sorted and unique.
    let holidayDays: [Int]
    let holidaySet: Set<Int>
    /// Nominal working seconds in a week; exact for any week without holidays and zone transitions.
    let weekSeconds: Double

    /// Validates the calendar first: only a calendar with working time guarantees every question has an answer.
    public init(calendar: BusinessCalendar) throws(ValidationError) {
        try calendar.validate()
        guard let timeZone = TimeZone(identifier: calendar.timeZoneIdentifier) else {
            throw ValidationError(field: "timeZoneIdentifier", "is not a known IANA time zone")
        }
        self.calendar = calendar
        self.timeZone = timeZone
        schedule = Weekday.allCases.map { weekday in
            calendar.weeklyHours[weekday].map { ($0.start.minuteOfDay, $0.end.minuteOfDay) }.sorted { $0.0 < $1.0 }
        }
        holidaySet = Set(calendar.observedHolidays.map(\.date.dayNumber))
        holidayDays = holidaySet.sorted()
        weekSeconds = Double(schedule.joined().reduce(0) { $0 + ($1.end - $1.start) * 60 })
    }

    /// The instant `seconds` of working time after `start`: the due time of a target started at `start`.
    /// Outside working hours the count starts at the next opening; a due time can be the end of an interval
    /// (Friday 17:00 + 1 h on an 08–18 calendar is Friday 18:00, not Monday). Zero returns `start` itself.
    /// - Precondition: `seconds` is finite, not negative and at most `maximumDuration`.
    public func addWorkingTime(_ seconds: TimeInterval, to start: Date) -> Date {
        precondition(
            seconds.isFinite && seconds >= 0 && seconds <= Self.maximumDuration,
            "SLAClock.addWorkingTime needs 0…\(Self.maximumDuration) seconds, got \(seconds)")
        guard seconds > 0 else { return start }
        let from = start.timeIntervalSince1970
        var remaining = seconds
        var day = localDay(of: from) - 1
        var idleDays = 0
        while true {
            if remaining > weekSeconds, instant(day: day, minute: 0) >= from {
                let weeks = skippableWeeks(from: day, notPast: day + 7 * (weeksWithin(remaining) - 1))
                day += 7 * weeks
                remaining -= Double(weeks) * weekSeconds
            }
            var worked = false
            for span in spans(onDay: day) {
                let begin = max(span.start, from)
                guard span.end > begin else { continue }
                worked = true
                if span.end - begin >= remaining { return Date(timeIntervalSince1970: begin + remaining) }
                remaining -= span.end - begin
            }
            idleDays = worked ? 0 : idleDays + 1
            checkProgress(idleDays)
            day += 1
        }
    }

    /// Working time between two instants. Negative when `end` is before `start`, so "how late" reads naturally.
    public func workingTime(from start: Date, to end: Date) -> TimeInterval {
        if end < start { return -workingTime(from: end, to: start) }
        let from = start.timeIntervalSince1970
        let to = end.timeIntervalSince1970
        let lastDay = localDay(of: to) + 1
        var total = 0.0
        var day = localDay(of: from) - 1
        while day <= lastDay {
            if lastDay - day > 14, instant(day: day, minute: 0) >= from {
                let weeks = skippableWeeks(from: day, notPast: lastDay - 2)
                day += 7 * weeks
                total += Double(weeks) * weekSeconds
            }
            for span in spans(onDay: day) {
                let begin = max(span.start, from)
                let finish = min(span.end, to)
                if finish > begin { total += finish - begin }
            }
            day += 1
        }
        return total
    }

    /// Whether the desk is working at `date` (intervals are half-open: at 12:00 a 08:00–12:00 shift is over).
    public func isWorkingTime(_ date: Date) -> Bool {
        let at = date.timeIntervalSince1970
        let day = localDay(of: at)
        return (day - 1...day + 1).contains { nearby in
            spans(onDay: nearby).contains { $0.start <= at && at < $0.end }
        }
    }

    /// The first instant at or after `date` that is working time: `date` itself when the desk is open, otherwise the
    /// next opening. Where a ticket that arrives at night starts being counted.
    public func nextWorkingInstant(after date: Date) -> Date {
        let at = date.timeIntervalSince1970
        var day = localDay(of: at) - 1
        var idleDays = 0
        while true {
            if let span = spans(onDay: day).first(where: { $0.end > at }) {
                return Date(timeIntervalSince1970: max(span.start, at))
            }
            idleDays += 1
            checkProgress(idleDays)
            day += 1
        }
    }

    /// A validated calendar works at least once in any 7 days that are not holidays, so a longer drought is a bug.
    private func checkProgress(_ idleDays: Int) {
        precondition(
            idleDays <= holidayDays.count + 21,
            "SLAClock found no working time in \(idleDays) days; calendar \(calendar.id) was not validated")
    }

    /// How many whole weeks `seconds` spans, rounded up (capped so huge values cannot overflow `Int`).
    private func weeksWithin(_ seconds: Double) -> Int {
        Int(min((seconds / weekSeconds).rounded(.up), 1_000_000))
    }
}
