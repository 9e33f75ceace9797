import Foundation
import Testing

@testable import BalcaoCore

@Suite("BusinessCalendar holiday presets")
struct BusinessCalendarHolidaysTests {
    private func holiday(_ holidays: [Holiday], on text: String) -> Holiday? {
        holidays.first { $0.date == LocalDate(text) }
    }

    @Test("Brazil 2025: fixed days, moveable feasts from Easter, and Consciência Negra")
    func brazil2025() {
        let holidays = BusinessCalendar.holidaysBrazil(year: 2025)

        #expect(holidays.count == 13)
        #expect(holiday(holidays, on: "2025-01-01")?.name == "Confraternização Universal")
        #expect(holiday(holidays, on: "2025-04-18")?.name == "Sexta-feira Santa")
        #expect(holiday(holidays, on: "2025-04-21")?.name == "Tiradentes")
        #expect(holiday(holidays, on: "2025-09-07") != nil)
        #expect(holiday(holidays, on: "2025-10-12") != nil)
        #expect(holiday(holidays, on: "2025-11-02") != nil)
        #expect(holiday(holidays, on: "2025-11-15") != nil)
        #expect(holiday(holidays, on: "2025-11-20")?.name == "Dia Nacional de Zumbi e da Consciência Negra")
        #expect(holiday(holidays, on: "2025-12-25")?.name == "Natal")
    }

    @Test("Brazil's Carnaval and Corpus Christi are included but flagged as ponto facultativo")
    func brazilOptionalDays() {
        let holidays = BusinessCalendar.holidaysBrazil(year: 2026)

        let optional = holidays.filter(\.isOptional).map(\.date.description)

        #expect(optional == ["2026-02-16", "2026-02-17", "2026-06-04"])
        #expect(holiday(holidays, on: "2026-04-03")?.isOptional == false)
    }

    @Test("Consciência Negra is national only from 2024")
    func consciousnessDaySince2024() {
        #expect(holiday(BusinessCalendar.holidaysBrazil(year: 2023), on: "2023-11-20") == nil)
        #expect(holiday(BusinessCalendar.holidaysBrazil(year: 2024), on: "2024-11-20") != nil)
    }

    @Test("Portugal 2025: Páscoa, Corpo de Deus and optional Carnaval follow Easter")
    func portugal2025() {
        let holidays = BusinessCalendar.holidaysPortugal(year: 2025)

        #expect(holidays.count == 14)
        #expect(holiday(holidays, on: "2025-03-04")?.isOptional == true)
        #expect(holiday(holidays, on: "2025-04-18")?.name == "Sexta-feira Santa")
        #expect(holiday(holidays, on: "2025-04-20")?.name == "Páscoa")
        #expect(holiday(holidays, on: "2025-04-25")?.name == "Dia da Liberdade")
        #expect(holiday(holidays, on: "2025-06-19")?.name == "Corpo de Deus")
        #expect(holiday(holidays, on: "2025-06-10") != nil)
        let fixedDays = [
            "2025-01-01", "2025-05-01", "2025-08-15", "2025-10-05", "2025-11-01", "2025-12-01", "2025-12-08",
        ]
        for fixed in fixedDays {
            #expect(holiday(holidays, on: fixed) != nil, "\(fixed)")
        }
        #expect(holidays.filter(\.isOptional).count == 1)
    }

    @Test("Portugal suspended four holidays from 2013 to 2015")
    func portugalSuspension() {
        #expect(BusinessCalendar.holidaysPortugal(year: 2014).count == 10)
        #expect(holiday(BusinessCalendar.holidaysPortugal(year: 2014), on: "2014-10-05") == nil)
        #expect(BusinessCalendar.holidaysPortugal(year: 2016).count == 14)
    }

    @Test("Presets always give real, named days inside their year", arguments: 2024...2030)
    func presetsAreValid(year: Int) throws {
        for holidays in [BusinessCalendar.holidaysBrazil(year: year), BusinessCalendar.holidaysPortugal(year: year)] {
            #expect(holidays.allSatisfy { $0.date.isValid && $0.date.year == year && !$0.name.isEmpty })
            #expect(Set(holidays.map(\.date)).count == holidays.count)
            try BusinessCalendar.office(Zone.utc, holidays: holidays).validate()
        }
    }
}
