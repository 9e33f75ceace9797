import Foundation

/// The help section's top level ("Acesso e senhas", "Entregas"), holding sections.
public struct HelpCategory: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<HelpCategory>

    public let id: ID
    public var name: LocalizedText
    public var summary: LocalizedText
    public var visibility: HelpVisibility
    public var position: Int

    public init(
        id: ID = ID(), name: LocalizedText, summary: LocalizedText = LocalizedText(), visibility: HelpVisibility = .everyone,
        position: Int = 0
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.visibility = visibility
        self.position = position
    }
}

/// A group of articles inside a category ("VPN", "Trocas e devoluções").
public struct HelpSection: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<HelpSection>

    public let id: ID
    public var categoryID: HelpCategory.ID
    public var name: LocalizedText
    public var position: Int

    public init(id: ID = ID(), categoryID: HelpCategory.ID, name: LocalizedText, position: Int = 0) {
        self.id = id
        self.categoryID = categoryID
        self.name = name
        self.position = position
    }
}

/// One help article in up to three languages, written in Markdown by agents. Drafts are seen by agents only;
/// published articles by whoever the article's and its category's visibility admit.
public struct HelpArticle: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<HelpArticle>

    public enum Status: String, Sendable, Codable, CaseIterable {
        case draft, published
    }

    /// One language's title and Markdown body.
    public struct Translation: Sendable, Hashable, Codable {
        public var title: String
        public var body: String

        public init(title: String, body: String) {
            self.title = title
            self.body = body
        }
    }

    public let id: ID
    public var sectionID: HelpSection.ID
    public var status: Status
    public var visibility: HelpVisibility
    public var translations: [SupportedLanguage: Translation]
    public var position: Int
    public var authorID: Agent.ID
    /// "Was this helpful?" answers and views, counted by the store.
    public var helpfulVotes: Int
    public var unhelpfulVotes: Int
    public var views: Int
    /// Requests not opened because this article, suggested while writing one, solved the problem.
    public var deflections: Int
    public let createdAt: Date
    public var updatedAt: Date
    public var publishedAt: Date?

    public init(
        id: ID = ID(), sectionID: HelpSection.ID, status: Status = .draft, visibility: HelpVisibility = .everyone,
        translations: [SupportedLanguage: Translation], position: Int = 0, authorID: Agent.ID, helpfulVotes: Int = 0,
        unhelpfulVotes: Int = 0, views: Int = 0, deflections: Int = 0, createdAt: Date, updatedAt: Date? = nil, publishedAt: Date? = nil
    ) {
        self.id = id
        self.sectionID = sectionID
        self.status = status
        self.visibility = visibility
        self.translations = translations
        self.position = position
        self.authorID = authorID
        self.helpfulVotes = helpfulVotes
        self.unhelpfulVotes = unhelpfulVotes
        self.views = views
        self.deflections = deflections
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.publishedAt = publishedAt
    }

    /// Whether `reader` may open this article in `category`: agents always (drafts included); everyone else only
    /// when it is published and both the article and its category admit them.
    public func isReadable(by reader: PortalReader, in category: HelpCategory) -> Bool {
        if reader == .agent { return true }
        return status == .published && visibility.admits(reader) && category.visibility.admits(reader)
    }

    /// The translation to show a reader of `language` (see `LocalizedText.best(for:)` for the fallbacks).
    public func translation(for language: SupportedLanguage) -> (language: SupportedLanguage, translation: Translation)? {
        for candidate in [language] + LocalizedText.fallbacks(after: language) {
            if let translation = translations[candidate] { return (candidate, translation) }
        }
        return nil
    }

    /// Share of "yes" among the votes, nil before anyone voted.
    public var helpfulShare: Double? {
        let total = helpfulVotes + unhelpfulVotes
        return total == 0 ? nil : Double(helpfulVotes) / Double(total)
    }

    public static let maxTitleLength = 200
    public static let maxBodyLength = 200_000

    /// Checks what an agent wrote: at least one language, each with a title and a body within the limits.
    public static func validate(_ translations: [SupportedLanguage: Translation], into collector: inout ValidationCollector) {
        if translations.isEmpty { collector.add("translations", "write the article in at least one language") }
        for (language, translation) in translations.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let field = "translations.\(language.rawValue)"
            collector.requireText(translation.title, field: field + ".title", maxLength: maxTitleLength)
            collector.requireText(translation.body, field: field + ".body", maxLength: maxBodyLength)
        }
    }
}
