import Foundation

/// The help section's rules over the store: who writes what, what each reader finds, and what the portal shows
/// while someone types a request (deflection).
public struct HelpCenter: Sendable {
    let store: any HelpCenterStore
    let clock: any Clock

    public init(store: any HelpCenterStore, clock: any Clock) {
        self.store = store
        self.clock = clock
    }

    /// One search result as a reader sees it: the article in their best language, with a highlighted excerpt.
    public struct Result: Sendable, Hashable {
        public let article: HelpArticle
        public let language: SupportedLanguage
        public let title: String
        /// Safe HTML: the excerpt escaped, matches in `<mark>`.
        public let snippet: String
    }

    /// What an agent writes; nil fields keep the article's current value on an edit.
    public struct ArticleFields: Sendable {
        public var sectionID: HelpSection.ID?
        public var visibility: HelpVisibility?
        public var translations: [SupportedLanguage: HelpArticle.Translation]?
        public var position: Int?

        public init(
            sectionID: HelpSection.ID? = nil, visibility: HelpVisibility? = nil,
            translations: [SupportedLanguage: HelpArticle.Translation]? = nil, position: Int? = nil
        ) {
            self.sectionID = sectionID
            self.visibility = visibility
            self.translations = translations
            self.position = position
        }
    }

    // MARK: Writing (agents write articles; supervisors and admins arrange categories and sections)

    public func createArticle(_ fields: ArticleFields, by agent: Agent) async throws -> HelpArticle {
        guard agent.isActive else { throw HelpCenterError.forbidden("inactive agents cannot write articles") }
        var collector = ValidationCollector()
        if fields.sectionID == nil { collector.add("sectionId", "is required") }
        HelpArticle.validate(fields.translations ?? [:], into: &collector)
        try collector.check()
        let sectionID = fields.sectionID!  // checked above
        try await requireSection(sectionID)
        let article = HelpArticle(
            sectionID: sectionID, visibility: fields.visibility ?? .everyone,
            translations: Self.trimmed(fields.translations ?? [:]), position: fields.position ?? 0, authorID: agent.id,
            createdAt: clock.now)
        try await store.save(article)
        return article
    }

    public func updateArticle(_ id: HelpArticle.ID, _ fields: ArticleFields, by agent: Agent) async throws -> HelpArticle {
        guard agent.isActive else { throw HelpCenterError.forbidden("inactive agents cannot write articles") }
        guard var article = try await store.article(id) else { throw HelpCenterError.articleNotFound(id) }
        var collector = ValidationCollector()
        if let translations = fields.translations { HelpArticle.validate(translations, into: &collector) }
        try collector.check()
        if let sectionID = fields.sectionID {
            try await requireSection(sectionID)
            article.sectionID = sectionID
        }
        if let visibility = fields.visibility { article.visibility = visibility }
        if let translations = fields.translations { article.translations = Self.trimmed(translations) }
        if let position = fields.position { article.position = position }
        article.updatedAt = clock.now
        try await store.save(article)
        return article
    }

    /// Publishes or takes back to draft; the first publication is dated.
    public func setStatus(_ status: HelpArticle.Status, of id: HelpArticle.ID, by agent: Agent) async throws -> HelpArticle {
        guard agent.isActive else { throw HelpCenterError.forbidden("inactive agents cannot publish") }
        guard var article = try await store.article(id) else { throw HelpCenterError.articleNotFound(id) }
        guard article.status != status else { return article }
        article.status = status
        article.updatedAt = clock.now
        if status == .published, article.publishedAt == nil { article.publishedAt = clock.now }
        try await store.save(article)
        return article
    }

    public func saveCategory(_ category: HelpCategory, by agent: Agent) async throws {
        try Self.requireManager(agent)
        var collector = ValidationCollector()
        Self.validateName(category.name, into: &collector)
        try collector.check()
        try await store.save(category)
    }

    public func saveSection(_ section: HelpSection, by agent: Agent) async throws {
        try Self.requireManager(agent)
        var collector = ValidationCollector()
        Self.validateName(section.name, into: &collector)
        try collector.check()
        guard try await store.categories().contains(where: { $0.id == section.categoryID }) else {
            throw HelpCenterError.categoryNotFound(section.categoryID)
        }
        try await store.save(section)
    }

    public func deleteCategory(_ id: HelpCategory.ID, by agent: Agent) async throws {
        try Self.requireManager(agent)
        guard try await store.categories().contains(where: { $0.id == id }) else {
            throw HelpCenterError.categoryNotFound(id)
        }
        try await store.delete(id)
    }

    public func deleteSection(_ id: HelpSection.ID, by agent: Agent) async throws {
        try Self.requireManager(agent)
        try await requireSection(id)
        try await store.delete(id)
    }

    /// Its author, a supervisor or an admin.
    public func deleteArticle(_ id: HelpArticle.ID, by agent: Agent) async throws {
        guard let article = try await store.article(id) else { throw HelpCenterError.articleNotFound(id) }
        guard agent.isActive, article.authorID == agent.id || agent.role >= .supervisor else {
            throw HelpCenterError.forbidden("only the author, supervisors and admins delete an article")
        }
        try await store.delete(id)
    }

    // MARK: Reading

    /// Every category and section, in position order (agents' view: nothing hidden).
    public func outline() async throws -> (categories: [HelpCategory], sections: [HelpSection]) {
        (try await store.categories(), try await store.sections())
    }

    /// What the portal lists for a reader: the categories they may read, each with its sections and their
    /// published, readable articles (empty sections and categories left out), in the desk's order.
    public func contents(for reader: PortalReader) async throws -> [CategoryContents] {
        let (categories, sections) = try await outline()
        let articles = try await store.articles(in: nil)
        return categories.filter { $0.visibility.admits(reader) }.sorted { $0.position < $1.position }.compactMap {
            category in
            let shelves = sections.filter { $0.categoryID == category.id }.sorted { $0.position < $1.position }
                .compactMap { section -> SectionContents? in
                    let readable = articles.filter { $0.sectionID == section.id && $0.isReadable(by: reader, in: category) }
                    return readable.isEmpty ? nil : SectionContents(section: section, articles: readable)
                }
            return shelves.isEmpty ? nil : CategoryContents(category: category, sections: shelves)
        }
    }

    public struct CategoryContents: Sendable, Hashable {
        public let category: HelpCategory
        public let sections: [SectionContents]
    }

    public struct SectionContents: Sendable, Hashable {
        public let section: HelpSection
        public let articles: [HelpArticle]
    }

    /// Every article of a section (all when nil), drafts included: for agents.
    public func articles(in section: HelpSection.ID?) async throws -> [HelpArticle] {
        try await store.articles(in: section)
    }

    /// Articles matching `text` that `reader` may read, best first, each in the reader's best language.
    public func search(_ text: String, for reader: PortalReader, in language: SupportedLanguage, limit: Int = 20)
        async throws -> [Result]
    {
        try await find(text, matchingAll: true, for: reader, in: language, limit: limit)
    }

    /// What the portal suggests while a user types a request's subject: the five best readable articles matching
    /// any of its words (a subject is a sentence, not a query: "impressora do 2º andar sem toner").
    public func suggestions(forSubject subject: String, reader: PortalReader, language: SupportedLanguage)
        async throws -> [Result]
    {
        let words = SearchQuery.words(in: subject).filter { $0.count > 2 && !Self.stopWords.contains($0.lowercased()) }
        return try await find(words.joined(separator: " "), matchingAll: false, for: reader, in: language, limit: 5)
    }

    /// Words too common to suggest anything ("quero fazer a devolução do produto" is about "devolução", "produto"):
    /// Portuguese and English function words and request verbs, compared lower-case.
    static let stopWords: Set<String> = [
        "que", "para", "por", "com", "sem", "uma", "uns", "umas", "dos", "das", "nos", "nas", "num", "numa", "não",
        "nao", "meu", "minha", "meus", "minhas", "seu", "sua", "está", "esta", "estou", "este", "isso", "isto", "como",
        "mais", "muito", "quero", "queria", "preciso", "fazer", "ter", "tenho", "tem", "foi", "ser", "pelo", "pela",
        "ainda", "depois", "antes", "quando", "onde", "qual", "porque", "the", "and", "for", "with", "not", "can",
        "cannot", "my", "our", "your", "how", "what", "when", "where", "why", "need", "want", "does", "doesn", "don",
        "have", "has", "was", "this", "that", "from", "into", "help", "ajuda", "please", "favor",
    ]

    private func find(
        _ text: String, matchingAll: Bool, for reader: PortalReader, in language: SupportedLanguage, limit: Int
    ) async throws -> [Result] {
        let words = Array(SearchQuery.words(in: text).prefix(8)).map(SearchStem.stem)
        guard !words.isEmpty else { return [] }
        let limit = min(max(limit, 1), 50)
        // Over-fetch: some matches are drafts or hidden from this reader.
        let ids = try await store.searchArticles(words, matchingAll: matchingAll, limit: limit * 3)
        let categories = Dictionary(uniqueKeysWithValues: try await store.categories().map { ($0.id, $0) })
        let sections = Dictionary(uniqueKeysWithValues: try await store.sections().map { ($0.id, $0) })
        let articles = Dictionary(uniqueKeysWithValues: try await store.articles(ids: ids).map { ($0.id, $0) })
        var results: [Result] = []
        for id in ids where results.count < limit {
            guard let article = articles[id],
                let category = sections[article.sectionID].flatMap({ categories[$0.categoryID] }),
                article.isReadable(by: reader, in: category),
                let (shown, translation) = article.translation(for: language)
            else { continue }
            let plain = Self.plainText(ofMarkdown: translation.body)
            results.append(
                Result(
                    article: article, language: shown, title: translation.title,
                    snippet: SearchSnippet.html(of: plain, matching: words)))
        }
        return results
    }

    /// Opens an article for a reader (counted as a view), or fails as not found when they may not read it.
    public func read(_ id: HelpArticle.ID, as reader: PortalReader) async throws -> HelpArticle {
        let article = try await readable(id, by: reader)
        if reader != .agent { try await store.recordView(of: id) }
        return article
    }

    public func vote(on id: HelpArticle.ID, helpful: Bool, as reader: PortalReader) async throws {
        _ = try await readable(id, by: reader)
        try await store.recordVote(on: id, helpful: helpful)
    }

    /// The user said a suggested article solved their problem and did not open a request.
    public func recordDeflection(by id: HelpArticle.ID, as reader: PortalReader) async throws {
        _ = try await readable(id, by: reader)
        try await store.recordDeflection(by: id)
    }

    // MARK: Helpers

    /// Not found, rather than forbidden, when the reader may not see it: hidden articles do not reveal they exist.
    private func readable(_ id: HelpArticle.ID, by reader: PortalReader) async throws -> HelpArticle {
        guard let article = try await store.article(id), let category = try await category(of: article),
            article.isReadable(by: reader, in: category)
        else { throw HelpCenterError.articleNotFound(id) }
        return article
    }

    private func category(of article: HelpArticle) async throws -> HelpCategory? {
        guard let section = try await store.sections().first(where: { $0.id == article.sectionID }) else { return nil }
        return try await store.categories().first { $0.id == section.categoryID }
    }

    private func requireSection(_ id: HelpSection.ID) async throws {
        guard try await store.sections().contains(where: { $0.id == id }) else {
            throw HelpCenterError.sectionNotFound(id)
        }
    }

    public static func requireManager(_ agent: Agent) throws {
        guard agent.isActive, agent.role >= .supervisor else {
            throw HelpCenterError.forbidden("only supervisors and admins arrange the help section")
        }
    }

    static func validateName(_ name: LocalizedText, into collector: inout ValidationCollector) {
        if name.isEmpty { collector.add("name", "write a name in at least one language") }
        for (language, text) in name.values where text.count > 120 {
            collector.add("name.\(language.rawValue)", "at most 120 characters")
        }
    }

    static func trimmed(_ translations: [SupportedLanguage: HelpArticle.Translation])
        -> [SupportedLanguage: HelpArticle.Translation]
    {
        translations.mapValues {
            HelpArticle.Translation(title: $0.title.trimmingCharacters(in: .whitespacesAndNewlines), body: $0.body)
        }
    }

    /// Markdown reduced to its words for excerpts: markup characters and link targets dropped.
    static func plainText(ofMarkdown markdown: String) -> String {
        var text = markdown.replacingOccurrences(of: #"\]\([^)]*\)"#, with: "]", options: .regularExpression)
        text = text.replacingOccurrences(of: #"[#*_`>\[\]]+"#, with: "", options: .regularExpression)
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
