import Foundation

/// A day off for the whole desk, named so admins recognise it in the list.
public struct Holiday: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var name: String
    /// Brazil's *ponto facultativo* (Carnaval, Corpus Christi): many companies close, some work. Whether the clock
    /// stops is the calendar's choice (`BusinessCalendar.observesOptionalHolidays`), so presets keep the day.
    public var isOptional: Bool

    public init(_ date: LocalDate, _ name: String, isOptional: Bool = false) {
        self.date = date
        self.name = name
        self.isOptional = isOptional
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        date = try container.decode(LocalDate.self, forKey: .date)
        name = try container.decode(String.self, forKey: .name)
        isOptional = try container.decodeIfPresent(Bool.self, forKey: .isOptional) ?? false
    }
}

/// When a desk works: weekly hours and full-day holidays, in one IANA time zone. SLA targets count only this time.
public struct BusinessCalendar: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = TypedID<BusinessCalendar>

    public let id: ID
    public var name: String
    /// IANA identifier such as `America/Sao_Paulo`; hours and holidays are read on this zone's wall clock.
    public var timeZoneIdentifier: String
    public var weeklyHours: WeeklyHours
    public var holidays: [Holiday]
    /// Whether holidays marked `isOptional` stop the clock. On by default: a listed day off is a day off.
    public var observesOptionalHolidays: Bool

    public init(
        id: ID = ID(), name: String, timeZoneIdentifier: String, weeklyHours: WeeklyHours, holidays: [Holiday] = [],
        observesOptionalHolidays: Bool = true
    ) {
        self.id = id
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
        self.weeklyHours = weeklyHours
        self.holidays = holidays
        self.observesOptionalHolidays = observesOptionalHolidays
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ID.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        timeZoneIdentifier = try container.decode(String.self, forKey: .timeZoneIdentifier)
        weeklyHours = try container.decode(WeeklyHours.self, forKey: .weeklyHours)
        holidays = try container.decodeIfPresent([Holiday].self, forKey: .holidays) ?? []
        observesOptionalHolidays = try container.decodeIfPresent(Bool.self, forKey: .observesOptionalHolidays) ?? true
    }

    /// Round-the-clock support: every instant counts, holidays included.
    public static func twentyFourSeven(id: ID = ID(), name: String, timeZoneIdentifier: String) -> BusinessCalendar {
        BusinessCalendar(id: id, name: name, timeZoneIdentifier: timeZoneIdentifier, weeklyHours: .twentyFourSeven)
    }

    /// The holidays that stop the clock, optional ones only when observed.
    public var observedHolidays: [Holiday] {
        holidays.filter { !$0.isOptional || observesOptionalHolidays }
    }

    /// Checks what the SLA clock relies on: a known zone, sane intervals, and some working time each week (without
    /// it no due time exists). Fields are JSON paths: `timeZoneIdentifier`, `weeklyHours.monday[1]`,
    /// `holidays[0].name`.
    public func validate() throws(ValidationError) {
        var issues = ValidationCollector()
        issues.requireText(name, field: "name", maxLength: 120)
        if TimeZone(identifier: timeZoneIdentifier) == nil {
            issues.add("timeZoneIdentifier", "is not a known IANA time zone")
        }
        var workingMinutes = 0
        for weekday in Weekday.allCases {
            workingMinutes += Self.checkIntervals(weeklyHours[weekday], of: weekday, into: &issues)
        }
        if workingMinutes == 0 { issues.add("weeklyHours", "has no working time: no SLA could ever fall due") }
        for (index, holiday) in holidays.enumerated() {
            if !holiday.date.isValid { issues.add("holidays[\(index)].date", "is not a calendar date") }
            issues.requireText(holiday.name, field: "holidays[\(index)].name", maxLength: 120)
        }
        try issues.check()
    }

    /// Adds an issue per out-of-range, inverted or overlapping interval; returns the minutes of the valid ones.
    private static func checkIntervals(
        _ intervals: [WorkingInterval], of weekday: Weekday, into issues: inout ValidationCollector
    ) -> Int {
        var valid: [(index: Int, interval: WorkingInterval)] = []
        for (index, interval) in intervals.enumerated() {
            let field = "weeklyHours.\(weekday.rawValue)[\(index)]"
            if !interval.start.isInDay || !interval.end.isInDay {
                issues.add(field, "must lie between 00:00 and 24:00")
            } else if interval.end <= interval.start {
                issues.add(field, "ends at or before it starts (\(interval)); split a shift across midnight in two")
            } else {
                valid.append((index, interval))
            }
        }
        valid.sort { $0.interval.start < $1.interval.start }
        var minutes = 0
        var previous: WorkingInterval?
        for (index, interval) in valid {
            if let earlier = previous, interval.start < earlier.end {
                issues.add("weeklyHours.\(weekday.rawValue)[\(index)]", "overlaps \(earlier)")
                if interval.end > earlier.end { previous = interval }
            } else {
                minutes += interval.end.minuteOfDay - interval.start.minuteOfDay
                previous = interval
            }
        }
        return minutes
    }
}
