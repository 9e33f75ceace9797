import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Help section pages (agents)")
struct HelpCenterPagesTests {
    static let password = "senha-muito-segura"

    /// The admin, signed in, with the CSRF token of their pages.
    static func signedIn(_ app: TestApp) async throws -> (PageSession, String) {
        let browser = PageSession(app)
        try await browser.signIn(email: "ana@balcao.example", password: password)
        let csrf = try #require(PageSession.csrf(in: try await browser.get("/agent/help").text))
        return (browser, csrf)
    }

    /// An agent without supervisor rights, signed in.
    static func plainAgent(_ app: TestApp) async throws -> (PageSession, String) {
        let email = "joao.\(UUID().uuidString.prefix(6).lowercased())@balcao.example"
        let created = try await app.post(
            "/api/v1/agents",
            ["name": "João Agente", "email": .string(email), "role": "agent", "password": "outra-senha-segura"] as JSON)
        #expect(created.status == .created)
        let browser = PageSession(app)
        try await browser.signIn(email: email, password: "outra-senha-segura")
        let csrf = try #require(PageSession.csrf(in: try await browser.get("/agent/help").text))
        return (browser, csrf)
    }

    @Test("A supervisor builds the outline, an agent writes and publishes an article, readers find it in the portal")
    func writeAndPublish() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)

            let category = try await browser.post(
                "/agent/help/categories", [("name_pt-BR", "Entregas"), ("name_en", "Delivery")], csrf: csrf)
            let categoryID = try #require(try await app.services.helpCenter.outline().categories.first?.id)
            let section = try await browser.post(
                "/agent/help/sections", [("category_id", categoryID.description), ("name_pt-BR", "Prazos")], csrf: csrf)
            let sectionID = try #require(try await app.services.helpCenter.outline().sections.first?.id)
            let created = try await browser.post(
                "/agent/help/articles",
                [
                    ("section_id", sectionID.description), ("status", "published"),
                    ("title_pt-BR", "Prazo de entrega"), ("body_pt-BR", "Entregamos em **5 dias úteis**."),
                    ("title_en", "Delivery time"), ("body_en", "We deliver within **5 business days**."),
                ],
                csrf: csrf)
            let overview = try await browser.get("/agent/help").text
            let article = try #require(try await app.services.helpCenter.articles(in: nil).first)
            let portal = try await PageSession(app).get("/help/articles/\(article.id)").text

            #expect(category.status == .seeOther && section.status == .seeOther)
            #expect(created.status == .seeOther && created.location == "/agent/help/articles/\(article.id)?flash=saved")
            #expect(article.status == .published && article.translations.count == 2)
            #expect(overview.contains("Prazo de entrega") && overview.contains("data-article=\"\(article.id)\""))
            #expect(portal.contains("<strong>5 dias úteis</strong>"))
        }
    }

    @Test("The editor's preview renders Markdown as readers will see it, scripts removed, without saving")
    func preview() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)
            let markdown = "# Título\n\n<script>alert(1)</script>[ok](https://example.com) *itálico*"

            let live = try await browser.post("/agent/help/preview", [("markdown", markdown)], csrf: csrf)
            let noScript = try await browser.post(
                "/agent/help/articles",
                [("action", "preview"), ("title_pt-BR", "Rascunho"), ("body_pt-BR", markdown)], csrf: csrf)
            let forged = try await browser.post("/agent/help/preview", [("markdown", markdown)])
            let saved = try await app.services.helpCenter.articles(in: nil)

            #expect(live.status == .ok && live.text.contains("<h1>Título</h1>") && live.text.contains("<em>itálico</em>"))
            #expect(!live.text.contains("<script"))
            #expect(noScript.status == .ok && noScript.text.contains("<h1>Título</h1>"))
            #expect(noScript.text.contains("value=\"Rascunho\""))
            #expect(forged.status == .forbidden)
            #expect(saved.isEmpty)
        }
    }

    @Test("Only supervisors and admins arrange categories; an agent's attempt is refused and changes nothing")
    func outlineNeedsManager() async throws {
        try await TestApp.run(.sqlite) { app in
            let (agent, csrf) = try await Self.plainAgent(app)

            let refused = try await agent.post("/agent/help/categories", [("name_pt-BR", "Minha categoria")], csrf: csrf)
            let outline = try await app.services.helpCenter.outline()

            #expect(refused.status == .unprocessableEntity && refused.text.contains("id=\"form-error\""))
            #expect(outline.categories.isEmpty)
        }
    }

    @Test("The reply box finds published articles the requester can open, with their portal address")
    func articleLinks() async throws {
        try await TestApp.run(.sqlite) { app in
            let help = app.services.helpCenter
            let admin = app.admin
            let category = HelpCategory(name: LocalizedText([.portugueseBrazil: "Geral"]))
            try await help.saveCategory(category, by: admin)
            let section = HelpSection(categoryID: category.id, name: LocalizedText([.portugueseBrazil: "Acesso"]))
            try await help.saveSection(section, by: admin)
            func article(_ title: String, _ visibility: HelpVisibility, publish: Bool) async throws -> HelpArticle {
                let article = try await help.createArticle(
                    .init(sectionID: section.id, visibility: visibility,
                          translations: [.portugueseBrazil: .init(title: title, body: "Como trocar a senha do e-mail.")]),
                    by: admin)
                return publish ? try await help.setStatus(.published, of: article.id, by: admin) : article
            }
            let everyone = try await article("Trocar senha", .everyone, publish: true)
            let internalOnly = try await article("Trocar senha da rede", .employees, publish: true)
            _ = try await article("Trocar senha (rascunho)", .everyone, publish: false)
            let (browser, _) = try await Self.signedIn(app)

            let forCustomer = try await browser.get("/agent/help/links?q=senha").json([HelpCenterPagesController.ArticleLink].self)
            let forEmployee = try await browser.get("/agent/help/links?q=senha&for=employee")
                .json([HelpCenterPagesController.ArticleLink].self)

            #expect(forCustomer.map(\.title) == ["Trocar senha"])
            #expect(forCustomer.first?.url == "\(app.services.config.portalURL)/articles/\(everyone.id)")
            #expect(Set(forEmployee.map(\.title)) == ["Trocar senha", "Trocar senha da rede"])
            #expect(forEmployee.contains { $0.url.hasSuffix(internalOnly.id.description) })
        }
    }

    @Test("Announcements published on the page show in the portal banner for their audience")
    func announcements() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)

            let published = try await browser.post(
                "/agent/announcements",
                [("title_pt-BR", "Feriado na sexta"), ("body_pt-BR", "Atendimento **fechado**."), ("audience", "everyone")],
                csrf: csrf)
            let customersOnly = try await browser.post(
                "/agent/announcements",
                [("title_pt-BR", "Só para clientes"), ("body_pt-BR", "Texto."), ("audience", "employees")], csrf: csrf)
            let badDate = try await browser.post(
                "/agent/announcements",
                [("title_pt-BR", "Data ruim"), ("body_pt-BR", "Texto."), ("starts_at", "amanhã")], csrf: csrf)
            let portal = try await PageSession(app).get("/help").text
            let list = try await browser.get("/agent/announcements").text

            #expect(published.status == .seeOther && customersOnly.status == .seeOther)
            #expect(badDate.status == .unprocessableEntity && badDate.text.contains("value=\"Data ruim\""))
            #expect(portal.contains("Feriado na sexta") && portal.contains("<strong>fechado</strong>"))
            #expect(!portal.contains("Só para clientes"))
            #expect(list.contains("Feriado na sexta") && list.contains("Só para clientes"))
        }
    }

    @Test("Admins brand the portal: name and colours show at once; a bad colour is refused; agents cannot")
    func branding() async throws {
        try await TestApp.run(.sqlite) { app in
            let (browser, csrf) = try await Self.signedIn(app)
            let form = [
                ("deskName", "Acme Ajuda"), ("primaryColor", "#123abc"), ("accentColor", "#aa5500"),
                ("signUp", "open"), ("employeeDomains", "acme.example, ACME.pt"), ("reopenWindowDays", "10"),
            ]

            let saved = try await browser.post("/agent/admin/portal", form, csrf: csrf)
            let colours = try await PageSession(app).get("/help/brand/colours.css").text
            let home = try await PageSession(app).get("/help").text
            let settings = try await app.services.portalStore.portalSettings()
            let bad = try await browser.post(
                "/agent/admin/portal", form.map { $0.0 == "primaryColor" ? ($0.0, "red;}body{x") : $0 }, csrf: csrf)
            let (agent, agentCSRF) = try await Self.plainAgent(app)
            let forbiddenPage = try await agent.get("/agent/admin/portal")
            let forbiddenSave = try await agent.post("/agent/admin/portal", form, csrf: agentCSRF)

            #expect(saved.status == .seeOther)
            #expect(colours.contains("--brand: #123abc") && colours.contains("--accent: #aa5500"))
            #expect(home.contains("<span id=\"desk-name\">Acme Ajuda</span>"))
            #expect(settings.employeeDomains == ["acme.example", "acme.pt"] && settings.reopenWindowDays == 10)
            #expect(bad.status == .unprocessableEntity)
            #expect(try await app.services.portalStore.portalSettings().primaryColor == "#123abc")
            #expect(forbiddenPage.status == .forbidden)
            #expect(forbiddenSave.status == .unprocessableEntity || forbiddenSave.status == .forbidden)
        }
    }
}

@Suite("Help section in the portal")
struct PortalHelpCountersTests {
    @Test("A browser's vote and 'this solved my problem' count once; an answer other than yes or no is refused")
    func countsOnce() async throws {
        try await TestApp.run(.sqlite) { app in
            let help = app.services.helpCenter
            let category = HelpCategory(name: LocalizedText([.english: "General"]))
            try await help.saveCategory(category, by: app.admin)
            let section = HelpSection(categoryID: category.id, name: LocalizedText([.english: "Orders"]))
            try await help.saveSection(section, by: app.admin)
            let draft = try await help.createArticle(
                .init(sectionID: section.id, translations: [.english: .init(title: "Returns", body: "Within 30 days.")]),
                by: app.admin)
            let article = try await help.setStatus(.published, of: draft.id, by: app.admin)
            let visitor = PageSession(app)
            visitor.acceptLanguage = "en"
            let page = try await visitor.get("/help/articles/\(article.id)?suggested=true")
            let csrf = try #require(PageSession.csrf(in: page.text))

            let first = try await visitor.post("/help/articles/\(article.id)/vote", [("helpful", "yes")], csrf: csrf)
            _ = try await visitor.post("/help/articles/\(article.id)/vote", [("helpful", "yes")], csrf: csrf)
            let odd = try await visitor.post("/help/articles/\(article.id)/vote", [("helpful", "maybe")], csrf: csrf)
            _ = try await visitor.post("/help/articles/\(article.id)/solved", [], csrf: csrf)
            _ = try await visitor.post("/help/articles/\(article.id)/solved", [], csrf: csrf)
            let other = PageSession(app)
            let otherCSRF = try #require(PageSession.csrf(in: try await other.get("/help/articles/\(article.id)").text))
            _ = try await other.post("/help/articles/\(article.id)/vote", [("helpful", "no")], csrf: otherCSRF)
            let counted = try await help.read(article.id, as: .agent)

            #expect(page.text.contains("id=\"article-solved\""))
            #expect(first.status == .seeOther)
            #expect(odd.status == .unprocessableEntity && odd.text.contains("Choose one of the answers."))
            #expect(counted.helpfulVotes == 1 && counted.unhelpfulVotes == 1)
            #expect(counted.deflections == 1)
            #expect(counted.views == 2)
        }
    }
}
