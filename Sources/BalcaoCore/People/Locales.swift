import Foundation

/// The languages Balcão speaks, and checks for people's language and time-zone settings.
public enum SupportedLanguage: String, Sendable, CaseIterable, Codable {
    case portugueseBrazil = "pt-BR"
    case portuguesePortugal = "pt-PT"
    case english = "en"

    /// Matches "pt-br", "pt_BR", "en-US" (→ en), "pt" (→ pt-BR, the larger audience).
    public init?(matching tag: String) {
        let parts = tag.replacingOccurrences(of: "_", with: "-").lowercased().split(separator: "-")
        switch (parts.first.map(String.init), parts.dropFirst().first.map(String.init)) {
        case ("pt", "pt"): self = .portuguesePortugal
        case ("pt", _): self = .portugueseBrazil
        case ("en", _): self = .english
        default: return nil
        }
    }
}

enum PersonSettings {
    static func validate(languageTag: String?, timeZone: String?, into collector: inout ValidationCollector) {
        if let languageTag, SupportedLanguage(matching: languageTag) == nil {
            collector.add("language", "must be one of pt-BR, pt-PT, en")
        }
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            collector.add("timeZone", "must be an IANA time zone such as America/Sao_Paulo")
        }
    }

    /// The canonical tag ("pt-BR") for a loose one ("pt_br").
    static func canonical(_ languageTag: String?) -> String? {
        languageTag.flatMap { SupportedLanguage(matching: $0)?.rawValue }
    }
}
