import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Help section")
struct HelpCenterTests {
    /// A desk's help section: one public and one employees-only category, a section in each.
    struct Fixture {
        let help: HelpCenter
        let store: FluentHelpCenterStore
        let admin: Agent
        let writer: Agent
        let publicSection: HelpSection
        let internalSection: HelpSection

        init(_ desk: TestDesk) async throws {
            store = FluentHelpCenterStore(context: desk.context)
            help = HelpCenter(store: store, clock: desk.clock)
            admin = try await desk.makeAdmin()
            writer = try await desk.makeAgent(departments: [])
            let open = HelpCategory(name: LocalizedText([.portugueseBrazil: "Conta e acesso", .english: "Account"]))
            let internalOnly = HelpCategory(
                name: LocalizedText([.portugueseBrazil: "TI interna"]), visibility: .employees, position: 1)
            try await help.saveCategory(open, by: admin)
            try await help.saveCategory(internalOnly, by: admin)
            publicSection = HelpSection(categoryID: open.id, name: LocalizedText([.portugueseBrazil: "Senhas"]))
            internalSection = HelpSection(categoryID: internalOnly.id, name: LocalizedText([.portugueseBrazil: "VPN"]))
            try await help.saveSection(publicSection, by: admin)
            try await help.saveSection(internalSection, by: admin)
        }

        @discardableResult
        func article(
            _ title: String, _ body: String, in section: HelpSection, visibility: HelpVisibility = .everyone,
            language: SupportedLanguage = .portugueseBrazil, publish: Bool = true
        ) async throws -> HelpArticle {
            let draft = try await help.createArticle(
                .init(sectionID: section.id, visibility: visibility, translations: [language: .init(title: title, body: body)]),
                by: writer)
            return publish ? try await help.setStatus(.published, of: draft.id, by: writer) : draft
        }
    }

    @Test("Customers never find or open employees-only articles or drafts; employees and agents do as allowed",
        arguments: TestDatabase.available)
    func visibility(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let open = try await fixture.article("Como trocar a senha do e-mail", "Acesse Configurações.", in: fixture.publicSection)
            let employeesOnly = try await fixture.article(
                "Senha da VPN corporativa", "Peça ao service desk.", in: fixture.internalSection)
            let hiddenInOpen = try await fixture.article(
                "Senha do sistema de RH", "Só funcionários.", in: fixture.publicSection, visibility: .employees)
            let draft = try await fixture.article("Rascunho: senha expirada", "…", in: fixture.publicSection, publish: false)

            func found(_ reader: PortalReader) async throws -> Set<HelpArticle.ID> {
                Set(try await fixture.help.search("senha", for: reader, in: .portugueseBrazil).map(\.article.id))
            }
            #expect(try await found(.visitor) == [open.id])
            #expect(try await found(.contact(.customer)) == [open.id])
            #expect(try await found(.contact(.employee)) == [open.id, employeesOnly.id, hiddenInOpen.id])
            #expect(try await found(.agent) == [open.id, employeesOnly.id, hiddenInOpen.id, draft.id])
            for hidden in [employeesOnly.id, hiddenInOpen.id, draft.id] {
                await #expect(throws: HelpCenterError.articleNotFound(hidden)) {
                    try await fixture.help.read(hidden, as: .contact(.customer))
                }
            }
            #expect(try await fixture.help.read(employeesOnly.id, as: .contact(.employee)).id == employeesOnly.id)
        }
    }

    @Test("Search ignores accents and case, matches word prefixes, ranks title matches first and marks the excerpt",
        arguments: TestDatabase.available)
    func search(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let inBody = try await fixture.article(
                "Calendário do prédio", "A manutenção elétrica será no sábado.", in: fixture.publicSection)
            let inTitle = try await fixture.article(
                "Manutenção do ar-condicionado", "Chame a equipe de facilities.", in: fixture.publicSection)
            let english = try await fixture.article(
                "Printer maintenance", "Toner and paper.", in: fixture.publicSection, language: .english)

            let results = try await fixture.help.search("MANUTENCAO", for: .contact(.customer), in: .portuguesePortugal)
            #expect(results.map(\.article.id) == [inTitle.id, inBody.id])
            #expect(results.first?.language == .portugueseBrazil)
            #expect(results.last?.snippet == "A <mark>manutenção</mark> elétrica será no sábado.")
            #expect(try await fixture.help.search("manut", for: .visitor, in: .english).count == 2)
            #expect(try await fixture.help.search("maint", for: .visitor, in: .english).map(\.article.id) == [english.id])
            #expect(try await fixture.help.search("  ", for: .visitor, in: .english).isEmpty)
            #expect(try await fixture.help.search("\"OR* NEAR(", for: .visitor, in: .english).isEmpty)

            let suggested = try await fixture.help.suggestions(
                forSubject: "ar condicionado sem manutenção", reader: .contact(.employee), language: .portugueseBrazil)
            #expect(suggested.map(\.article.id) == [inTitle.id, inBody.id])
        }
    }

    @Test("Edits replace the searchable text; views, votes and deflections are counted for readers only",
        arguments: TestDatabase.available)
    func editsAndCounters(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let article = try await fixture.article("Boleto vencido", "Gere a segunda via.", in: fixture.publicSection)
            _ = try await fixture.help.updateArticle(
                article.id, .init(translations: [.portugueseBrazil: .init(title: "Fatura atrasada", body: "Segunda via no portal.")]),
                by: fixture.writer)
            #expect(try await fixture.help.search("boleto", for: .visitor, in: .portugueseBrazil).isEmpty)
            #expect(try await fixture.help.search("fatura", for: .visitor, in: .portugueseBrazil).map(\.title) == ["Fatura atrasada"])

            _ = try await fixture.help.read(article.id, as: .contact(.customer))
            _ = try await fixture.help.read(article.id, as: .visitor)
            _ = try await fixture.help.read(article.id, as: .agent)
            try await fixture.help.vote(on: article.id, helpful: true, as: .contact(.customer))
            try await fixture.help.vote(on: article.id, helpful: true, as: .visitor)
            try await fixture.help.vote(on: article.id, helpful: false, as: .visitor)
            try await fixture.help.recordDeflection(by: article.id, as: .contact(.customer))

            let stored = try #require(try await fixture.store.article(article.id))
            #expect(stored.views == 2)
            #expect(stored.helpfulVotes == 2)
            #expect(stored.unhelpfulVotes == 1)
            let deflected = try await fixture.store.article(article.id)
            #expect(deflected?.deflections == 1)
            #expect(stored.translations[.portugueseBrazil]?.title == "Fatura atrasada")
            #expect(abs(try #require(stored.publishedAt).timeIntervalSince(desk.clock.now)) < 0.001)
        }
    }

    @Test("Supervisors and admins arrange categories and sections; nothing in use is deleted; articles are validated",
        arguments: TestDatabase.available)
    func arrangement(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = try await Fixture(desk)
            let category = HelpCategory(name: LocalizedText([.english: "Billing"]))
            await #expect(throws: HelpCenterError.forbidden("only supervisors and admins arrange the help section")) {
                try await fixture.help.saveCategory(category, by: fixture.writer)
            }
            await #expect(throws: ValidationError.self) {
                try await fixture.help.saveCategory(HelpCategory(name: LocalizedText()), by: fixture.admin)
            }
            await #expect(throws: ValidationError.self) {
                try await fixture.help.createArticle(.init(sectionID: fixture.publicSection.id, translations: [:]), by: fixture.writer)
            }
            let orphan = HelpSection.ID()
            await #expect(throws: HelpCenterError.sectionNotFound(orphan)) {
                try await fixture.help.createArticle(
                    .init(sectionID: orphan, translations: [.english: .init(title: "A", body: "B")]), by: fixture.writer)
            }
            try await fixture.article("Reset", "Steps.", in: fixture.publicSection, language: .english)
            await #expect(throws: HelpCenterError.notEmpty("the category still has sections")) {
                try await fixture.store.delete(fixture.publicSection.categoryID)
            }
            await #expect(throws: HelpCenterError.notEmpty("the section still has articles")) {
                try await fixture.store.delete(fixture.publicSection.id)
            }
            #expect(try await fixture.store.categories().map(\.name) == [
                LocalizedText([.portugueseBrazil: "Conta e acesso", .english: "Account"]),
                LocalizedText([.portugueseBrazil: "TI interna"]),
            ])
        }
    }
}
