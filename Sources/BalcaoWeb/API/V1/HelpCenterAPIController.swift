import BalcaoCore
import Vapor

/// `/api/v1/help`: the help section for agents and integrations — categories and sections (supervisors and
/// admins), articles (any agent writes; drafts included), and search as an agent sees it. Rules live in
/// `HelpCenter`.
struct HelpCenterAPIController: RouteCollection {
    let services: BalcaoServices
    var help: HelpCenter { services.helpCenter }

    func boot(routes: any RoutesBuilder) throws {
        let root = routes.grouped("help")
        root.get("categories", use: categories)
        root.put("categories", ":categoryID", use: saveCategory)
        root.delete("categories", ":categoryID", use: deleteCategory)
        root.put("sections", ":sectionID", use: saveSection)
        root.delete("sections", ":sectionID", use: deleteSection)
        root.get("articles", use: articles)
        root.post("articles", use: createArticle)
        root.get("articles", ":articleID", use: article)
        root.patch("articles", ":articleID", use: updateArticle)
        root.delete("articles", ":articleID", use: deleteArticle)
        root.put("articles", ":articleID", "status", use: setStatus)
        root.get("search", use: search)
        root.post("preview", use: preview)
    }

    @Sendable func categories(req: Request) async throws -> ListDTO<HelpCategoryDTO> {
        let (categories, sections) = try await help.outline()
        return ListDTO(data: categories.map { HelpCategoryDTO($0, sections: sections) })
    }

    @Sendable func saveCategory(req: Request) async throws -> HelpCategoryDTO {
        let id = try req.id("categoryID", as: HelpCategory.ID.self)
        let category = try req.content.decode(HelpCategoryRequest.self).category(id: id)
        try await help.saveCategory(category, by: try req.agent)
        let sections = try await help.outline().sections
        return HelpCategoryDTO(category, sections: sections)
    }

    @Sendable func deleteCategory(req: Request) async throws -> HTTPStatus {
        try await help.deleteCategory(try req.id("categoryID", as: HelpCategory.ID.self), by: try req.agent)
        return .noContent
    }

    @Sendable func saveSection(req: Request) async throws -> HelpSectionDTO {
        let section = try req.content.decode(HelpSectionRequest.self)
            .section(id: try req.id("sectionID", as: HelpSection.ID.self))
        try await help.saveSection(section, by: try req.agent)
        return HelpSectionDTO(section)
    }

    @Sendable func deleteSection(req: Request) async throws -> HTTPStatus {
        try await help.deleteSection(try req.id("sectionID", as: HelpSection.ID.self), by: try req.agent)
        return .noContent
    }

    @Sendable func articles(req: Request) async throws -> ListDTO<HelpArticleDTO> {
        var query = QueryReader(req.query)
        let section = query.id("sectionId", as: HelpSection.ID.self)
        try query.collector.check()
        return ListDTO(data: try await help.articles(in: section).map(HelpArticleDTO.init))
    }

    @Sendable func createArticle(req: Request) async throws -> Response {
        let fields = try req.content.decode(HelpArticleRequest.self).fields
        let article = try await help.createArticle(fields, by: try req.agent)
        return try await created(HelpArticleDTO(article), at: "help/articles/\(article.id)", for: req)
    }

    @Sendable func article(req: Request) async throws -> HelpArticleDTO {
        HelpArticleDTO(try await help.read(try req.id("articleID", as: HelpArticle.ID.self), as: .agent))
    }

    @Sendable func updateArticle(req: Request) async throws -> HelpArticleDTO {
        let fields = try req.content.decode(HelpArticleRequest.self).fields
        let id = try req.id("articleID", as: HelpArticle.ID.self)
        return HelpArticleDTO(try await help.updateArticle(id, fields, by: try req.agent))
    }

    @Sendable func deleteArticle(req: Request) async throws -> HTTPStatus {
        try await help.deleteArticle(try req.id("articleID", as: HelpArticle.ID.self), by: try req.agent)
        return .noContent
    }

    @Sendable func setStatus(req: Request) async throws -> HelpArticleDTO {
        let status = try req.content.decode(HelpStatusRequest.self).status
        let id = try req.id("articleID", as: HelpArticle.ID.self)
        return HelpArticleDTO(try await help.setStatus(status, of: id, by: try req.agent))
    }

    /// The editor's preview: Markdown to the HTML readers will see.
    @Sendable func preview(req: Request) async throws -> HelpPreviewDTO {
        let markdown = try req.content.decode(HelpPreviewRequest.self).markdown
        var collector = ValidationCollector()
        collector.limit(markdown, field: "markdown", maxLength: HelpArticle.maxBodyLength)
        try collector.check()
        return HelpPreviewDTO(html: ArticleMarkdown.html(markdown))
    }

    @Sendable func search(req: Request) async throws -> ListDTO<HelpSearchResultDTO> {
        var query = QueryReader(req.query)
        let text = query.text("q")
        if text == nil { query.collector.add("q", "is required") }
        let language = query.value("lang", as: SupportedLanguage.self, expected: "must be pt-BR, pt-PT or en")
        let limit = query.integer("limit", in: 1...50)
        try query.collector.check()
        let results = try await help.search(
            text ?? "", for: .agent,
            in: language ?? SupportedLanguage(matching: services.config.defaultLanguage) ?? .portugueseBrazil,
            limit: limit ?? 20)
        return ListDTO(data: results.map(HelpSearchResultDTO.init))
    }
}
