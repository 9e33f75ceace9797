import Foundation
import Testing

@testable import BalcaoCore

@Suite("LocalDate")
struct LocalDateTests {
    @Test(
        "Easter Sunday matches the published dates",
        arguments: [
            (2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2029, 4, 1), (2030, 4, 21),
            (1943, 4, 25), (2019, 4, 21), (2038, 4, 25), (2285, 3, 22),
        ])
    func easterSunday(year: Int, month: Int, day: Int) {
        let easter = LocalDate.easterSunday(year: year)

        #expect(easter == LocalDate(year: year, month: month, day: day))
        #expect(easter.weekday == .sunday)
    }

    @Test("Day numbers round-trip across leap years and centuries")
    func dayNumbersRoundTrip() {
        let first = LocalDate(year: 1899, month: 12, day: 25).dayNumber
        for number in stride(from: first, through: first + 200 * 366, by: 37) {
            let date = LocalDate(dayNumber: number)

            #expect(date.isValid)
            #expect(date.dayNumber == number)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(
            LocalDate(year: 2000, month: 3, day: 1).dayNumber - LocalDate(year: 2000, month: 2, day: 28).dayNumber == 2)
    }

    @Test(
        "Weekdays agree with the calendar on the wall",
        arguments: [
            ("2025-04-21", Weekday.monday), ("2024-12-25", .wednesday), ("2018-11-04", .sunday),
            ("1970-01-01", .thursday), ("2024-02-29", .thursday),
        ])
    func weekday(text: String, weekday: Weekday) throws {
        let date = try #require(LocalDate(text))

        #expect(date.weekday == weekday)
    }

    @Test("Only real days parse", arguments: ["2025-02-29", "2025-04-31", "2025-13-01", "2025-4-1", "21/04/2025", ""])
    func rejectsUnrealDays(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test("A date prints and encodes as yyyy-MM-dd")
    func encodesAsISODate() throws {
        let date = LocalDate(year: 2024, month: 2, day: 29)

        let json = String(decoding: try JSONEncoder().encode([date]), as: UTF8.self)

        #expect(date.description == "2024-02-29")
        #expect(json == #"["2024-02-29"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: Data(json.utf8)) == [date])
    }
}
