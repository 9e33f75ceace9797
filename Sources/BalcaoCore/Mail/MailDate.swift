import Foundation

/// RFC 5322 dates (`Tue, 3 Mar 2026 10:00:00 -0300`), read leniently and written in the one canonical form.
enum MailDate {
    /// Reads RFC 5322 and obsolete forms: optional day name, two- and three-digit years, seconds optional,
    /// named zones (UT, GMT, EST…; military letters count as -0000), comments, asctime order
    /// (`Tue Mar  3 10:00:00 2026`) and ISO 8601 (`2026-03-03T10:00:00Z`). Nil when no date can be read.
    static func parse(_ value: String) -> Date? {
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var offset: Int?
        for token in tokens(value.prefix(200)) {
            let upper = token.uppercased()
            if let iso = isoDate(token) {
                (year, month, day) = (iso.year, iso.month, iso.day)
                if let t = iso.time { time = parseTime(t) ?? time }
            } else if token.contains(":"), time == nil {
                time = parseTime(Substring(token))
            } else if let number = monthNumber(upper), month == nil {
                month = number
            } else if token.allSatisfy(\.isASCIIDigit), !token.isEmpty {
                if token.count <= 2, day == nil {
                    day = Int(token)
                } else if year == nil, let number = Int(token) {
                    year =
                        token.count == 2
                        ? (number < 50 ? 2000 + number : 1900 + number) : token.count == 3 ? 1900 + number : number
                }
            } else if let zone = zoneOffset(upper), offset == nil {
                offset = zone
            }
        }
        guard let day, let month, let year, let time, (1900...9999).contains(year),
            (1...daysInMonth(month, year)).contains(day)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + time.hour * 3600 + time.minute * 60 + time.second - (offset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `Tue, 03 Mar 2026 13:00:00 +0000` in UTC with English names.
    static func format(_ date: Date) -> String {
        // Clamped to years 1…9999 so that no Date, however absurd, can trap the Int conversion.
        let interval = date.timeIntervalSince1970
        let seconds = interval.isFinite ? Int(min(max(interval, -62_135_596_800), 253_402_300_799).rounded(.down)) : 0
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(dayNames[weekday]), \(two(day)) \(monthNames[month - 1]) \(yearText) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0000"
    }

    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Splits on whitespace and commas after dropping comments; "+0000" stays one token, "10:00-0300" two.
    private static func tokens(_ value: Substring) -> [String] {
        var tokens: [String] = []
        var current = ""
        var commentDepth = 0
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for character in value {
            if character == "(" {
                flush()
                commentDepth += 1
            } else if character == ")" {
                commentDepth = max(0, commentDepth - 1)
            } else if commentDepth > 0 {
                continue
            } else if character.isWhitespace || character == "," {
                flush()
            } else if character == "+" || character == "-", current.contains(":") {
                flush()
                current.append(character)
            } else {
                current.append(character)
            }
        }
        flush()
        return tokens
    }

    private static func monthNumber(_ upper: String) -> Int? {
        guard upper.count >= 3, upper.allSatisfy(\.isLetter) else { return nil }
        return monthNames.firstIndex { upper.hasPrefix($0.uppercased()) }.map { $0 + 1 }
    }

    private static func parseTime(_ token: Substring) -> (hour: Int, minute: Int, second: Int)? {
        var token = token
        if let zoneStart = token.firstIndex(where: { $0 == "Z" || $0 == "z" }) { token = token[..<zoneStart] }
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        var second = 0
        if parts.count == 3 {
            guard let whole = Int(parts[2].prefix { $0.isASCIIDigit }) else { return nil }
            second = min(whole, 59)  // a leap second (":60") is read as :59
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return (hour, minute, second)
    }

    /// Seconds east of UTC for `+hhmm`, `-hh:mm` or a zone name.
    private static func zoneOffset(_ upper: String) -> Int? {
        if let sign = upper.first, sign == "+" || sign == "-" {
            let digits = upper.dropFirst().filter { $0 != ":" }
            guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit), let hours = Int(digits.prefix(2)),
                let minutes = Int(digits.suffix(2)), hours <= 23, minutes <= 59
            else { return nil }
            return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        if let hours = namedZones[upper] { return hours * 3600 }
        // RFC 5322 §4.3: military zones were defined with the wrong sign, so they mean "unknown" (-0000).
        if upper.count == 1, upper.first?.isLetter == true, upper != "J" { return 0 }
        return nil
    }

    private static let namedZones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
        "PST": -8, "PDT": -7, "BRT": -3, "BST": 1, "CET": 1, "CEST": 2, "WET": 0, "WEST": 1,
    ]

    private static func isoDate(_ token: String) -> (year: Int, month: Int, day: Int, time: Substring?)? {
        let parts = token.split(separator: "T", maxSplits: 1)
        let date = parts.first ?? ""
        let pieces = date.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, let year = Int(pieces[0]), let month = Int(pieces[1]),
            let day = Int(pieces[2]), (1...12).contains(month)
        else { return nil }
        return (year, month, day, parts.count == 2 ? parts[1] : nil)
    }

    private static func daysInMonth(_ month: Int, _ year: Int) -> Int {
        guard (1...12).contains(month) else { return 0 }
        if month == 2 { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28 }
        return [4, 6, 9, 11].contains(month) ? 30 : 31
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
