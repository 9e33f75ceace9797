import Foundation
import Testing

@testable import BalcaoCore

@Suite("SLAClock")
struct SLAClockTests {
    let office: SLAClock
    let officeWithLunch: SLAClock
    let brazil: SLAClock

    init() throws {
        office = try SLAClock(calendar: .office(Zone.saoPaulo))
        officeWithLunch = try SLAClock(
            calendar: .office(Zone.saoPaulo, hours: [interval("08:00", "12:00"), interval("13:00", "18:00")]))
        let holidays = BusinessCalendar.holidaysBrazil(year: 2025)
        brazil = try SLAClock(calendar: .office(Zone.saoPaulo, holidays: holidays))
    }

    @Test("Two hours from Friday 17:00 fall due Monday 09:00")
    func weekendSpanning() {
        let due = office.addWorkingTime(hours(2), to: local("2025-05-16 17:00", Zone.saoPaulo))

        #expect(due == local("2025-05-19 09:00", Zone.saoPaulo))
    }

    @Test("The lunch break does not count")
    func lunchGap() {
        let due = officeWithLunch.addWorkingTime(hours(2), to: local("2025-05-12 11:00", Zone.saoPaulo))

        #expect(due == local("2025-05-12 14:00", Zone.saoPaulo))
    }

    @Test("A ticket that arrives before opening starts counting at opening")
    func beforeOpening() {
        let due = office.addWorkingTime(minutes(90), to: local("2025-05-12 06:10", Zone.saoPaulo))

        #expect(due == local("2025-05-12 09:30", Zone.saoPaulo))
    }

    @Test("A ticket that arrives at night starts counting the next morning")
    func afterClosing() {
        let due = office.addWorkingTime(hours(1), to: local("2025-05-12 21:00", Zone.saoPaulo))

        #expect(due == local("2025-05-13 09:00", Zone.saoPaulo))
    }

    @Test("Time that ends exactly at closing is due at closing, not the next morning")
    func dueAtClosing() {
        let due = office.addWorkingTime(hours(1), to: local("2025-05-16 17:00", Zone.saoPaulo))

        #expect(due == local("2025-05-16 18:00", Zone.saoPaulo))
    }

    @Test("Adding nothing is due at once")
    func addingZero() {
        let start = local("2025-05-17 03:00", Zone.saoPaulo)

        #expect(office.addWorkingTime(0, to: start) == start)
    }

    @Test("Sexta-feira Santa and Tiradentes are skipped: Thursday 17:00 + 2 h is Tuesday 09:00")
    func easterAndTiradentes() {
        let due = brazil.addWorkingTime(hours(2), to: local("2025-04-17 17:00", Zone.saoPaulo))

        #expect(due == local("2025-04-22 09:00", Zone.saoPaulo))
    }

    @Test("Natal is skipped")
    func christmas() {
        let due = brazil.addWorkingTime(hours(2), to: local("2025-12-24 17:00", Zone.saoPaulo))

        #expect(due == local("2025-12-26 09:00", Zone.saoPaulo))
    }

    @Test("Carnaval stops the clock only when the calendar observes optional holidays")
    func carnaval() throws {
        let holidays = BusinessCalendar.holidaysBrazil(year: 2025)
        let closed = try SLAClock(calendar: .office(Zone.saoPaulo, holidays: holidays))
        let working = try SLAClock(
            calendar: .office(Zone.saoPaulo, holidays: holidays, observesOptionalHolidays: false))
        let friday = local("2025-02-28 17:00", Zone.saoPaulo)

        #expect(closed.addWorkingTime(hours(2), to: friday) == local("2025-03-05 09:00", Zone.saoPaulo))
        #expect(working.addWorkingTime(hours(2), to: friday) == local("2025-03-03 09:00", Zone.saoPaulo))
        #expect(!closed.isWorkingTime(local("2025-03-04 10:00", Zone.saoPaulo)))
        #expect(working.isWorkingTime(local("2025-03-04 10:00", Zone.saoPaulo)))
    }

    @Test("The same instant falls due at different times in Lisbon and São Paulo")
    func timeZonesDiffer() throws {
        let lisbon = try SLAClock(calendar: .office(Zone.lisbon))
        let created = utc("2025-05-16 20:00")  // 17:00 in São Paulo, 21:00 in Lisbon

        let dueInSaoPaulo = office.addWorkingTime(hours(2), to: created)
        let dueInLisbon = lisbon.addWorkingTime(hours(2), to: created)

        #expect(dueInSaoPaulo == utc("2025-05-19 12:00"))  // Monday 09:00 -03
        #expect(dueInLisbon == utc("2025-05-19 09:00"))  // Monday 10:00 +01
    }

    @Test("Manaus runs four hours behind UTC all year")
    func manaus() throws {
        let manaus = try SLAClock(calendar: .office(Zone.manaus))

        let due = manaus.addWorkingTime(hours(2), to: utc("2025-05-16 21:00"))

        #expect(due == utc("2025-05-19 13:00"))
    }

    @Test("A UTC calendar needs no conversion")
    func utcCalendar() throws {
        let clock = try SLAClock(calendar: .office(Zone.utc))

        #expect(clock.addWorkingTime(hours(12), to: utc("2025-05-16 12:00")) == utc("2025-05-19 14:00"))
    }

    @Test("Working time over a weekend counts only open hours, and is negative backwards")
    func workingTimeOverWeekend() {
        let friday = local("2025-05-16 17:00", Zone.saoPaulo)
        let monday = local("2025-05-19 09:00", Zone.saoPaulo)

        #expect(office.workingTime(from: friday, to: monday) == hours(2))
        #expect(office.workingTime(from: monday, to: friday) == -hours(2))
        #expect(office.workingTime(from: friday, to: friday) == 0)
    }

    @Test("Working time over a month skips holidays")
    func workingTimeOverAMonth() {
        let start = local("2025-04-01 00:00", Zone.saoPaulo)
        let end = local("2025-05-01 00:00", Zone.saoPaulo)

        // April 2025 has 22 weekdays; Sexta-feira Santa (18) and Tiradentes (21) are off.
        #expect(brazil.workingTime(from: start, to: end) == hours(20 * 10))
        #expect(office.workingTime(from: start, to: end) == hours(22 * 10))
    }

    @Test(
        "Open at the right moments: intervals are half-open",
        arguments: [
            ("2025-05-12 07:59", false), ("2025-05-12 08:00", true), ("2025-05-12 11:59", true),
            ("2025-05-12 12:00", false), ("2025-05-12 12:30", false), ("2025-05-12 13:00", true),
            ("2025-05-12 17:59", true), ("2025-05-12 18:00", false), ("2025-05-17 10:00", false),
        ])
    func isWorkingTime(text: String, open: Bool) {
        #expect(officeWithLunch.isWorkingTime(local(text, Zone.saoPaulo)) == open)
    }

    @Test("Holidays are not working time")
    func holidaysAreClosed() {
        #expect(!brazil.isWorkingTime(local("2025-04-21 10:00", Zone.saoPaulo)))
        #expect(brazil.isWorkingTime(local("2025-04-22 10:00", Zone.saoPaulo)))
    }

    @Test(
        "The next working instant is now when open, otherwise the next opening",
        arguments: [
            ("2025-05-12 10:15", "2025-05-12 10:15"), ("2025-05-12 12:30", "2025-05-12 13:00"),
            ("2025-05-16 19:00", "2025-05-19 08:00"), ("2025-05-12 18:00", "2025-05-13 08:00"),
        ])
    func nextWorkingInstant(text: String, expected: String) {
        let next = officeWithLunch.nextWorkingInstant(after: local(text, Zone.saoPaulo))

        #expect(next == local(expected, Zone.saoPaulo))
    }

    @Test("The next working instant skips a holiday weekend")
    func nextWorkingInstantAfterHolidays() {
        let next = brazil.nextWorkingInstant(after: local("2025-04-17 18:30", Zone.saoPaulo))

        #expect(next == local("2025-04-22 08:00", Zone.saoPaulo))
    }

    @Test("200 working hours land on the right day across a month with a holiday")
    func twoHundredHours() {
        // 20 working days of 10 h from Monday 2 June; Corpus Christi (19 June) is observed.
        let due = brazil.addWorkingTime(hours(200), to: local("2025-06-02 08:00", Zone.saoPaulo))

        #expect(due == local("2025-06-30 18:00", Zone.saoPaulo))
        #expect(brazil.workingTime(from: local("2025-06-02 08:00", Zone.saoPaulo), to: due) == hours(200))
    }

    @Test("The longest allowed duration terminates even on a calendar open one minute a week")
    func longestDurationTerminates() throws {
        let calendar = BusinessCalendar(
            name: "Tiny", timeZoneIdentifier: Zone.utc,
            weeklyHours: WeeklyHours(monday: [interval("09:00", "09:01")]))
        let clock = try SLAClock(calendar: calendar)
        let start = utc("2024-01-01 00:00")  // a Monday
        let weeks = Int(SLAClock.maximumDuration / 60)

        let due = clock.addWorkingTime(SLAClock.maximumDuration, to: start)

        #expect(due == start.addingTimeInterval(Double(weeks - 1) * 7 * 86_400 + hours(9) + 60))
    }
}
