import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// The help section in plain SQL that runs unchanged on SQLite and PostgreSQL, apart from the search text: FTS5
/// with bm25 on SQLite, a weighted tsvector with ts_rank on PostgreSQL (titles weigh ten times the body).
public struct FluentHelpCenterStore: HelpCenterStore {
    let context: StoreContext

    public init(context: StoreContext) { self.context = context }

    // MARK: Categories and sections

    public func categories() async throws -> [HelpCategory] {
        try await context.sql.raw("SELECT * FROM help_categories ORDER BY position, id").all().map { row in
            let id = try row.uuid("id")
            return HelpCategory(
                id: .init(rawValue: id), name: try Self.text(row, "name", id: id),
                summary: try Self.text(row, "summary", id: id),
                visibility: try Self.visibility(row, id: id), position: try row.decode(column: "position", as: Int.self))
        }
    }

    public func sections() async throws -> [HelpSection] {
        try await context.sql.raw("SELECT * FROM help_sections ORDER BY position, id").all().map { row in
            let id = try row.uuid("id")
            return HelpSection(
                id: .init(rawValue: id), categoryID: .init(rawValue: try row.uuid("category_id")),
                name: try Self.text(row, "name", id: id), position: try row.decode(column: "position", as: Int.self))
        }
    }

    public func save(_ category: HelpCategory) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO help_categories (id, name, summary, visibility, position) VALUES (\(bind: category.id.rawValue), \
                \(bind: Self.json(category.name)), \(bind: Self.json(category.summary)), \
                \(bind: category.visibility.rawValue), \(bind: category.position)) \
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, summary = excluded.summary, \
                visibility = excluded.visibility, position = excluded.position
                """
            ).run()
        }
    }

    public func save(_ section: HelpSection) async throws {
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO help_sections (id, category_id, name, position) VALUES (\(bind: section.id.rawValue), \
                \(bind: section.categoryID.rawValue), \(bind: Self.json(section.name)), \(bind: section.position)) \
                ON CONFLICT (id) DO UPDATE SET category_id = excluded.category_id, name = excluded.name, \
                position = excluded.position
                """
            ).run()
        }
    }

    public func delete(_ category: HelpCategory.ID) async throws {
        try await context.write { db in
            let sql = db as! any SQLDatabase
            if try await sql.raw("SELECT 1 AS found FROM help_sections WHERE category_id = \(bind: category.rawValue) LIMIT 1")
                .first() != nil
            {
                throw HelpCenterError.notEmpty("the category still has sections")
            }
            try await sql.raw("DELETE FROM help_categories WHERE id = \(bind: category.rawValue)").run()
        }
    }

    public func delete(_ section: HelpSection.ID) async throws {
        try await context.write { db in
            let sql = db as! any SQLDatabase
            if try await sql.raw("SELECT 1 AS found FROM help_articles WHERE section_id = \(bind: section.rawValue) LIMIT 1")
                .first() != nil
            {
                throw HelpCenterError.notEmpty("the section still has articles")
            }
            try await sql.raw("DELETE FROM help_sections WHERE id = \(bind: section.rawValue)").run()
        }
    }

    // MARK: Articles

    public func article(_ id: HelpArticle.ID) async throws -> HelpArticle? {
        try await context.sql.raw("SELECT * FROM help_articles WHERE id = \(bind: id.rawValue)").first()
            .map(Self.article(from:))
    }

    public func articles(ids: [HelpArticle.ID]) async throws -> [HelpArticle] {
        guard !ids.isEmpty else { return [] }
        let list = SQLList(ids.map { SQLBind($0.rawValue) })
        return try await context.sql.raw("SELECT * FROM help_articles WHERE id IN (\(list))").all().map(Self.article(from:))
    }

    public func articles(in section: HelpSection.ID?) async throws -> [HelpArticle] {
        let condition: SQLQueryString = section.map { "WHERE section_id = \(bind: $0.rawValue)" } ?? ""
        return try await context.sql.raw("SELECT * FROM help_articles " + condition + " ORDER BY position, created_at, id")
            .all().map(Self.article(from:))
    }

    public func save(_ article: HelpArticle) async throws {
        let isSQLite = context.isSQLite
        try await context.write { db in
            let sql = db as! any SQLDatabase
            try await sql.raw(
                """
                INSERT INTO help_articles (id, section_id, status, visibility, translations, position, author_id, \
                helpful_votes, unhelpful_votes, views, deflections, created_at, updated_at, published_at) VALUES \
                (\(bind: article.id.rawValue), \(bind: article.sectionID.rawValue), \(bind: article.status.rawValue), \
                \(bind: article.visibility.rawValue), \(bind: Self.json(article.translations)), \(bind: article.position), \
                \(bind: article.authorID.rawValue), 0, 0, 0, 0, \(bind: article.createdAt), \(bind: article.updatedAt), \
                \(bind: article.publishedAt)) \
                ON CONFLICT (id) DO UPDATE SET section_id = excluded.section_id, status = excluded.status, \
                visibility = excluded.visibility, translations = excluded.translations, position = excluded.position, \
                updated_at = excluded.updated_at, published_at = excluded.published_at
                """
            ).run()
            try await Self.reindex(article, on: sql, isSQLite: isSQLite)
        }
    }

    public func delete(_ article: HelpArticle.ID) async throws {
        try await context.write { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("DELETE FROM help_search WHERE article_id = \(bind: article.rawValue)").run()
            try await sql.raw("DELETE FROM help_articles WHERE id = \(bind: article.rawValue)").run()
        }
    }

    public func searchArticles(_ words: [String], matchingAll: Bool, limit: Int) async throws -> [HelpArticle.ID] {
        let words = words.map(SearchQuery.fold).filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }
        guard !words.isEmpty else { return [] }
        let limit = min(max(limit, 1), 200)
        let rows: [any SQLRow]
        if context.isSQLite {
            // Each word quoted (FTS5 syntax cannot leak in) and matched as a prefix; a knowledge base is small
            // enough to rank every match.
            let match = words.map { "\"\($0)\"*" }.joined(separator: matchingAll ? " AND " : " OR ")
            rows = try await context.sql.raw(
                """
                SELECT article_id FROM help_search WHERE help_search MATCH \(bind: match) \
                ORDER BY bm25(help_search, 0.0, 0.0, 10.0, 1.0) LIMIT \(literal: limit * 3)
                """
            ).all()
        } else {
            let tsquery = words.map { "\($0):*" }.joined(separator: matchingAll ? " & " : " | ")
            rows = try await context.sql.raw(
                """
                SELECT article_id FROM help_search WHERE document @@ to_tsquery('simple', \(bind: tsquery)) \
                ORDER BY ts_rank(document, to_tsquery('simple', \(bind: tsquery)), 1) DESC LIMIT \(literal: limit * 3)
                """
            ).all()
        }
        // One row per language: keep each article's best.
        var seen = Set<UUID>()
        var ids: [HelpArticle.ID] = []
        for row in rows {
            let id = try row.uuid("article_id")
            if seen.insert(id).inserted { ids.append(.init(rawValue: id)) }
        }
        return Array(ids.prefix(limit))
    }

    public func recordView(of article: HelpArticle.ID) async throws { try await bump("views", of: article) }

    public func recordVote(on article: HelpArticle.ID, helpful: Bool) async throws {
        try await bump(helpful ? "helpful_votes" : "unhelpful_votes", of: article)
    }

    public func recordDeflection(by article: HelpArticle.ID) async throws { try await bump("deflections", of: article) }

    private func bump(_ column: String, of article: HelpArticle.ID) async throws {
        let updated = try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                "UPDATE help_articles SET \(ident: column) = \(ident: column) + 1 WHERE id = \(bind: article.rawValue) RETURNING id"
            ).all().count
        }
        if updated == 0 { throw HelpCenterError.articleNotFound(article) }
    }

    // MARK: Rows

    /// The search text of every language of the article, replaced.
    static func reindex(_ article: HelpArticle, on sql: any SQLDatabase, isSQLite: Bool) async throws {
        try await sql.raw("DELETE FROM help_search WHERE article_id = \(bind: article.id.rawValue)").run()
        for (language, translation) in article.translations {
            let title = SearchQuery.fold(translation.title)
            let body = SearchQuery.fold(translation.body)
            if isSQLite {
                try await sql.raw(
                    """
                    INSERT INTO help_search (article_id, language, title, body) VALUES (\(bind: article.id.rawValue.uuidString), \
                    \(bind: language.rawValue), \(bind: title), \(bind: body))
                    """
                ).run()
            } else {
                try await sql.raw(
                    """
                    INSERT INTO help_search (article_id, language, document) VALUES (\(bind: article.id.rawValue), \
                    \(bind: language.rawValue), setweight(to_tsvector('simple', \(bind: title)), 'A') || \
                    to_tsvector('simple', \(bind: body)))
                    """
                ).run()
            }
        }
    }

    static func article(from row: any SQLRow) throws -> HelpArticle {
        let id = try row.uuid("id")
        let translations = try JSONColumn.decode(
            [String: HelpArticle.Translation].self, try row.decode(column: "translations", as: String.self),
            table: "help_articles", id: id.uuidString, column: "translations")
        guard let status = HelpArticle.Status(rawValue: try row.decode(column: "status", as: String.self)) else {
            throw StoreError.corruptRow(table: "help_articles", id: id.uuidString, column: "status")
        }
        return HelpArticle(
            id: .init(rawValue: id), sectionID: .init(rawValue: try row.uuid("section_id")), status: status,
            visibility: try visibility(row, id: id),
            translations: Dictionary(
                uniqueKeysWithValues: translations.compactMap { key, value in SupportedLanguage(rawValue: key).map { ($0, value) } }),
            position: try row.decode(column: "position", as: Int.self), authorID: .init(rawValue: try row.uuid("author_id")),
            helpfulVotes: try row.decode(column: "helpful_votes", as: Int.self),
            unhelpfulVotes: try row.decode(column: "unhelpful_votes", as: Int.self),
            views: try row.decode(column: "views", as: Int.self),
            deflections: try row.decode(column: "deflections", as: Int.self), createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            publishedAt: try row.decode(column: "published_at", as: Date?.self))
    }

    static func json(_ text: LocalizedText) -> String {
        JSONColumn.encode(Dictionary(uniqueKeysWithValues: text.values.map { ($0.key.rawValue, $0.value) }))
    }

    static func json(_ translations: [SupportedLanguage: HelpArticle.Translation]) -> String {
        JSONColumn.encode(Dictionary(uniqueKeysWithValues: translations.map { ($0.key.rawValue, $0.value) }))
    }

    static func text(_ row: any SQLRow, _ column: String, id: UUID) throws -> LocalizedText {
        let values = try JSONColumn.decode(
            [String: String].self, try row.decode(column: column, as: String.self), table: "help", id: id.uuidString,
            column: column)
        return LocalizedText(
            Dictionary(uniqueKeysWithValues: values.compactMap { key, value in SupportedLanguage(rawValue: key).map { ($0, value) } }))
    }

    static func visibility(_ row: any SQLRow, id: UUID) throws -> HelpVisibility {
        guard let visibility = HelpVisibility(rawValue: try row.decode(column: "visibility", as: String.self)) else {
            throw StoreError.corruptRow(table: "help", id: id.uuidString, column: "visibility")
        }
        return visibility
    }
}
