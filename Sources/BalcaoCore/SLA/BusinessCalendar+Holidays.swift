import Foundation

/// National holiday presets. They only produce `Holiday` values: admins add regional days (São Paulo's 9 July,
/// Lisbon's Santo António) and remove what their company works, so nothing here is consulted at run time.
extension BusinessCalendar {
    /// Brazil's national holidays (Lei 662/1949, 6.802/1980, 10.607/2002, 14.759/2023) plus the federal
    /// *pontos facultativos* of Carnaval and Corpus Christi, flagged optional.
    public static func holidaysBrazil(year: Int) -> [Holiday] {
        let easter = LocalDate.easterSunday(year: year)
        let day = { (month: Int, day: Int) in LocalDate(year: year, month: month, day: day) }
        let holidays: [Holiday?] = [
            Holiday(day(1, 1), "Confraternização Universal"),
            Holiday(easter.adding(days: -48), "Carnaval (segunda-feira)", isOptional: true),
            Holiday(easter.adding(days: -47), "Carnaval (terça-feira)", isOptional: true),
            Holiday(easter.adding(days: -2), "Sexta-feira Santa"),
            Holiday(day(4, 21), "Tiradentes"),
            Holiday(day(5, 1), "Dia do Trabalho"),
            Holiday(easter.adding(days: 60), "Corpus Christi", isOptional: true),
            Holiday(day(9, 7), "Independência do Brasil"),
            Holiday(day(10, 12), "Nossa Senhora Aparecida"),
            Holiday(day(11, 2), "Finados"),
            Holiday(day(11, 15), "Proclamação da República"),
            // National only since Lei 14.759/2023; before that it was a state or municipal holiday.
            year >= 2024 ? Holiday(day(11, 20), "Dia Nacional de Zumbi e da Consciência Negra") : nil,
            Holiday(day(12, 25), "Natal"),
        ]
        return holidays.compactMap { $0 }
    }

    /// Portugal's national holidays (Código do Trabalho, art. 234.º) plus Carnaval, which the law leaves optional.
    /// Corpo de Deus, 5 October, 1 November and 1 December were suspended from 2013 to 2015 (Lei 23/2012).
    public static func holidaysPortugal(year: Int) -> [Holiday] {
        let easter = LocalDate.easterSunday(year: year)
        let day = { (month: Int, day: Int) in LocalDate(year: year, month: month, day: day) }
        let suspended = (2013...2015).contains(year)
        let holidays: [Holiday?] = [
            Holiday(day(1, 1), "Ano Novo"),
            Holiday(easter.adding(days: -47), "Carnaval", isOptional: true),
            Holiday(easter.adding(days: -2), "Sexta-feira Santa"),
            Holiday(easter, "Páscoa"),
            Holiday(day(4, 25), "Dia da Liberdade"),
            Holiday(day(5, 1), "Dia do Trabalhador"),
            suspended ? nil : Holiday(easter.adding(days: 60), "Corpo de Deus"),
            Holiday(day(6, 10), "Dia de Portugal, de Camões e das Comunidades Portuguesas"),
            Holiday(day(8, 15), "Assunção de Nossa Senhora"),
            suspended ? nil : Holiday(day(10, 5), "Implantação da República"),
            suspended ? nil : Holiday(day(11, 1), "Dia de Todos-os-Santos"),
            suspended ? nil : Holiday(day(12, 1), "Restauração da Independência"),
            Holiday(day(12, 8), "Imaculada Conceição"),
            Holiday(day(12, 25), "Natal"),
        ]
        return holidays.compactMap { $0 }
    }
}
