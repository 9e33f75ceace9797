import Foundation
import Testing

@testable import BalcaoCore

/// Property-style checks over many seeded random starts and durations, on calendars with lunch breaks, holidays,
/// weekend shifts and DST. A failure prints the calendar, start and duration so it can be replayed.
@Suite("SLAClock properties")
struct SLAClockPropertyTests {
    static let calendars: [BusinessCalendar] = [
        .office(
            Zone.saoPaulo, hours: [interval("08:00", "12:00"), interval("13:00", "18:00")],
            holidays: (2015...2019).flatMap { BusinessCalendar.holidaysBrazil(year: $0) }),
        .office(
            Zone.lisbon, hours: [interval("09:00", "13:00"), interval("14:30", "18:00")],
            holidays: (2015...2019).flatMap { BusinessCalendar.holidaysPortugal(year: $0) }),
        BusinessCalendar(
            name: "Weekend shifts", timeZoneIdentifier: Zone.lisbon,
            weeklyHours: WeeklyHours(
                monday: [interval("00:00", "02:30")], wednesday: [interval("22:00", "24:00")],
                saturday: [interval("00:00", "03:00"), interval("20:15", "24:00")],
                sunday: [interval("00:00", "04:00")])),
        .everyDay(Zone.saoPaulo, [interval("00:00", "01:30"), interval("23:00", "24:00")]),
        .office(Zone.manaus, hours: [interval("07:45", "16:20")]),
    ]

    /// Random whole seconds between 2015 and 2019, when both zones still had DST.
    private static func randomStart(using generator: inout SeededGenerator) -> Date {
        Date(timeIntervalSince1970: Double(Int.random(in: 1_420_070_400...1_577_836_800, using: &generator)))
    }

    @Test("Working time from a start to its due time is the duration added", arguments: 0..<calendars.count)
    func workingTimeInvertsAddWorkingTime(calendarIndex: Int) throws {
        let calendar = Self.calendars[calendarIndex]
        let clock = try SLAClock(calendar: calendar)
        var generator = SeededGenerator(seed: 0x5EED + UInt64(calendarIndex))

        for _ in 0..<300 {
            let start = Self.randomStart(using: &generator)
            let duration = Double(Int.random(in: 0...(300 * 3_600), using: &generator))

            let due = clock.addWorkingTime(duration, to: start)

            let measured = clock.workingTime(from: start, to: due)
            #expect(abs(measured - duration) < 0.001, "\(calendar.name) \(start) + \(duration) → \(due)")
            #expect(due >= start)
            if duration > 0 {
                #expect(clock.isWorkingTime(due.addingTimeInterval(-0.5)), "\(calendar.name) \(start) + \(duration)")
            }
        }
    }

    @Test(
        "Adding the working time between two instants reaches the later one when it is working time",
        arguments: 0..<calendars.count)
    func addWorkingTimeInvertsWorkingTime(calendarIndex: Int) throws {
        let calendar = Self.calendars[calendarIndex]
        let clock = try SLAClock(calendar: calendar)
        var generator = SeededGenerator(seed: 0xC0FFEE + UInt64(calendarIndex))

        for _ in 0..<300 {
            let start = Self.randomStart(using: &generator)
            let end = start.addingTimeInterval(Double(Int.random(in: 0...(60 * 86_400), using: &generator)))

            let reached = clock.addWorkingTime(clock.workingTime(from: start, to: end), to: start)

            #expect(reached <= end, "\(calendar.name) \(start) → \(end)")
            if clock.isWorkingTime(end) && clock.workingTime(from: start, to: end) > 0 {
                #expect(abs(reached.timeIntervalSince(end)) < 0.001, "\(calendar.name) \(start) → \(end)")
            }
        }
    }

    @Test("Working time adds up over a split point and due times never go backwards", arguments: 0..<calendars.count)
    func additiveAndMonotonic(calendarIndex: Int) throws {
        let calendar = Self.calendars[calendarIndex]
        let clock = try SLAClock(calendar: calendar)
        var generator = SeededGenerator(seed: 0xBA1CA0 + UInt64(calendarIndex))

        for _ in 0..<200 {
            let start = Self.randomStart(using: &generator)
            let middle = start.addingTimeInterval(Double(Int.random(in: 0...(20 * 86_400), using: &generator)))
            let end = middle.addingTimeInterval(Double(Int.random(in: 0...(20 * 86_400), using: &generator)))
            let shorter = Double(Int.random(in: 0...(100 * 3_600), using: &generator))
            let longer = shorter + Double(Int.random(in: 0...(100 * 3_600), using: &generator))

            let whole = clock.workingTime(from: start, to: end)
            let parts = clock.workingTime(from: start, to: middle) + clock.workingTime(from: middle, to: end)

            #expect(abs(whole - parts) < 0.001, "\(calendar.name) \(start) → \(middle) → \(end)")
            #expect(clock.addWorkingTime(shorter, to: start) <= clock.addWorkingTime(longer, to: start))
        }
    }

    @Test(
        "The next working instant is working time, with no working time skipped on the way",
        arguments: 0..<calendars.count)
    func nextWorkingInstantIsWorking(calendarIndex: Int) throws {
        let calendar = Self.calendars[calendarIndex]
        let clock = try SLAClock(calendar: calendar)
        var generator = SeededGenerator(seed: 0xD15C0 + UInt64(calendarIndex))

        for _ in 0..<300 {
            let date = Self.randomStart(using: &generator)

            let next = clock.nextWorkingInstant(after: date)

            #expect(clock.isWorkingTime(next), "\(calendar.name) \(date) → \(next)")
            #expect(clock.workingTime(from: date, to: next) == 0)
            #expect(clock.isWorkingTime(date) == (next == date))
            #expect(clock.addWorkingTime(1, to: date) == next.addingTimeInterval(1))
        }
    }

    @Test("A 24×7 calendar is plain elapsed time, DST or not", arguments: [Zone.saoPaulo, Zone.lisbon, Zone.utc])
    func twentyFourSevenIsPlainTime(zone: String) throws {
        let clock = try SLAClock(calendar: .twentyFourSeven(name: "24×7", timeZoneIdentifier: zone))
        var generator = SeededGenerator(seed: 24_7)

        for _ in 0..<300 {
            let start = Self.randomStart(using: &generator)
            let duration = Double(Int.random(in: 0...(90 * 86_400), using: &generator))

            #expect(clock.addWorkingTime(duration, to: start) == start.addingTimeInterval(duration))
            #expect(clock.workingTime(from: start, to: start.addingTimeInterval(duration)) == duration)
            #expect(clock.isWorkingTime(start))
        }
    }
}
