import Foundation

@testable import BalcaoCore

/// Zones the SLA tests run in: Brazil's main zone (DST until 2019), Portugal (EU DST), the Amazon (no DST), UTC.
enum Zone {
    static let saoPaulo = "America/Sao_Paulo"
    static let lisbon = "Europe/Lisbon"
    static let manaus = "America/Manaus"
    static let utc = "UTC"
}

func hours(_ count: Double) -> TimeInterval { count * 3_600 }
func minutes(_ count: Double) -> TimeInterval { count * 60 }

/// `"2025-05-16 17:00"` on the wall clock of `zone`, read by Foundation's `Calendar` (an oracle independent of
/// `SLAClock`). Only for times that exist exactly once; DST tests state UTC instants instead.
func local(_ text: String, _ zone: String) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    guard let timeZone = TimeZone(identifier: zone) else { fatalError("Unknown zone \(zone)") }
    calendar.timeZone = timeZone
    let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    guard numbers.count == 5,
        let date = calendar.date(
            from: DateComponents(
                year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4]))
    else { fatalError("Not a yyyy-MM-dd HH:mm time: \(text)") }
    return date
}

func utc(_ text: String) -> Date { local(text, Zone.utc) }

/// `"08:00"–"12:00"`.
func interval(_ start: String, _ end: String) -> WorkingInterval {
    guard let start = TimeOfDay(start), let end = TimeOfDay(end) else { fatalError("Bad interval \(start)–\(end)") }
    return WorkingInterval(start, end)
}

extension BusinessCalendar {
    /// Monday to Friday 08:00–18:00 unless told otherwise.
    static func office(
        _ zone: String, hours: [WorkingInterval] = [interval("08:00", "18:00")], holidays: [Holiday] = [],
        observesOptionalHolidays: Bool = true
    ) -> BusinessCalendar {
        BusinessCalendar(
            name: "Office \(zone)", timeZoneIdentifier: zone, weeklyHours: .weekdays(hours), holidays: holidays,
            observesOptionalHolidays: observesOptionalHolidays)
    }

    /// The same intervals every day of the week, weekends included.
    static func everyDay(_ zone: String, _ intervals: [WorkingInterval]) -> BusinessCalendar {
        BusinessCalendar(
            name: "Every day \(zone)", timeZoneIdentifier: zone,
            weeklyHours: WeeklyHours(
                monday: intervals, tuesday: intervals, wednesday: intervals, thursday: intervals, friday: intervals,
                saturday: intervals, sunday: intervals))
    }
}

/// SplitMix64: a tiny seeded generator so property-style tests draw the same cases on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// A São Paulo desk open Monday to Friday 08:00–18:00, with the targets the SLA state tests use:
/// normal 4 h / 8 h / 16 h, urgent 1 h / 2 h / 4 h, low only 40 h to resolve.
struct SLADesk {
    let clock: SLAClock
    let policy: SLAPolicy

    init() throws {
        let calendar = BusinessCalendar.office(Zone.saoPaulo)
        clock = try SLAClock(calendar: calendar)
        policy = SLAPolicy(
            name: "Support", calendarID: calendar.id,
            targets: SLAPriorityTargets(
                low: SLATargets(resolution: hours(40)),
                normal: SLATargets(firstResponse: hours(4), nextResponse: hours(8), resolution: hours(16)),
                urgent: SLATargets(firstResponse: hours(1), nextResponse: hours(2), resolution: hours(4))))
    }

    /// São Paulo wall-clock time; the week of Monday 2025-05-12 has no holidays.
    func at(_ text: String) -> Date { local(text, Zone.saoPaulo) }

    /// A state after `events`, each at a São Paulo time.
    func state(_ events: [(SLAEvent, String)]) -> SLAState {
        events.reduce(SLAState(policy: policy)) { state, step in
            state.applying(step.0, at: at(step.1), clock: clock)
        }
    }
}
