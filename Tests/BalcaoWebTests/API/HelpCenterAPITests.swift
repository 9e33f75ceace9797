import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Help section API")
struct HelpCenterAPITests {
    static let categoryID = UUID()
    static let sectionID = UUID()

    /// A public category with one section, created by the admin.
    static func arrange(_ app: TestApp) async throws {
        let category = try await app.request(
            .PUT, "/api/v1/help/categories/\(categoryID)",
            json: ["name": ["pt-BR": "Instalações", "en": "Facilities"], "visibility": "everyone"] as JSON)
        #expect(category.status == .ok)
        let section = try await app.request(
            .PUT, "/api/v1/help/sections/\(sectionID)",
            json: ["categoryId": .string(categoryID.uuidString), "name": ["pt-BR": "Climatização"]] as JSON)
        #expect(section.status == .ok)
    }

    @Test("Agents write and publish articles in several languages; search finds them without accents, marked")
    func writeAndSearch() async throws {
        try await TestApp.run(.sqlite) { app in
            try await Self.arrange(app)
            let created = try await app.post(
                "/api/v1/help/articles",
                [
                    "sectionId": .string(Self.sectionID.uuidString),
                    "translations": [
                        "pt-BR": ["title": "Manutenção do ar-condicionado", "body": "Abra um pedido para **facilities**."],
                        "en": ["title": "Air conditioning maintenance", "body": "Open a request for facilities."],
                    ],
                ] as JSON)
            let article = try created.json(HelpArticleDTO.self)
            let published = try await app.request(
                .PUT, "/api/v1/help/articles/\(article.id)/status", json: ["status": "published"] as JSON
            ).json(HelpArticleDTO.self)
            let outline = try await app.get("/api/v1/help/categories").json(ListDTO<HelpCategoryDTO>.self)
            let found = try await app.get("/api/v1/help/search?q=MANUTENCAO&lang=pt-PT").json(ListDTO<HelpSearchResultDTO>.self)
            let english = try await app.get("/api/v1/help/search?q=maint&lang=en").json(ListDTO<HelpSearchResultDTO>.self)

            #expect(created.status == .created)
            #expect(created.headers.first(name: .location) == "/api/v1/help/articles/\(article.id)")
            #expect(article.status == .draft)
            #expect(published.status == .published && published.publishedAt != nil)
            #expect(outline.data.map(\.sections.count) == [1])
            #expect(outline.data.first?.name.values["en"] == "Facilities")
            #expect(found.data.map(\.title) == ["Manutenção do ar-condicionado"])
            #expect(found.data.first?.language == .portugueseBrazil)
            #expect(english.data.first?.snippet == "Open a request for facilities.")
            #expect(english.data.first?.title == "Air conditioning maintenance")

            let preview = try await app.post(
                "/api/v1/help/preview", ["markdown": "**Atenção**: <script>alert(1)</script>desligue antes."] as JSON
            ).json(HelpPreviewDTO.self)
            #expect(preview.html == "<p><strong>Atenção</strong>: desligue antes.</p>")
        }
    }

    @Test("Bad input and missing things are 4xx problems naming the field; only managers arrange the section")
    func problems() async throws {
        try await TestApp.run(.sqlite) { app in
            try await Self.arrange(app)
            let noSection = try await app.post(
                "/api/v1/help/articles", ["translations": ["pt-BR": ["title": "T", "body": "B"]]] as JSON)
            let badLanguage = try await app.post(
                "/api/v1/help/articles",
                ["sectionId": .string(Self.sectionID.uuidString), "translations": ["fr": ["title": "T", "body": "B"]]] as JSON)
            let emptyTitle = try await app.post(
                "/api/v1/help/articles",
                ["sectionId": .string(Self.sectionID.uuidString), "translations": ["en": ["title": " ", "body": "B"]]] as JSON)
            let orphanSection = try await app.request(
                .PUT, "/api/v1/help/sections/\(UUID())",
                json: ["categoryId": .string(UUID().uuidString), "name": ["en": "X"]] as JSON)
            let noQuery = try await app.get("/api/v1/help/search")
            let badLanguageQuery = try await app.get("/api/v1/help/search?q=a&lang=xx")
            let nonEmpty = try await app.request(.DELETE, "/api/v1/help/categories/\(Self.categoryID)")
            let missing = try await app.get("/api/v1/help/articles/\(UUID())")
            let notAnID = try await app.get("/api/v1/help/articles/abc")

            _ = try await app.post("/api/v1/agents", ["name": "Bruno", "email": "bruno@acme.example", "role": "agent"] as JSON)
            let token = try await DeskSetup.createToken(email: "bruno@acme.example", name: "teste", services: app.services)
            let byAgent = try await app.request(
                .PUT, "/api/v1/help/categories/\(UUID())", json: ["name": ["en": "Mine"]] as JSON, token: token)
            let articleByAgent = try await app.request(
                .POST, "/api/v1/help/articles",
                json: ["sectionId": .string(Self.sectionID.uuidString), "translations": ["en": ["title": "T", "body": "B"]]] as JSON,
                token: token)

            #expect(noSection.status == .unprocessableEntity && noSection.problem?.fields == ["sectionId"])
            #expect(badLanguage.status == .unprocessableEntity && badLanguage.problem?.fields == ["translations.fr"])
            #expect(emptyTitle.status == .unprocessableEntity && emptyTitle.problem?.fields == ["translations.en.title"])
            #expect(orphanSection.status == .notFound)
            #expect(noQuery.status == .unprocessableEntity && noQuery.problem?.fields == ["q"])
            #expect(badLanguageQuery.status == .unprocessableEntity && badLanguageQuery.problem?.fields == ["lang"])
            #expect(nonEmpty.status == .conflict && nonEmpty.problem?.type.hasSuffix("/not-empty") == true)
            #expect(missing.status == .notFound && missing.problem?.type.hasSuffix("/not-found") == true)
            #expect(notAnID.status == .notFound)
            #expect(byAgent.status == .forbidden)
            #expect(articleByAgent.status == .created)
        }
    }

    @Test("Managers publish announcements for an audience; bad audiences and windows are 422, unknown ids 404")
    func announcements() async throws {
        try await TestApp.run(.sqlite) { app in
            let id = UUID()
            let saved = try await app.request(
                .PUT, "/api/v1/announcements/\(id)",
                json: ["title": ["pt-BR": "Manutenção da VPN"], "body": ["pt-BR": "Sábado."], "audience": "employees"] as JSON)
            let list = try await app.get("/api/v1/announcements").json(ListDTO<AnnouncementDTO>.self)
            let noDepartment = try await app.request(
                .PUT, "/api/v1/announcements/\(UUID())",
                json: ["title": ["en": "T"], "body": ["en": "B"], "audience": "department"] as JSON)
            let badWindow = try await app.request(
                .PUT, "/api/v1/announcements/\(UUID())",
                json: [
                    "title": ["en": "T"], "body": ["en": "B"], "startsAt": "2026-12-10T10:00:00Z", "endsAt": "2026-12-09T10:00:00Z",
                ] as JSON)
            let deleted = try await app.request(.DELETE, "/api/v1/announcements/\(id)")
            let again = try await app.request(.DELETE, "/api/v1/announcements/\(id)")

            #expect(saved.status == .ok)
            #expect(list.data.map(\.audience) == ["employees"])
            #expect(list.data.first?.running == true)
            #expect(noDepartment.status == .unprocessableEntity && noDepartment.problem?.fields == ["departmentId"])
            #expect(badWindow.status == .unprocessableEntity && badWindow.problem?.fields == ["endsAt"])
            #expect(deleted.status == .noContent)
            #expect(again.status == .notFound)
        }
    }
}
