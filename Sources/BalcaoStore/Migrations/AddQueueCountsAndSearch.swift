import BalcaoCore
import FluentKit
import SQLKit

/// Sidebar counters and the full-text index, both filled from the tickets already stored.
struct AddQueueCountsAndSearch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE queue_counts (department_key VARCHAR(36) NOT NULL, assignee_key VARCHAR(36) NOT NULL, \
            status VARCHAR(16) NOT NULL, count BIGINT NOT NULL, PRIMARY KEY (department_key, assignee_key, status))
            """
        ).run()
        let isSQLite = sql.dialect.name == "sqlite"
        if isSQLite {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE ticket_search USING fts5(subject, body, people, \
                tokenize = 'unicode61 remove_diacritics 2')
                """
            ).run()
        } else {
            try await sql.raw("CREATE TABLE ticket_search (number BIGINT PRIMARY KEY, document TSVECTOR NOT NULL)").run()
            try await sql.raw("CREATE INDEX ticket_search_document ON ticket_search USING GIN (document)").run()
        }
        // Backfill: counters from a single GROUP BY; search documents ticket by ticket. Skipped on an empty desk,
        // because `TicketRecord` has since grown columns that later migrations add (a fresh database runs this
        // before them). Desks with tickets ran this migration before those columns existed.
        let stored = try await sql.raw("SELECT COUNT(*) AS n FROM tickets").first()?.decode(column: "n", as: Int.self)
        guard (stored ?? 0) > 0 else { return }
        let tickets = try await TicketRecord.query(on: database).all()
        var counts: [QueueCounter.Key: Int] = [:]
        for record in tickets {
            let ticket = try record.toDomain()
            counts[QueueCounter.Key(ticket), default: 0] += 1
            try await SearchDocument.reindex(ticket, on: database, isSQLite: isSQLite)
        }
        for (key, count) in counts { try await QueueCounter.add(count, to: key, on: database) }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE ticket_search").run()
        try await (database as! any SQLDatabase).raw("DROP TABLE queue_counts").run()
    }
}
