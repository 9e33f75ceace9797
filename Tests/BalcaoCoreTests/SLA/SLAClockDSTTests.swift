import Foundation
import Testing

@testable import BalcaoCore

/// Lisbon changes at 01:00 UTC on the last Sunday of March (00:00 UTC → 02:00 WEST) and October (02:00 WEST →
/// 01:00 WET). São Paulo began DST on 2018-11-04 at midnight (00:00 → 01:00, so that day's 00:00 never existed)
/// and ended it on 2019-02-17 at midnight (back to 23:00 on the 16th). Expectations are UTC instants.
@Suite("SLAClock across DST changes")
struct SLAClockDSTTests {
    @Test(
        "An 8-hour working day still counts 8 hours on the change Sunday and the Monday after",
        arguments: [
            ("2024-03-31 00:00", "2024-04-01 00:00"), ("2024-03-31 23:00", "2024-04-01 23:00"),
            ("2024-10-26 23:00", "2024-10-27 23:59"), ("2024-10-28 00:00", "2024-10-29 00:00"),
        ])
    func eightHourDay(from: String, to: String) throws {
        let clock = try SLAClock(calendar: .everyDay(Zone.lisbon, [interval("09:00", "17:00")]))

        #expect(clock.workingTime(from: utc(from), to: utc(to)) == hours(8))
    }

    @Test("Due times after spring-forward land on summer time")
    func springForwardDue() throws {
        let clock = try SLAClock(calendar: .everyDay(Zone.lisbon, [interval("09:00", "17:00")]))

        // Saturday 16:00 WET + 2 h: one hour on Saturday, then Sunday 09:00 WEST (08:00 UTC) + 1 h.
        let due = clock.addWorkingTime(hours(2), to: utc("2024-03-30 16:00"))

        #expect(due == utc("2024-03-31 09:00"))
    }

    @Test("Due times after fall-back land on winter time")
    func fallBackDue() throws {
        let clock = try SLAClock(calendar: .everyDay(Zone.lisbon, [interval("09:00", "17:00")]))

        // Saturday 16:00 WEST (15:00 UTC) + 2 h: one hour on Saturday, then Sunday 09:00 WET + 1 h.
        let due = clock.addWorkingTime(hours(2), to: utc("2024-10-26 15:00"))

        #expect(due == utc("2024-10-27 10:00"))
    }

    @Test("An office week spanning the change opens Monday on the new time")
    func officeWeekAcrossChange() throws {
        let clock = try SLAClock(calendar: .office(Zone.lisbon))

        let due = clock.addWorkingTime(hours(2), to: utc("2024-03-29 17:00"))

        #expect(due == utc("2024-04-01 08:00"))  // Monday 09:00 WEST
        #expect(clock.workingTime(from: utc("2024-03-25 00:00"), to: utc("2024-04-06 00:00")) == hours(100))
    }

    @Test("A night shift through the change counts the hours that really passed")
    func nightShiftThroughChange() throws {
        let clock = try SLAClock(calendar: .everyDay(Zone.lisbon, [interval("00:00", "04:00")]))

        #expect(clock.workingTime(from: utc("2024-03-30 12:00"), to: utc("2024-03-31 12:00")) == hours(3))
        #expect(clock.workingTime(from: utc("2024-10-26 12:00"), to: utc("2024-10-27 12:00")) == hours(5))
        #expect(clock.isWorkingTime(utc("2024-10-27 01:30")))  // 01:30 WET, the second time that night
        #expect(!clock.isWorkingTime(utc("2024-10-27 04:00")))
    }

    @Test("24×7 Lisbon: the change Sunday has 23 and 25 hours, and due times are plain addition")
    func twentyFourSevenLisbon() throws {
        let clock = try SLAClock(
            calendar: .twentyFourSeven(name: "Lisbon 24×7", timeZoneIdentifier: Zone.lisbon))
        let start = utc("2024-03-30 12:00")

        #expect(clock.workingTime(from: utc("2024-03-31 00:00"), to: utc("2024-03-31 23:00")) == hours(23))
        #expect(clock.workingTime(from: utc("2024-10-26 23:00"), to: utc("2024-10-28 00:00")) == hours(25))
        #expect(clock.addWorkingTime(hours(48), to: start) == start.addingTimeInterval(hours(48)))
        #expect(clock.addWorkingTime(hours(24 * 300), to: start) == start.addingTimeInterval(hours(24 * 300)))
    }

    @Test("São Paulo 2018-11-04 began at 01:00: a 00:00–06:00 shift that day is 5 hours")
    func saoPauloMidnightGap() throws {
        let clock = try SLAClock(calendar: .everyDay(Zone.saoPaulo, [interval("00:00", "06:00")]))

        #expect(clock.workingTime(from: utc("2018-11-04 02:00"), to: utc("2018-11-04 12:00")) == hours(5))
        // Saturday 05:00 -03 + 2 h: 05:00–06:00, then Sunday opens at 01:00 -02 (03:00 UTC).
        #expect(clock.addWorkingTime(hours(2), to: utc("2018-11-03 08:00")) == utc("2018-11-04 04:00"))
        #expect(clock.nextWorkingInstant(after: utc("2018-11-03 10:00")) == utc("2018-11-04 03:00"))
        #expect(!clock.isWorkingTime(utc("2018-11-04 02:59")))
        #expect(clock.isWorkingTime(utc("2018-11-04 03:00")))
    }

    @Test("São Paulo office hours across the 2018 change: Friday 17:00 + 2 h is Monday 09:00 summer time")
    func saoPauloOfficeAcrossChange() throws {
        let clock = try SLAClock(calendar: .office(Zone.saoPaulo))

        let due = clock.addWorkingTime(hours(2), to: utc("2018-11-02 20:00"))

        #expect(due == utc("2018-11-05 11:00"))
    }

    @Test("São Paulo 24×7 stays plain addition over the gap and the repeated hour")
    func saoPauloTwentyFourSeven() throws {
        let clock = try SLAClock(
            calendar: .twentyFourSeven(name: "SP 24×7", timeZoneIdentifier: Zone.saoPaulo))

        #expect(clock.addWorkingTime(hours(6), to: utc("2018-11-04 01:00")) == utc("2018-11-04 07:00"))
        // Saturday 2019-02-16 repeated 23:00–24:00: that local day lasted 25 hours.
        #expect(clock.workingTime(from: utc("2019-02-16 02:00"), to: utc("2019-02-17 03:00")) == hours(25))
        #expect(clock.workingTime(from: utc("2019-02-16 00:00"), to: utc("2019-02-18 00:00")) == hours(48))
        // Whole weeks skipped from the 23-hour 2018-11-04 onwards must not count it as 24 hours.
        #expect(clock.addWorkingTime(hours(24 * 60), to: utc("2018-10-01 00:00")) == utc("2018-11-30 00:00"))
        #expect(clock.workingTime(from: utc("2018-11-04 03:00"), to: utc("2018-12-30 03:00")) == hours(24 * 56))
    }

    @Test("Historical time zone transitions are reported, so week skipping stops before them")
    func transitionsAreReported() throws {
        let saoPaulo = try #require(TimeZone(identifier: Zone.saoPaulo))
        let lisbon = try #require(TimeZone(identifier: Zone.lisbon))

        #expect(saoPaulo.nextDaylightSavingTimeTransition(after: utc("2018-10-01 00:00")) == utc("2018-11-04 03:00"))
        #expect(lisbon.nextDaylightSavingTimeTransition(after: utc("2024-10-01 00:00")) == utc("2024-10-27 01:00"))
    }
}
