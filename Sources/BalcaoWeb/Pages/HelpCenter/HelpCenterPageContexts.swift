import BalcaoCore
import Foundation

/// What the agents' help-section pages show.
enum HelpCenterPage {
    static let languages: [SupportedLanguage] = [.portugueseBrazil, .portuguesePortugal, .english]

    struct ArticleRow: Encodable {
        let id: String
        let title: String
        let status: String
        let statusLabel: String
        let employeesOnly: Bool
        let languages: String
        let views: Int
        let helpful: Int
        let unhelpful: Int
        let deflections: Int
    }

    struct SectionRow: Encodable {
        let id: String
        let name: String
        let names: [LanguageText]
        let position: Int
        let articles: [ArticleRow]
    }

    struct CategoryRow: Encodable {
        let id: String
        let name: String
        let names: [LanguageText]
        let summaries: [LanguageText]
        let employeesOnly: Bool
        let position: Int
        let sections: [SectionRow]
    }

    /// One language's text of a field, as a form input named `<field>_<tag>`.
    struct LanguageText: Encodable {
        let tag: String
        let label: String
        let text: String
    }

    struct OverviewContext: Encodable {
        let layout: LayoutContext
        let categories: [CategoryRow]
        let portalURL: String
        let error: String?
    }

    struct TranslationForm: Encodable {
        let tag: String
        let label: String
        let title: String
        let body: String
        /// The rendered body, when the editor asked for a preview.
        let preview: String?
    }

    struct EditorContext: Encodable {
        let layout: LayoutContext
        let id: String?
        let action: String
        let sections: [SelectOption]
        let employeesOnly: Bool
        let status: String?
        let translations: [TranslationForm]
        let error: String?
        let portalURL: String?
    }

    static func texts(_ text: LocalizedText, _ l: Localizer) -> [LanguageText] {
        languages.map { LanguageText(tag: $0.rawValue, label: l["language_\($0.rawValue)"], text: text.values[$0] ?? "") }
    }

    /// The text of `field` in each language, from form fields named `<field>_<tag>`.
    static func localized(_ form: [String: String], _ field: String) -> LocalizedText {
        LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, form["\(field)_\($0.rawValue)"] ?? "") }))
    }
}
