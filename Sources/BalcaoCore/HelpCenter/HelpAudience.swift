import Foundation

/// Who reads the portal: someone not signed in, a signed-in customer or employee, or an agent.
public enum PortalReader: Sendable, Hashable {
    case visitor
    case contact(Contact.Kind)
    case agent
}

/// Who may read a help category or article. Employees-only content (internal IT, HR and facilities how-tos) stays
/// hidden from customers and from visitors who are not signed in; agents read everything.
public enum HelpVisibility: String, Sendable, Codable, CaseIterable {
    case everyone
    case employees

    public func admits(_ reader: PortalReader) -> Bool {
        switch (self, reader) {
        case (.everyone, _), (.employees, .agent), (.employees, .contact(.employee)): true
        case (.employees, .visitor), (.employees, .contact(.customer)): false
        }
    }
}

/// A text in the desk's languages (pt-BR, pt-PT, en), not all of which need to be written.
public struct LocalizedText: Sendable, Hashable, Codable {
    public private(set) var values: [SupportedLanguage: String]

    public init(_ values: [SupportedLanguage: String] = [:]) {
        self.values = values.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// The variant for `language`, else the other Portuguese one, else English, else any written one.
    public func best(for language: SupportedLanguage) -> (language: SupportedLanguage, text: String)? {
        let order = [language] + LocalizedText.fallbacks(after: language)
        for candidate in order { if let text = values[candidate] { return (candidate, text) } }
        return nil
    }

    /// pt-PT readers understand pt-BR before English, and the other way round.
    static func fallbacks(after language: SupportedLanguage) -> [SupportedLanguage] {
        switch language {
        case .portugueseBrazil: [.portuguesePortugal, .english]
        case .portuguesePortugal: [.portugueseBrazil, .english]
        case .english: [.portugueseBrazil, .portuguesePortugal]
        }
    }
}
