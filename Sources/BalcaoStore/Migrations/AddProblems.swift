import FluentKit
import SQLKit

/// Problem records and the tickets linked to them (one problem per ticket at most).
struct AddProblems: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("problems")
            .id()
            .field("title", .string, .required)
            .field("category", .string)
            .field("root_cause", .string, .required)
            .field("workaround", .string, .required)
            .field("status", .string, .required)
            .field("resolution", .string)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("solved_at", .datetime)
            .create()
        try await database.schema("problem_tickets")
            .field("ticket_id", .uuid, .identifier(auto: false), .references("tickets", "id", onDelete: .cascade))
            .field("problem_id", .uuid, .required, .references("problems", "id", onDelete: .cascade))
            .field("linked_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "problem_tickets_problem").on("problem_tickets")
            .column("problem_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("problem_tickets").delete()
        try await database.schema("problems").delete()
    }
}
