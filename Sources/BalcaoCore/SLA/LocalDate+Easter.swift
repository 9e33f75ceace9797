import Foundation

extension LocalDate {
    /// Western (Gregorian) Easter Sunday of `year`, from which Carnaval, Sexta-feira Santa and Corpus Christi move.
    /// The anonymous Gregorian computus (Meeus/Jones/Butcher): exact for every Gregorian year, no lookup table.
    public static func easterSunday(year: Int) -> LocalDate {
        precondition(year >= 1583, "The Gregorian computus starts in 1583")
        let golden = year % 19
        let century = year / 100
        let yearOfCentury = year % 100
        let skippedLeaps = century / 4
        let centuryRemainder = century % 4
        let lunarCorrection = (century + 8) / 25
        let solarCorrection = (century - lunarCorrection + 1) / 3
        let epact = (19 * golden + century - skippedLeaps - solarCorrection + 15) % 30
        let leapDays = yearOfCentury / 4
        let yearRemainder = yearOfCentury % 4
        let weekdayShift = (32 + 2 * centuryRemainder + 2 * leapDays - epact - yearRemainder) % 7
        let lateCorrection = (golden + 11 * epact + 22 * weekdayShift) / 451
        let total = epact + weekdayShift - 7 * lateCorrection + 114
        return LocalDate(year: year, month: total / 31, day: total % 31 + 1)
    }
}
