import FluentKit
import SQLKit

/// Recurrence counts earlier tickets of one category in a window of days: an index on (category, created_at)
/// answers them without reading other categories.
struct AddQuality: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw(
            "CREATE INDEX tickets_category_created ON tickets (category, created_at)"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX tickets_category_created").run()
    }
}
