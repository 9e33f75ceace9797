import Foundation

/// A day of the week, Monday first (ISO 8601), as business hours are written.
public enum Weekday: String, Sendable, Hashable, Codable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday of a day counted from 1970-01-01, which was a Thursday.
    init(dayNumber: Int) {
        let index = ((dayNumber + 3) % 7 + 7) % 7
        self = Self.allCases[index]
    }

    /// 0 for Monday … 6 for Sunday.
    var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// A wall-clock time within a day, to the minute. `24:00` ends a shift that runs until midnight.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Minutes since midnight; 0…1440 is valid (checked by `BusinessCalendar.validate()`).
    public let minuteOfDay: Int

    public init(_ hour: Int, _ minute: Int = 0) { minuteOfDay = hour * 60 + minute }

    public init(minuteOfDay: Int) { self.minuteOfDay = minuteOfDay }

    /// Parses `HH:mm` (`24:00` included); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...59).contains(minute),
            (0...23).contains(hour) || (hour == 24 && minute == 0)
        else { return nil }
        self.init(hour, minute)
    }

    public static let midnight = TimeOfDay(0)
    public static let endOfDay = TimeOfDay(24)

    var isInDay: Bool { (0...1440).contains(minuteOfDay) }

    public var description: String {
        let hour = minuteOfDay / 60
        let minute = minuteOfDay % 60
        return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.minuteOfDay < rhs.minuteOfDay }

    /// Encoded as `HH:mm`, the way admins type opening hours.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = TimeOfDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an HH:mm time: \(text)")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// One stretch of working time on a weekday, such as 08:00–12:00. Half-open: at 12:00 the desk is closed.
/// A night shift across midnight is written as two intervals (22:00–24:00 and 00:00–06:00 the next day).
public struct WorkingInterval: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(_ start: TimeOfDay, _ end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    /// Nominal length; a DST change inside the interval makes the real length differ (see `SLAClock`).
    public var seconds: TimeInterval { TimeInterval((end.minuteOfDay - start.minuteOfDay) * 60) }

    public var description: String { "\(start)–\(end)" }
}

/// Opening hours for each day of the week; a day without intervals is closed.
public struct WeeklyHours: Sendable, Hashable, Codable {
    public var monday: [WorkingInterval]
    public var tuesday: [WorkingInterval]
    public var wednesday: [WorkingInterval]
    public var thursday: [WorkingInterval]
    public var friday: [WorkingInterval]
    public var saturday: [WorkingInterval]
    public var sunday: [WorkingInterval]

    public init(
        monday: [WorkingInterval] = [], tuesday: [WorkingInterval] = [], wednesday: [WorkingInterval] = [],
        thursday: [WorkingInterval] = [], friday: [WorkingInterval] = [], saturday: [WorkingInterval] = [],
        sunday: [WorkingInterval] = []
    ) {
        self.monday = monday
        self.tuesday = tuesday
        self.wednesday = wednesday
        self.thursday = thursday
        self.friday = friday
        self.saturday = saturday
        self.sunday = sunday
    }

    /// The same intervals Monday to Friday, weekends closed: the usual office.
    public static func weekdays(_ intervals: [WorkingInterval]) -> WeeklyHours {
        WeeklyHours(
            monday: intervals, tuesday: intervals, wednesday: intervals, thursday: intervals, friday: intervals)
    }

    /// Every day, all day: SLA time is then plain elapsed time.
    public static let twentyFourSeven: WeeklyHours = {
        let allDay = [WorkingInterval(.midnight, .endOfDay)]
        return WeeklyHours(
            monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay, saturday: allDay,
            sunday: allDay)
    }()

    public subscript(weekday: Weekday) -> [WorkingInterval] {
        get {
            switch weekday {
            case .monday: monday
            case .tuesday: tuesday
            case .wednesday: wednesday
            case .thursday: thursday
            case .friday: friday
            case .saturday: saturday
            case .sunday: sunday
            }
        }
        set {
            switch weekday {
            case .monday: monday = newValue
            case .tuesday: tuesday = newValue
            case .wednesday: wednesday = newValue
            case .thursday: thursday = newValue
            case .friday: friday = newValue
            case .saturday: saturday = newValue
            case .sunday: sunday = newValue
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    }

    /// A day left out of the JSON is closed, so hand-written calendars only list the days they open.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let day = { (key: CodingKeys) in try container.decodeIfPresent([WorkingInterval].self, forKey: key) ?? [] }
        self.init(
            monday: try day(.monday), tuesday: try day(.tuesday), wednesday: try day(.wednesday),
            thursday: try day(.thursday), friday: try day(.friday), saturday: try day(.saturday),
            sunday: try day(.sunday))
    }
}
