import BalcaoCore
import Foundation
import NIOConcurrencyHelpers

/// Texts, dates and names in one language and time zone: the agent's own settings, else the browser's
/// Accept-Language, else the desk default.
struct Localizer: Sendable {
    let language: SupportedLanguage
    let timeZone: TimeZone
    private let formatter: SharedDateFormatter

    init(language: SupportedLanguage, timeZone: TimeZone) {
        self.language = language
        self.timeZone = timeZone
        formatter = Self.formatter(language, timeZone)
    }

    /// One formatter per language and zone for the process: building one (ICU) per request showed in the page
    /// profiles (docs/BENCHMARKS.md).
    private static let formatters = NIOLockedValueBox<[String: SharedDateFormatter]>([:])

    private static func formatter(_ language: SupportedLanguage, _ timeZone: TimeZone) -> SharedDateFormatter {
        formatters.withLockedValue { formatters in
            let key = language.rawValue + " " + timeZone.identifier
            if let formatter = formatters[key] { return formatter }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: language.rawValue)
            formatter.timeZone = timeZone
            formatter.dateStyle = .short
            formatter.timeStyle = .short
            let shared = SharedDateFormatter(formatter)
            formatters[key] = shared
            return shared
        }
    }

    /// Picks the language from the agent's setting, then Accept-Language (in the browser's order), then `fallback`.
    static func resolve(agentLanguage: String?, agentTimeZone: String?, acceptLanguage: String?, fallback: String)
        -> Localizer
    {
        let fromHeader = (acceptLanguage ?? "").split(separator: ",").lazy
            .map { $0.split(separator: ";").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "" }
            .compactMap(SupportedLanguage.init(matching:)).first
        let language = agentLanguage.flatMap(SupportedLanguage.init(matching:)) ?? fromHeader
            ?? SupportedLanguage(matching: fallback) ?? .portugueseBrazil
        let zone = agentTimeZone.flatMap(TimeZone.init(identifier:))
            ?? TimeZone(identifier: language == .english ? "UTC" : language == .portuguesePortugal ? "Europe/Lisbon" : "America/Sao_Paulo")!
        return Localizer(language: language, timeZone: zone)
    }

    subscript(_ key: String) -> String { Self.tables[language]?[key] ?? key }

    /// A text with `%@` replaced by `argument`.
    func format(_ key: String, _ argument: String) -> String {
        self[key].replacingOccurrences(of: "%@", with: argument)
    }

    /// All texts, for templates (`#(t.queue_mine)`).
    var all: [String: String] { Self.tables[language] ?? [:] }

    /// Every text in each language, built once.
    private static let tables: [SupportedLanguage: [String: String]] = Dictionary(
        uniqueKeysWithValues: [SupportedLanguage.english, .portugueseBrazil, .portuguesePortugal].map { language in
            (language, Strings.table.mapValues { texts in
                switch language {
                case .english: texts.0
                case .portugueseBrazil: texts.1
                case .portuguesePortugal: texts.2
                }
            })
        })

    /// "25/11/2026 14:05" (pt) or "Nov 25, 2026, 2:05 PM" (en), in the agent's zone.
    func dateTime(_ date: Date) -> String {
        formatter.string(from: date)
    }

    /// ISO 8601 for `<time datetime>` and scripts.
    func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// A span of time in its two largest units: "45 min", "3 h 20 min", "2 d 4 h".
    func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int((abs(seconds) / 60).rounded(.up))
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        let d = self["unit_day"]
        if days > 0 { return hours > 0 ? "\(days) \(d) \(hours) h" : "\(days) \(d)" }
        if hours > 0 { return rest > 0 ? "\(hours) h \(rest) min" : "\(hours) h" }
        return "\(rest) min"
    }

    /// Channel names: `email` and `phone` keys collide with form labels, so they have their own.
    func channel(_ channel: TicketChannel) -> String {
        switch channel {
        case .email: self["email_channel"]
        case .phone: self["phone_channel"]
        default: self[channel.rawValue]
        }
    }
}

/// A DateFormatter used from many requests at once: ICU's formatter is not safe to use from two threads, so each
/// use takes the lock (formatting takes microseconds).
final class SharedDateFormatter: @unchecked Sendable {
    private let lock = NIOLock()
    private let formatter: DateFormatter

    init(_ formatter: DateFormatter) { self.formatter = formatter }

    func string(from date: Date) -> String { lock.withLock { formatter.string(from: date) } }
}
