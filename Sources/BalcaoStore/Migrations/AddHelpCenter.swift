import FluentKit
import FluentSQL
import SQLKit

/// The help section: categories → sections → articles (translations as JSON, one per language), the search text
/// of every article and language — FTS5 on SQLite, a weighted tsvector on PostgreSQL — and announcements.
struct AddHelpCenter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("help_categories")
            .id()
            .field("name", .string, .required)
            .field("summary", .string, .required)
            .field("visibility", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema("help_sections")
            .id()
            .field("category_id", .uuid, .required, .references("help_categories", "id"))
            .field("name", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema("help_articles")
            .id()
            .field("section_id", .uuid, .required, .references("help_sections", "id"))
            .field("status", .string, .required)
            .field("visibility", .string, .required)
            .field("translations", .string, .required)
            .field("position", .int, .required)
            .field("author_id", .uuid, .required)
            .field("helpful_votes", .int, .required)
            .field("unhelpful_votes", .int, .required)
            .field("views", .int, .required)
            .field("deflections", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("published_at", .datetime)
            .create()
        try await database.schema("announcements")
            .id()
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("audience", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await sql.create(index: "help_sections_category").on("help_sections").column("category_id").run()
        try await sql.create(index: "help_articles_section").on("help_articles").column("section_id").column("position")
            .run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE help_search USING fts5(article_id UNINDEXED, language UNINDEXED, title, body, \
                tokenize = 'unicode61 remove_diacritics 2')
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TABLE help_search (article_id UUID NOT NULL REFERENCES help_articles (id) ON DELETE CASCADE, \
                language TEXT NOT NULL, document TSVECTOR NOT NULL, PRIMARY KEY (article_id, language))
                """
            ).run()
            try await sql.raw("CREATE INDEX help_search_document ON help_search USING GIN (document)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE help_search").run()
        for table in ["announcements", "help_articles", "help_sections", "help_categories"] { try await database.schema(table).delete() }
    }
}
