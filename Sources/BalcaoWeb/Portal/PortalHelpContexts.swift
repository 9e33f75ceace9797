import BalcaoCore
import Foundation

/// What the portal's help pages show, in the reader's language.
enum PortalHelpView {
    struct ArticleLink: Encodable {
        let id: String
        let title: String
    }

    struct SectionView: Encodable {
        let id: String
        let name: String
        let articles: [ArticleLink]
    }

    struct CategoryView: Encodable {
        let id: String
        let name: String
        let summary: String
        let sections: [SectionView]
    }

    struct ArticleView: Encodable {
        let id: String
        let title: String
        let html: String
        let updated: String
        let updatedISO: String
        let category: CategoryView
        let sectionName: String
    }

    struct ResultView: Encodable {
        let id: String
        let title: String
        /// Escaped text with the matched words in `<mark>` (built by `SearchSnippet`).
        let snippet: String
    }

    struct HomeContext: Encodable {
        let layout: PortalLayout
        let categories: [CategoryView]
    }

    struct CategoryContext: Encodable {
        let layout: PortalLayout
        let category: CategoryView
    }

    struct ArticleContext: Encodable {
        let layout: PortalLayout
        let article: ArticleView
        /// Opened from the suggestions of a request being written: offer "this solved my problem".
        let suggested: Bool
    }

    struct SearchContext: Encodable {
        let layout: PortalLayout
        let query: String
        /// The query for a link's `?subject=` (percent-encoded).
        let queryParameter: String
        let results: [ResultView]
    }

    struct SuggestionsContext: Encodable {
        let t: [String: String]
        let base: String
        let results: [ResultView]
    }

    static func category(_ contents: HelpCenter.CategoryContents, _ language: SupportedLanguage) -> CategoryView {
        CategoryView(
            id: contents.category.id.description, name: contents.category.name.best(for: language)?.text ?? "",
            summary: contents.category.summary.best(for: language)?.text ?? "",
            sections: contents.sections.map { shelf in
                SectionView(
                    id: shelf.section.id.description, name: shelf.section.name.best(for: language)?.text ?? "",
                    articles: shelf.articles.compactMap { article in
                        article.translation(for: language).map {
                            ArticleLink(id: article.id.description, title: $0.translation.title)
                        }
                    })
            })
    }

    static func results(_ results: [HelpCenter.Result]) -> [ResultView] {
        results.map { ResultView(id: $0.article.id.description, title: $0.title, snippet: $0.snippet) }
    }
}
