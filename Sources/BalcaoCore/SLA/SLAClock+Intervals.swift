import Foundation

/// One stretch of working time in Unix seconds, half-open.
struct WorkingSpan {
    let start: Double
    let end: Double
}

/// Wall clock ↔ instant in the calendar's zone. Day numbers count days since 1970-01-01 on the zone's wall clock;
/// plain integer arithmetic, with `TimeZone` asked only for offsets, so no `Calendar` DST policy leaks in.
extension SLAClock {
    /// The working spans of one local day; none on a holiday. Spans skipped by a DST jump vanish.
    func spans(onDay day: Int) -> [WorkingSpan] {
        guard !holidaySet.contains(day) else { return [] }
        return schedule[Weekday(dayNumber: day).index].compactMap { minutes in
            let span = WorkingSpan(
                start: instant(day: day, minute: minutes.start), end: instant(day: day, minute: minutes.end))
            return span.end > span.start ? span : nil
        }
    }

    /// The local day `unixSeconds` falls on.
    func localDay(of unixSeconds: Double) -> Int {
        Int(((unixSeconds + Double(offset(at: unixSeconds))) / 86_400).rounded(.down))
    }

    /// The instant a wall-clock time happens (`minute` 1440 is the next midnight). A time repeated when clocks go
    /// back is its first occurrence; a time skipped when clocks go forward is the moment of the jump. So the mapping
    /// never runs backwards and an interval keeps exactly the part of it that existed: São Paulo's 2018-11-04 began
    /// at 01:00, and 00:00–06:00 that day is 5 hours.
    func instant(day: Int, minute: Int) -> Double {
        let wall = day * 86_400 + minute * 60
        // The true offset is one of those in force a day around `wall`: zones are never more than 14 h from UTC.
        let offsets = Set([wall - 86_400, wall, wall + 86_400].map { offset(at: Double($0)) })
        let occurrences = offsets.map { wall - $0 }.filter { offset(at: Double($0)) == wall - $0 }
        if let first = occurrences.min() { return Double(first) }
        // In a gap: binary-search the jump between the last instant on the old offset and the first on the new.
        var before = wall - (offsets.max() ?? 0)
        var after = wall - (offsets.min() ?? 0)
        let oldOffset = offset(at: Double(before))
        while after - before > 1 {
            let middle = before + (after - before) / 2
            if offset(at: Double(middle)) == oldOffset { before = middle } else { after = middle }
        }
        return Double(after)
    }

    /// Whole weeks from `day` that can be counted as `weekSeconds` each without stepping through them: none may
    /// reach `limitDay`, hold an observed holiday, or contain a zone transition (DST changes a week's length).
    func skippableWeeks(from day: Int, notPast limitDay: Int) -> Int {
        var end = limitDay
        if let holiday = firstHoliday(onOrAfter: day) { end = min(end, holiday) }
        guard end - day >= 7 else { return 0 }
        // Looking from a day early also catches a jump at this very midnight (São Paulo 2018-11-04 began at the
        // jump, so that day was 23 hours long although no transition follows its start).
        let dayBefore = Date(timeIntervalSince1970: instant(day: day - 1, minute: 0))
        if let transition = timeZone.nextDaylightSavingTimeTransition(after: dayBefore) {
            end = min(end, localDay(of: transition.timeIntervalSince1970) - 1)
        }
        return max(0, (end - day) / 7)
    }

    private func offset(at unixSeconds: Double) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: unixSeconds))
    }

    private func firstHoliday(onOrAfter day: Int) -> Int? {
        var low = 0
        var high = holidayDays.count
        while low < high {
            let middle = (low + high) / 2
            if holidayDays[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low < holidayDays.count ? holidayDays[low] : nil
    }
}
