import Foundation
import Testing

@testable import BalcaoCore

@Suite("BusinessCalendar")
struct BusinessCalendarTests {
    private func fields(of calendar: BusinessCalendar) -> [String] {
        do {
            try calendar.validate()
            return []
        } catch {
            return error.issues.map(\.field)
        }
    }

    @Test("A normal office calendar is valid")
    func officeIsValid() throws {
        let calendar = BusinessCalendar.office(
            Zone.saoPaulo, hours: [interval("08:00", "12:00"), interval("13:00", "18:00")],
            holidays: BusinessCalendar.holidaysBrazil(year: 2025))

        try calendar.validate()
    }

    @Test("An unknown time zone is reported on timeZoneIdentifier")
    func unknownZone() {
        let calendar = BusinessCalendar.office("America/Sao_Paolo")

        #expect(fields(of: calendar) == ["timeZoneIdentifier"])
    }

    @Test("Overlapping intervals are reported on the later one")
    func overlappingIntervals() {
        let calendar = BusinessCalendar.office(
            Zone.lisbon, hours: [interval("13:00", "18:00"), interval("09:00", "13:30")])

        let issues = fields(of: calendar)

        #expect(issues.contains("weeklyHours.monday[0]"))
        #expect(issues.count == 5)
    }

    @Test("An interval that ends before it starts is reported, with a hint for night shifts")
    func invertedInterval() throws {
        var calendar = BusinessCalendar.office(Zone.lisbon)
        calendar.weeklyHours.tuesday = [interval("22:00", "06:00")]

        let error = try #require(throws: ValidationError.self) { try calendar.validate() }

        #expect(error.issues.map(\.field) == ["weeklyHours.tuesday[0]"])
        #expect(error.issues.first?.message.contains("midnight") == true)
    }

    @Test("Times outside 00:00–24:00 are reported")
    func outOfRange() {
        var calendar = BusinessCalendar.office(Zone.lisbon)
        calendar.weeklyHours.friday = [WorkingInterval(TimeOfDay(20), TimeOfDay(25))]

        #expect(fields(of: calendar) == ["weeklyHours.friday[0]"])
    }

    @Test("A calendar with no working time is refused: nothing could ever fall due")
    func noWorkingTime() {
        let calendar = BusinessCalendar(name: "Closed", timeZoneIdentifier: Zone.utc, weeklyHours: WeeklyHours())

        #expect(fields(of: calendar) == ["weeklyHours"])
        #expect(throws: ValidationError.self) { try SLAClock(calendar: calendar) }
    }

    @Test("Every problem is reported at once, named by field")
    func reportsEverything() {
        let calendar = BusinessCalendar(
            name: " ", timeZoneIdentifier: "Mars/Olympus", weeklyHours: WeeklyHours(),
            holidays: [Holiday(LocalDate(year: 2025, month: 2, day: 30), "")])

        #expect(
            fields(of: calendar) == [
                "name", "timeZoneIdentifier", "weeklyHours", "holidays[0].date", "holidays[0].name",
            ])
    }

    @Test("Touching intervals are not an overlap")
    func touchingIntervals() throws {
        let calendar = BusinessCalendar.office(
            Zone.utc, hours: [interval("08:00", "12:00"), interval("12:00", "18:00")])

        try calendar.validate()
    }

    @Test("JSON uses HH:mm times and yyyy-MM-dd holidays, and round-trips")
    func codable() throws {
        let calendar = BusinessCalendar.office(
            Zone.saoPaulo, hours: [interval("08:30", "12:00")],
            holidays: [Holiday(LocalDate(year: 2025, month: 4, day: 21), "Tiradentes")])

        let data = try JSONEncoder().encode(calendar)
        let json = String(decoding: data, as: UTF8.self)

        #expect(
            json.contains(#"{"end":"12:00","start":"08:30"}"#) || json.contains(#"{"start":"08:30","end":"12:00"}"#))
        #expect(json.contains(#""2025-04-21""#))
        #expect(try JSONDecoder().decode(BusinessCalendar.self, from: data) == calendar)
    }

    @Test("Days left out of the weekly hours JSON are closed")
    func omittedDaysAreClosed() throws {
        let json = #"{"saturday": [{"start": "09:00", "end": "13:00"}]}"#

        let hours = try JSONDecoder().decode(WeeklyHours.self, from: Data(json.utf8))

        #expect(hours.saturday == [interval("09:00", "13:00")])
        #expect(hours.monday.isEmpty && hours.sunday.isEmpty)
    }

    @Test("Times parse as HH:mm up to 24:00", arguments: ["00:00", "08:30", "23:59", "24:00"])
    func parsesTimes(text: String) throws {
        let time = try #require(TimeOfDay(text))

        #expect(time.description == text)
    }

    @Test("Malformed times are rejected", arguments: ["8:00", "24:01", "25:00", "12:60", "noon", "12-00"])
    func rejectsTimes(text: String) {
        #expect(TimeOfDay(text) == nil)
    }

    @Test("Optional holidays are observed unless the calendar says otherwise")
    func observedHolidays() {
        let holidays = BusinessCalendar.holidaysBrazil(year: 2025)
        var calendar = BusinessCalendar.office(Zone.saoPaulo, holidays: holidays)

        let observedByDefault = calendar.observedHolidays.count
        calendar.observesOptionalHolidays = false

        #expect(observedByDefault == holidays.count)
        #expect(calendar.observedHolidays.count == holidays.count - 3)
    }
}
