import BalcaoCore
import BalcaoStore
import Vapor

/// The help section as readers see it: categories, articles, search, the suggestions shown while a request is
/// written, "was this helpful?" and "this solved my problem".
struct PortalHelpController: RouteCollection {
    let services: BalcaoServices
    var frame: PortalFrame { PortalFrame(services: services) }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("search", use: search)
        routes.get("suggestions", use: suggestions)
        routes.get("categories", ":categoryID", use: category)
        routes.get("articles", ":articleID", use: article)
        routes.post("articles", ":articleID", "vote", use: vote)
        routes.post("articles", ":articleID", "solved", use: solved)
    }

    @Sendable func home(req: Request) async throws -> Response {
        let l = frame.localizer(for: req)
        let settings = try await frame.settings()
        let contents = try await services.helpCenter.contents(for: PortalFrame.reader(req))
        return try await frame.render(
            req, "home",
            PortalHelpView.HomeContext(
                layout: try await frame.layout(req, l, title: settings.deskName, settings: settings),
                categories: contents.map { PortalHelpView.category($0, l.language) }))
    }

    @Sendable func category(req: Request) async throws -> Response {
        let id = try req.id("categoryID", as: HelpCategory.ID.self)
        let l = frame.localizer(for: req)
        guard let contents = try await services.helpCenter.contents(for: PortalFrame.reader(req))
            .first(where: { $0.category.id == id })
        else { throw Abort(.notFound) }
        let view = PortalHelpView.category(contents, l.language)
        return try await frame.render(
            req, "category",
            PortalHelpView.CategoryContext(
                layout: try await frame.layout(req, l, title: view.name, settings: try await frame.settings()),
                category: view))
    }

    @Sendable func article(req: Request) async throws -> Response {
        let id = try req.id("articleID", as: HelpArticle.ID.self)
        let l = frame.localizer(for: req)
        let reader = PortalFrame.reader(req)
        let article = try await services.helpCenter.read(id, as: reader)
        guard let (_, translation) = article.translation(for: l.language),
            let contents = try await services.helpCenter.contents(for: reader).first(where: { contents in
                contents.sections.contains { $0.section.id == article.sectionID }
            })
        else { throw Abort(.notFound) }
        let section = contents.sections.first { $0.section.id == article.sectionID }!.section
        let view = PortalHelpView.ArticleView(
            id: id.description, title: translation.title, html: ArticleMarkdown.html(translation.body),
            updated: l.dateTime(article.updatedAt), updatedISO: l.iso(article.updatedAt),
            category: PortalHelpView.category(contents, l.language),
            sectionName: section.name.best(for: l.language)?.text ?? "")
        return try await frame.render(
            req, "article",
            PortalHelpView.ArticleContext(
                layout: try await frame.layout(req, l, title: translation.title, settings: try await frame.settings()),
                article: view, suggested: (try? req.query.get(Bool.self, at: "suggested")) ?? false))
    }

    @Sendable func search(req: Request) async throws -> Response {
        let query = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let l = frame.localizer(for: req)
        let results = try await services.helpCenter.search(
            String(query.prefix(200)), for: PortalFrame.reader(req), in: l.language)
        return try await frame.render(
            req, "search",
            PortalHelpView.SearchContext(
                layout: try await frame.layout(
                    req, l, title: l["search"], settings: try await frame.settings(), searchQuery: query),
                query: query,
                queryParameter: query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
                results: PortalHelpView.results(results)))
    }

    /// The list under a request's subject, fetched by portal.js as the user types (an HTML fragment).
    @Sendable func suggestions(req: Request) async throws -> View {
        let subject = String(((try? req.query.get(String.self, at: "q")) ?? "").prefix(250))
        let l = frame.localizer(for: req)
        let results = try await services.helpCenter.suggestions(
            forSubject: subject, reader: PortalFrame.reader(req), language: l.language)
        return try await req.view.render(
            "portal/suggestions",
            PortalHelpView.SuggestionsContext(t: l.all, base: frame.base, results: PortalHelpView.results(results)))
    }

    struct VoteForm: Content {
        let helpful: String?
    }

    @Sendable func vote(req: Request) async throws -> Response {
        let id = try req.id("articleID", as: HelpArticle.ID.self)
        guard let answer = try req.content.decode(VoteForm.self).helpful, ["yes", "no"].contains(answer) else {
            throw ValidationError(field: "helpful", "must be yes or no")
        }
        let response = req.redirect(to: "\(frame.base)/articles/\(id)?flash=vote_saved#feedback", redirectType: .normal)
        try await once(.vote, id, req, response) {
            try await services.helpCenter.vote(on: id, helpful: answer == "yes", as: PortalFrame.reader(req))
        }
        return response
    }

    /// "This solved my problem" on a suggested article: counted as a request that did not need opening.
    @Sendable func solved(req: Request) async throws -> Response {
        let id = try req.id("articleID", as: HelpArticle.ID.self)
        let response = req.redirect(to: "\(frame.base)?flash=glad_it_helped", redirectType: .normal)
        try await once(.deflection, id, req, response) {
            try await services.helpCenter.recordDeflection(by: id, as: PortalFrame.reader(req))
        }
        return response
    }

    /// What a browser already counted, remembered in a cookie per kind (the last 50 articles), so pressing the
    /// button again — or reloading the form — does not count twice. Not proof against someone clearing cookies;
    /// the counters are a guide for writers, not a ballot.
    enum Counted: String {
        case vote = "balcao_voted"
        case deflection = "balcao_deflected"
    }

    private func once(
        _ kind: Counted, _ id: HelpArticle.ID, _ req: Request, _ response: Response, _ count: () async throws -> Void
    ) async throws {
        let seen = (req.cookies[kind.rawValue]?.string ?? "").split(separator: ".").map(String.init)
        let key = String(id.description.prefix(8)).lowercased()
        guard !seen.contains(key) else { return }
        try await count()
        response.cookies[kind.rawValue] = SessionCookie.value(
            (seen + [key]).suffix(50).joined(separator: "."), config: services.config, maxAge: 365 * 86400)
    }
}
