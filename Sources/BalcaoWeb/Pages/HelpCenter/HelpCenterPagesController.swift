import BalcaoCore
import Vapor

/// `/agent/help`: the help section as agents run it — every article with its status and counters, the Markdown
/// editor with a preview, categories and sections (supervisors and admins), and the article search the reply box
/// uses to link an article. `HelpCenter` checks who may do what.
struct HelpCenterPagesController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let help = routes.grouped("help")
        help.get(use: overview)
        help.get("articles", "new", use: newArticle)
        help.post("articles", use: createArticle)
        help.get("articles", ":articleID", use: editArticle)
        help.post("articles", ":articleID", use: updateArticle)
        help.post("articles", ":articleID", "delete", use: deleteArticle)
        help.post("preview", use: preview)
        help.get("links", use: links)
        help.post("categories", use: saveCategory)
        help.post("categories", ":categoryID", "delete", use: deleteCategory)
        help.post("sections", use: saveSection)
        help.post("sections", ":sectionID", "delete", use: deleteSection)
    }

    private var portalURL: String { services.config.portalURL }

    // MARK: Overview, categories, sections

    @Sendable func overview(req: Request) async throws -> Response {
        try await renderOverview(req, error: nil)
    }

    @Sendable func saveCategory(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        return try await attempt(req) {
            let category = HelpCategory(
                id: form["id"].flatMap(HelpCategory.ID.init) ?? HelpCategory.ID(),
                name: HelpCenterPage.localized(form, "name"), summary: HelpCenterPage.localized(form, "summary"),
                visibility: form["employees_only"] == "on" ? .employees : .everyone,
                position: Int(form["position"] ?? "") ?? 0)
            try await services.helpCenter.saveCategory(category, by: try req.session.agent)
        }
    }

    @Sendable func deleteCategory(req: Request) async throws -> Response {
        let id = try req.id("categoryID", as: HelpCategory.ID.self)
        return try await attempt(req) { try await services.helpCenter.deleteCategory(id, by: try req.session.agent) }
    }

    @Sendable func saveSection(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        return try await attempt(req) {
            guard let categoryID = form["category_id"].flatMap(HelpCategory.ID.init) else {
                throw ValidationError(field: "categoryId", "choose a category")
            }
            let section = HelpSection(
                id: form["id"].flatMap(HelpSection.ID.init) ?? HelpSection.ID(), categoryID: categoryID,
                name: HelpCenterPage.localized(form, "name"), position: Int(form["position"] ?? "") ?? 0)
            try await services.helpCenter.saveSection(section, by: try req.session.agent)
        }
    }

    @Sendable func deleteSection(req: Request) async throws -> Response {
        let id = try req.id("sectionID", as: HelpSection.ID.self)
        return try await attempt(req) { try await services.helpCenter.deleteSection(id, by: try req.session.agent) }
    }

    /// Runs a change to the outline; back to the overview, or the overview with the reason (422).
    private func attempt(_ req: Request, _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
            return req.redirect(to: "/agent/help?flash=saved", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await renderOverview(req, error: FormError.message(error), status: .unprocessableEntity)
        }
    }

    private func renderOverview(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let session = try req.session
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: session.agent)
        let (categories, sections) = try await services.helpCenter.outline()
        let articles = try await services.helpCenter.articles(in: nil)
        let rows = categories.sorted { $0.position < $1.position }.map { category in
            HelpCenterPage.CategoryRow(
                id: category.id.description, name: category.name.best(for: l.language)?.text ?? "",
                names: HelpCenterPage.texts(category.name, l), summaries: HelpCenterPage.texts(category.summary, l),
                employeesOnly: category.visibility == .employees, position: category.position,
                sections: sections.filter { $0.categoryID == category.id }.sorted { $0.position < $1.position }.map {
                    section in
                    HelpCenterPage.SectionRow(
                        id: section.id.description, name: section.name.best(for: l.language)?.text ?? "",
                        names: HelpCenterPage.texts(section.name, l), position: section.position,
                        articles: articles.filter { $0.sectionID == section.id }.map { articleRow($0, l) })
                })
        }
        return try await req.view.render(
            "agent/help",
            HelpCenterPage.OverviewContext(
                layout: try await frame.layout(for: req, l, title: l["help_center"]), categories: rows,
                portalURL: portalURL, error: error)
        ).encodeResponse(status: status, for: req)
    }

    private func articleRow(_ article: HelpArticle, _ l: Localizer) -> HelpCenterPage.ArticleRow {
        HelpCenterPage.ArticleRow(
            id: article.id.description, title: article.translation(for: l.language)?.translation.title ?? "",
            status: article.status.rawValue, statusLabel: l["article_\(article.status.rawValue)"],
            employeesOnly: article.visibility == .employees,
            languages: HelpCenterPage.languages.filter { article.translations[$0] != nil }.map(\.rawValue)
                .joined(separator: " · "),
            views: article.views, helpful: article.helpfulVotes, unhelpful: article.unhelpfulVotes,
            deflections: article.deflections)
    }

    // MARK: Articles

    @Sendable func newArticle(req: Request) async throws -> Response {
        let sectionID = try? req.query.get(String.self, at: "section")
        return try await renderEditor(req, article: nil, form: ["section_id": sectionID ?? ""], preview: false, error: nil)
    }

    @Sendable func editArticle(req: Request) async throws -> Response {
        let article = try await article(req)
        return try await renderEditor(req, article: article, form: Self.form(of: article), preview: false, error: nil)
    }

    @Sendable func createArticle(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        if form["action"] == "preview" { return try await renderEditor(req, article: nil, form: form, preview: true, error: nil) }
        do {
            let agent = try req.session.agent
            var article = try await services.helpCenter.createArticle(Self.fields(form), by: agent)
            if form["status"] == HelpArticle.Status.published.rawValue {
                article = try await services.helpCenter.setStatus(.published, of: article.id, by: agent)
            }
            return req.redirect(to: "/agent/help/articles/\(article.id)?flash=saved", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await renderEditor(
                req, article: nil, form: form, preview: false, error: FormError.message(error), status: .unprocessableEntity)
        }
    }

    @Sendable func updateArticle(req: Request) async throws -> Response {
        let existing = try await article(req)
        let form = try req.content.decode([String: String].self)
        if form["action"] == "preview" {
            return try await renderEditor(req, article: existing, form: form, preview: true, error: nil)
        }
        do {
            let agent = try req.session.agent
            _ = try await services.helpCenter.updateArticle(existing.id, Self.fields(form), by: agent)
            if let status = form["status"].flatMap(HelpArticle.Status.init(rawValue:)), status != existing.status {
                _ = try await services.helpCenter.setStatus(status, of: existing.id, by: agent)
            }
            return req.redirect(to: "/agent/help/articles/\(existing.id)?flash=saved", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await renderEditor(
                req, article: existing, form: form, preview: false, error: FormError.message(error),
                status: .unprocessableEntity)
        }
    }

    @Sendable func deleteArticle(req: Request) async throws -> Response {
        let article = try await article(req)
        try await services.helpCenter.deleteArticle(article.id, by: try req.session.agent)
        return req.redirect(to: "/agent/help?flash=saved", redirectType: .normal)
    }

    struct PreviewForm: Content {
        let markdown: String?
    }

    /// The editor's live preview (agent.js posts the Markdown): the same rendering readers get.
    @Sendable func preview(req: Request) async throws -> Response {
        let markdown = try req.content.decode(PreviewForm.self).markdown ?? ""
        guard markdown.count <= HelpArticle.maxBodyLength else { throw Abort(.payloadTooLarge) }
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: ArticleMarkdown.html(markdown)))
    }

    struct ArticleLink: Content {
        let title: String
        let url: String
    }

    /// Published articles matching `q`, with their portal address: the reply box inserts one in a click. Only
    /// published articles, and as a customer reads them — a link a requester cannot open helps no one.
    @Sendable func links(req: Request) async throws -> [ArticleLink] {
        let l = PageFrame(services: services).localizer(for: req, agent: try req.session.agent)
        let query = String(((try? req.query.get(String.self, at: "q")) ?? "").prefix(200))
        let reader: PortalReader = (try? req.query.get(String.self, at: "for")) == "employee"
            ? .contact(.employee) : .contact(.customer)
        return try await services.helpCenter.search(query, for: reader, in: l.language, limit: 8).map {
            ArticleLink(title: $0.title, url: "\(portalURL)/articles/\($0.article.id)")
        }
    }

    // MARK: Helpers

    private func article(_ req: Request) async throws -> HelpArticle {
        try await services.helpCenter.read(try req.id("articleID", as: HelpArticle.ID.self), as: .agent)
    }

    static func form(of article: HelpArticle) -> [String: String] {
        var form = [
            "section_id": article.sectionID.description, "status": article.status.rawValue,
            "employees_only": article.visibility == .employees ? "on" : "",
        ]
        for (language, translation) in article.translations {
            form["title_\(language.rawValue)"] = translation.title
            form["body_\(language.rawValue)"] = translation.body
        }
        return form
    }

    /// The article fields of the editor form; a language whose title and body are both blank is left out.
    static func fields(_ form: [String: String]) -> HelpCenter.ArticleFields {
        var translations: [SupportedLanguage: HelpArticle.Translation] = [:]
        for language in HelpCenterPage.languages {
            let title = form["title_\(language.rawValue)"] ?? "", body = form["body_\(language.rawValue)"] ?? ""
            if !(title + body).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                translations[language] = .init(title: title, body: body)
            }
        }
        return HelpCenter.ArticleFields(
            sectionID: form["section_id"].flatMap(HelpSection.ID.init),
            visibility: form["employees_only"] == "on" ? .employees : .everyone, translations: translations)
    }

    private func renderEditor(
        _ req: Request, article: HelpArticle?, form: [String: String], preview: Bool, error: String?,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let session = try req.session
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: session.agent)
        let (categories, sections) = try await services.helpCenter.outline()
        let categoryNames = Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.name.best(for: l.language)?.text ?? "") })
        let options = sections.map { section in
            SelectOption(
                value: section.id.description,
                label: "\(categoryNames[section.categoryID] ?? "") › \(section.name.best(for: l.language)?.text ?? "")",
                selected: form["section_id"] == section.id.description)
        }.sorted { $0.label < $1.label }
        let translations = HelpCenterPage.languages.map { language in
            let body = form["body_\(language.rawValue)"] ?? ""
            return HelpCenterPage.TranslationForm(
                tag: language.rawValue, label: l["language_\(language.rawValue)"],
                title: form["title_\(language.rawValue)"] ?? "", body: body,
                preview: preview && !body.isEmpty ? ArticleMarkdown.html(body) : nil)
        }
        let title = article?.translation(for: l.language)?.translation.title ?? l["new_article"]
        return try await req.view.render(
            "agent/help-article",
            HelpCenterPage.EditorContext(
                layout: try await frame.layout(for: req, l, title: title), id: article?.id.description,
                action: article.map { "/agent/help/articles/\($0.id)" } ?? "/agent/help/articles", sections: options,
                employeesOnly: form["employees_only"] == "on", status: form["status"] ?? article?.status.rawValue,
                translations: translations, error: error,
                portalURL: article.flatMap { $0.status == .published ? "\(portalURL)/articles/\($0.id)" : nil })
        ).encodeResponse(status: status, for: req)
    }
}
