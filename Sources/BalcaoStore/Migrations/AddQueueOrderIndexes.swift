import FluentKit
import SQLKit

/// Indexes in the exact order of the priority ruler (urgent first, then oldest), so a queue page reads its 50 rows
/// in index order and skips solved ones, instead of sorting every unsolved ticket of a department: 55 ms → well
/// under a millisecond at 1M tickets (docs/BENCHMARKS.md). Mixed directions need raw SQL (SQLKit's index builder
/// has no DESC).
struct AddQueueOrderIndexes: AsyncMigration {
    static let indexes: [(name: String, prefix: String)] = [
        ("tickets_department_ruler", "department_id, "),
        ("tickets_assignee_ruler", "assignee_id, "),
        ("tickets_ruler", ""),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            try await sql.raw(
                "CREATE INDEX \(ident: index.name) ON tickets (\(unsafeRaw: index.prefix)priority DESC, created_at, number)"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        for index in Self.indexes {
            try await (database as! any SQLDatabase).raw("DROP INDEX \(ident: index.name)").run()
        }
    }
}
