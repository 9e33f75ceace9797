import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// Ticket creation's writes as batch work (`BatchWork`): on SQLite the numbers and inserts of every ticket queued
/// at the same moment are written by one set of statements — one counter update for all the numbers; one
/// multi-row insert per table for the tickets, tags, messages, events, queue counters and search documents —
/// instead of about fifteen statements per ticket. On PostgreSQL the same code runs for one ticket at a time.
enum TicketBatches {
    struct NewTicket: Sendable {
        let ticket: Ticket
        let messages: [Message]
        let events: [TicketEvent]
    }

    /// The next ticket numbers, one per caller, consecutive and never reused.
    static let numbers = BatchWork<Void, Int>(name: "ticket-numbers") { callers, db in
        let row = try await (db as! any SQLDatabase).raw(
            "UPDATE counters SET value = value + \(bind: callers.count) WHERE name = 'ticket_number' RETURNING value"
        ).first()
        guard let last = try row?.decode(column: "value", as: Int.self) else {
            throw StoreError.corruptRow(table: "counters", id: "ticket_number", column: "value")
        }
        return (0..<callers.count).map { last - callers.count + 1 + $0 }
    }

    static func inserts(isSQLite: Bool) -> BatchWork<NewTicket, Void> { isSQLite ? sqliteInserts : postgresInserts }

    private static let sqliteInserts = inserts(named: "ticket-inserts-sqlite", isSQLite: true)
    private static let postgresInserts = inserts(named: "ticket-inserts-postgres", isSQLite: false)

    private static func inserts(named name: String, isSQLite: Bool) -> BatchWork<NewTicket, Void> {
        BatchWork(name: name) { new, db in
            let sql = db as! any SQLDatabase
            let tickets = new.map(\.ticket)
            try await TicketRows.insert(tickets, on: sql)
            try await TicketRows.insertTags(of: tickets, on: sql)
            try await TicketRows.append(new.flatMap(\.messages), new.flatMap(\.events), on: sql)
            var counts: [QueueCounter.Key: Int] = [:]
            for ticket in tickets { counts[QueueCounter.Key(ticket), default: 0] += 1 }
            try await QueueCounter.add(counts, on: sql)
            try await SearchDocument.index(new.map { ($0.ticket, $0.messages) }, on: sql, isSQLite: isSQLite)
            return new.map { _ in () }
        }
    }
}
