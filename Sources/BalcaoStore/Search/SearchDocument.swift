import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// Keeps each ticket's search document (subject, every message, requester name and emails — all folded by
/// `SearchQuery.fold`) in `ticket_search`: an FTS5 table on SQLite, a tsvector column with a GIN index on
/// PostgreSQL. Rebuilt in the same transaction as the change that affects it.
enum SearchDocument {
    /// One ticket's indexed text, already folded.
    struct Text {
        let number: Int
        let subject: String
        let body: String
        let people: String

        init(number: Int, subject: String, messageTexts: [String], people: String) {
            self.number = number
            self.subject = SearchQuery.fold(subject)
            body = SearchQuery.fold(messageTexts.joined(separator: "\n"))
            self.people = people
        }

        init(_ ticket: Ticket, messageTexts: [String], people: String) {
            self.init(number: ticket.number.value, subject: ticket.subject, messageTexts: messageTexts, people: people)
        }
    }

    /// Rebuilds one ticket's document from its stored messages and requester.
    static func reindex(_ ticket: Ticket, on db: any Database, isSQLite: Bool) async throws {
        let sql = db as! any SQLDatabase
        let texts = try await sql.raw(
            "SELECT text FROM messages WHERE ticket_id = \(bind: ticket.id.rawValue) ORDER BY seq"
        ).all().map { try $0.decode(column: "text", as: String.self) }
        let people = try await people(of: [ticket.requesterID.rawValue], on: sql)
        try await write(
            [Text(ticket, messageTexts: texts, people: people[ticket.requesterID.rawValue] ?? "")], on: sql,
            isSQLite: isSQLite)
    }

    /// Documents of new tickets, whose messages are all in hand: one read of the requesters for the lot.
    static func index(_ tickets: [(Ticket, [Message])], on sql: any SQLDatabase, isSQLite: Bool) async throws {
        let people = try await people(of: Set(tickets.map(\.0.requesterID.rawValue)), on: sql)
        try await write(
            tickets.map { ticket, messages in
                Text(ticket, messageTexts: messages.map(\.text), people: people[ticket.requesterID.rawValue] ?? "")
            }, on: sql, isSQLite: isSQLite)
    }

    /// Each contact's name and addresses, folded. Addresses are indexed whole and split, so
    /// "joana.silva@cliente" and "cliente" both match.
    static func people(of contactIDs: Set<UUID>, on sql: any SQLDatabase) async throws -> [UUID: String] {
        guard !contactIDs.isEmpty else { return [:] }
        let ids = SQLList(contactIDs.map { SQLBind($0) })
        var names: [UUID: String] = [:]
        for row in try await sql.raw("SELECT id, name FROM contacts WHERE id IN (\(ids))").all() {
            names[try row.uuid("id")] = try row.decode(column: "name", as: String.self)
        }
        var emails: [UUID: [String]] = [:]
        let emailRows = try await sql.raw(
            "SELECT contact_id, email FROM contact_emails WHERE contact_id IN (\(ids)) ORDER BY position"
        ).all()
        for row in emailRows {
            emails[try row.uuid("contact_id"), default: []]
                .append(try row.decode(column: "email", as: String.self))
        }
        return Dictionary(uniqueKeysWithValues: contactIDs.map { id in
            let addresses = emails[id] ?? []
            let text = ([names[id] ?? ""] + addresses).joined(separator: " ") + " "
                + addresses.map { $0.replacingOccurrences(of: "@", with: " ") }.joined(separator: " ")
            return (id, SearchQuery.fold(text))
        })
    }

    static func write(_ documents: [Text], on sql: any SQLDatabase, isSQLite: Bool) async throws {
        // One document per number (the last): a number twice in one statement is an error on both databases.
        let documents = Array(Dictionary(documents.map { ($0.number, $0) }, uniquingKeysWith: { _, last in last }).values)
        guard !documents.isEmpty else { return }
        if isSQLite {
            let numbers = SQLList(documents.map { SQLBind($0.number) })
            try await sql.raw("DELETE FROM ticket_search WHERE rowid IN (\(numbers))").run()
            let rows = SQLList(
                documents.map { document in
                    SQLQueryString(
                        "(\(bind: document.number), \(bind: document.subject), \(bind: document.body), \(bind: document.people))")
                })
            try await sql.raw("INSERT INTO ticket_search (rowid, subject, body, people) VALUES \(rows)").run()
        } else {
            let rows = SQLList(
                documents.map { document in
                    SQLQueryString(
                        """
                        (\(bind: document.number), setweight(to_tsvector('simple', \(bind: document.subject)), 'A') \
                        || to_tsvector('simple', \(bind: document.people)) || to_tsvector('simple', \(bind: document.body)))
                        """)
                })
            try await sql.raw(
                """
                INSERT INTO ticket_search (number, document) VALUES \(rows) \
                ON CONFLICT (number) DO UPDATE SET document = EXCLUDED.document
                """
            ).run()
        }
    }
}

/// Full-text search on either database; both answer newest first.
public struct SQLTicketSearch: TicketSearch {
    let context: StoreContext

    public init(context: StoreContext) { self.context = context }

    public func search(_ query: SearchQuery, limit: Int) async throws -> [Ticket] {
        let limit = min(max(limit, 1), 100)
        switch query {
        case .number(let number):
            return try await TicketRecord.query(on: context.database).filter(\.$number == number.value).all()
                .map { try $0.toDomain() }
        case .email(let email):
            guard let owner = try await ContactEmailRecord.find(email.value, on: context.database) else { return [] }
            return try await TicketRecord.query(on: context.database).filter(\.$requesterID == owner.$contact.id)
                .sort(\.$number, .descending).limit(limit).all().map { try $0.toDomain() }
        case .words(let words):
            let numbers = try await matchingNumbers(words, limit: limit)
            guard !numbers.isEmpty else { return [] }
            let tickets = try await TicketRecord.query(on: context.database).filter(\.$number ~~ numbers).all()
                .map { try $0.toDomain() }
            return tickets.sorted { $0.number > $1.number }
        }
    }

    /// Newest first rather than by rank: ranking every match of a common word costs ~800 ms at 1M tickets, while
    /// newest-first stays under a millisecond (DESIGN.md).
    private func matchingNumbers(_ words: [String], limit: Int) async throws -> [Int] {
        let rows: [any SQLRow]
        if context.isSQLite {
            // Each word quoted (FTS5 syntax can't leak in) and matched as a prefix.
            let match = words.map { "\"\($0)\"*" }.joined(separator: " AND ")
            rows = try await context.sql.raw(
                """
                SELECT rowid AS number FROM ticket_search WHERE ticket_search MATCH \(bind: match) \
                ORDER BY rowid DESC LIMIT \(literal: limit)
                """
            ).all()
        } else {
            // Words hold only letters and digits, so they are safe tsquery lexemes.
            let tsquery = words.map { "\($0):*" }.joined(separator: " & ")
            rows = try await context.sql.raw(
                """
                SELECT number FROM ticket_search WHERE document @@ to_tsquery('simple', \(bind: tsquery)) \
                ORDER BY number DESC LIMIT \(literal: limit)
                """
            ).all()
        }
        return try rows.map { try $0.decode(column: "number", as: Int.self) }
    }
}
