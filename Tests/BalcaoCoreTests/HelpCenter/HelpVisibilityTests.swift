import BalcaoCore
import Foundation
import Testing

@Suite("Help section visibility and languages")
struct HelpVisibilityTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let author = Agent.ID()

    static func article(
        status: HelpArticle.Status = .published, visibility: HelpVisibility = .everyone,
        translations: [SupportedLanguage: HelpArticle.Translation] = [
            .portugueseBrazil: .init(title: "Como configurar a VPN", body: "Abra o cliente…")
        ]
    ) -> HelpArticle {
        HelpArticle(
            sectionID: HelpSection.ID(), status: status, visibility: visibility, translations: translations,
            authorID: author, createdAt: now)
    }

    @Test("Employees-only articles are hidden from customers and visitors; drafts from everyone but agents")
    func readers() {
        let open = HelpCategory(name: LocalizedText([.portugueseBrazil: "Acesso"]))
        let internalOnly = HelpCategory(name: LocalizedText([.portugueseBrazil: "TI interna"]), visibility: .employees)
        let readers: [PortalReader] = [.visitor, .contact(.customer), .contact(.employee), .agent]

        #expect(readers.map { Self.article().isReadable(by: $0, in: open) } == [true, true, true, true])
        #expect(readers.map { Self.article(visibility: .employees).isReadable(by: $0, in: open) } == [false, false, true, true])
        #expect(readers.map { Self.article().isReadable(by: $0, in: internalOnly) } == [false, false, true, true])
        #expect(readers.map { Self.article(status: .draft).isReadable(by: $0, in: open) } == [false, false, false, true])
    }

    @Test("A reader gets their language, else the other Portuguese, else English, else what exists")
    func languageFallbacks() {
        let both = Self.article(translations: [
            .portugueseBrazil: .init(title: "Senha do e-mail", body: "…"), .english: .init(title: "E-mail password", body: "…"),
        ])
        #expect(both.translation(for: .portuguesePortugal)?.language == .portugueseBrazil)
        #expect(both.translation(for: .english)?.translation.title == "E-mail password")
        let englishOnly = Self.article(translations: [.english: .init(title: "Returns", body: "…")])
        #expect(englishOnly.translation(for: .portugueseBrazil)?.language == .english)

        let name = LocalizedText([.portuguesePortugal: "Faturação", .english: "  "])
        #expect(name.values.keys.sorted { $0.rawValue < $1.rawValue } == [.portuguesePortugal])
        #expect(name.best(for: .english)?.text == "Faturação")
        #expect(LocalizedText().best(for: .english) == nil)
    }

    @Test("An article needs a title and body in at least one language, within the limits")
    func validation() {
        var empty = ValidationCollector()
        HelpArticle.validate([:], into: &empty)
        #expect(empty.issues.map(\.field) == ["translations"])

        var bad = ValidationCollector()
        HelpArticle.validate(
            [.english: .init(title: " ", body: "ok"), .portugueseBrazil: .init(title: String(repeating: "a", count: 201), body: "")],
            into: &bad)
        #expect(Set(bad.issues.map(\.field)) == ["translations.en.title", "translations.pt-BR.title", "translations.pt-BR.body"])

        var good = ValidationCollector()
        HelpArticle.validate([.english: .init(title: "Reset your password", body: "Go to…")], into: &good)
        #expect(good.issues.isEmpty)
    }

    @Test("Helpful share counts yes among the votes")
    func helpfulShare() {
        var article = Self.article()
        #expect(article.helpfulShare == nil)
        article.helpfulVotes = 3
        article.unhelpfulVotes = 1
        #expect(article.helpfulShare == 0.75)
    }
}
