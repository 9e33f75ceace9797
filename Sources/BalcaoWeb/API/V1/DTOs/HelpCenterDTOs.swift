import BalcaoCore
import Foundation
import Vapor

/// A text per language, as JSON `{"pt-BR": "…", "en": "…"}`; unknown language keys are a validation error.
struct LocalizedTextDTO: Content {
    var values: [String: String]

    init(_ text: LocalizedText) { values = Dictionary(uniqueKeysWithValues: text.values.map { ($0.key.rawValue, $0.value) }) }

    init(from decoder: any Decoder) throws { values = try decoder.singleValueContainer().decode([String: String].self) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    func text(field: String, into collector: inout ValidationCollector) -> LocalizedText {
        LocalizedText(Self.byLanguage(values, field: field, into: &collector))
    }

    static func byLanguage<T>(_ values: [String: T], field: String, into collector: inout ValidationCollector)
        -> [SupportedLanguage: T]
    {
        var result: [SupportedLanguage: T] = [:]
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let language = SupportedLanguage(rawValue: key) else {
                collector.add("\(field).\(key)", "is not a language (pt-BR, pt-PT or en)")
                continue
            }
            result[language] = value
        }
        return result
    }
}

struct HelpSectionDTO: Content {
    let id: UUID
    let categoryId: UUID
    let name: LocalizedTextDTO
    let position: Int

    init(_ section: HelpSection) {
        id = section.id.rawValue
        categoryId = section.categoryID.rawValue
        name = LocalizedTextDTO(section.name)
        position = section.position
    }
}

struct HelpCategoryDTO: Content {
    let id: UUID
    let name: LocalizedTextDTO
    let summary: LocalizedTextDTO
    let visibility: HelpVisibility
    let position: Int
    let sections: [HelpSectionDTO]

    init(_ category: HelpCategory, sections: [HelpSection]) {
        id = category.id.rawValue
        name = LocalizedTextDTO(category.name)
        summary = LocalizedTextDTO(category.summary)
        visibility = category.visibility
        position = category.position
        self.sections = sections.filter { $0.categoryID == category.id }.map(HelpSectionDTO.init)
    }
}

struct HelpArticleDTO: Content {
    let id: UUID
    let sectionId: UUID
    let status: HelpArticle.Status
    let visibility: HelpVisibility
    let translations: [String: HelpArticle.Translation]
    let position: Int
    let authorId: UUID
    let helpfulVotes: Int
    let unhelpfulVotes: Int
    let views: Int
    let createdAt: Date
    let updatedAt: Date
    let publishedAt: Date?

    init(_ article: HelpArticle) {
        id = article.id.rawValue
        sectionId = article.sectionID.rawValue
        status = article.status
        visibility = article.visibility
        translations = Dictionary(uniqueKeysWithValues: article.translations.map { ($0.key.rawValue, $0.value) })
        position = article.position
        authorId = article.authorID.rawValue
        helpfulVotes = article.helpfulVotes
        unhelpfulVotes = article.unhelpfulVotes
        views = article.views
        createdAt = article.createdAt
        updatedAt = article.updatedAt
        publishedAt = article.publishedAt
    }
}

struct HelpSearchResultDTO: Content {
    let article: HelpArticleDTO
    let language: SupportedLanguage
    let title: String
    let snippet: String

    init(_ result: HelpCenter.Result) {
        article = HelpArticleDTO(result.article)
        language = result.language
        title = result.title
        snippet = result.snippet
    }
}

struct HelpCategoryRequest: Content {
    var name: LocalizedTextDTO?
    var summary: LocalizedTextDTO?
    var visibility: HelpVisibility?
    var position: Int?

    func category(id: HelpCategory.ID) throws -> HelpCategory {
        var collector = ValidationCollector()
        let name = name?.text(field: "name", into: &collector) ?? LocalizedText()
        let summary = summary?.text(field: "summary", into: &collector) ?? LocalizedText()
        try collector.check()
        return HelpCategory(
            id: id, name: name, summary: summary, visibility: visibility ?? .everyone, position: position ?? 0)
    }
}

struct HelpSectionRequest: Content {
    var categoryId: UUID?
    var name: LocalizedTextDTO?
    var position: Int?

    func section(id: HelpSection.ID) throws -> HelpSection {
        var collector = ValidationCollector()
        if categoryId == nil { collector.add("categoryId", "is required") }
        let name = name?.text(field: "name", into: &collector) ?? LocalizedText()
        try collector.check()
        return HelpSection(id: id, categoryID: .init(rawValue: categoryId!), name: name, position: position ?? 0)
    }
}

struct HelpArticleRequest: Content {
    var sectionId: UUID?
    var visibility: HelpVisibility?
    var translations: [String: HelpArticle.Translation]?
    var position: Int?

    var fields: HelpCenter.ArticleFields {
        get throws {
            var collector = ValidationCollector()
            let translations = translations.map {
                LocalizedTextDTO.byLanguage($0, field: "translations", into: &collector)
            }
            try collector.check()
            return HelpCenter.ArticleFields(
                sectionID: sectionId.map(HelpSection.ID.init(rawValue:)), visibility: visibility,
                translations: translations, position: position)
        }
    }
}

struct HelpStatusRequest: Content {
    var status: HelpArticle.Status
}

struct HelpPreviewRequest: Content {
    var markdown: String
}

struct HelpPreviewDTO: Content {
    let html: String
}
