import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// Keeps each ticket's search document (subject, every message, requester name and emails — all folded by
/// `SearchQuery.fold`) in `ticket_search`: an FTS5 table on SQLite, a tsvector column with a GIN index on
/// PostgreSQL. Rebuilt in the same transaction as the change that affects it.
enum SearchDocument {
    static func reindex(_ ticket: Ticket, on db: any Database, isSQLite: Bool) async throws {
        let sql = db as! any SQLDatabase
        let messages = try await MessageRecord.query(on: db).filter(\.$ticketID == ticket.id.rawValue).sort(\.$id).all()
        let requester = try await ContactRecord.find(ticket.requesterID.rawValue, on: db)
        let emails = try await ContactEmailRecord.query(on: db).filter(\.$contact.$id == ticket.requesterID.rawValue).all()
        let subject = SearchQuery.fold(ticket.subject)
        let body = SearchQuery.fold(messages.map(\.text).joined(separator: "\n"))
        // Addresses are indexed whole and split, so "joana.silva@cliente" and "cliente" both match.
        let people = SearchQuery.fold(
            ([requester?.name ?? ""] + emails.compactMap(\.id)).joined(separator: " ")
                + " " + emails.compactMap(\.id).map { $0.replacingOccurrences(of: "@", with: " ") }.joined(separator: " "))
        if isSQLite {
            try await sql.raw("DELETE FROM ticket_search WHERE rowid = \(bind: ticket.number.value)").run()
            try await sql.raw(
                """
                INSERT INTO ticket_search (rowid, subject, body, people) \
                VALUES (\(bind: ticket.number.value), \(bind: subject), \(bind: body), \(bind: people))
                """
            ).run()
        } else {
            try await sql.raw(
                """
                INSERT INTO ticket_search (number, document) VALUES (\(bind: ticket.number.value), \
                setweight(to_tsvector('simple', \(bind: subject)), 'A') || to_tsvector('simple', \(bind: people)) \
                || to_tsvector('simple', \(bind: body))) \
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
