import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// Tickets, their conversation and history on Fluent (writes) and SQLKit (counters, optimistic saves, lists).
public struct FluentTicketStore: TicketStore {
    let context: StoreContext
    var database: any Database { context.database }

    public init(context: StoreContext) { self.context = context }

    public func nextTicketNumber() async throws -> TicketNumber {
        TicketNumber(try await context.write(TicketBatches.numbers, ()))
    }

    public func ticket(_ id: Ticket.ID) async throws -> Ticket? {
        try await TicketRows.first(where: "id = \(bind: id.rawValue)", on: context.sql)
    }

    public func ticket(number: TicketNumber) async throws -> Ticket? {
        try await TicketRows.first(where: "number = \(bind: number.value)", on: context.sql)
    }

    public func insert(_ ticket: Ticket, messages: [Message], events: [TicketEvent]) async throws {
        try await context.write(
            TicketBatches.inserts(isSQLite: context.isSQLite),
            TicketBatches.NewTicket(ticket: ticket, messages: messages, events: events))
    }

    public func update(_ ticket: Ticket, messages: [Message], events: [TicketEvent]) async throws -> Bool {
        try await context.write { db in
            // Claim the new version first: if another save got there, nothing else is written.
            let claimed = try await (db as! any SQLDatabase).raw(
                """
                UPDATE tickets SET version = \(bind: ticket.version) \
                WHERE id = \(bind: ticket.id.rawValue) AND version = \(bind: ticket.version - 1) RETURNING id
                """
            ).all()
            let sql = db as! any SQLDatabase
            guard !claimed.isEmpty,
                let old = try await sql.raw(
                    """
                    SELECT tags, department_id, assignee_id, status, subject, requester_id FROM tickets \
                    WHERE id = \(bind: ticket.id.rawValue)
                    """
                ).first()
            else {
                return false
            }
            let tagsChanged = try old.decode(column: "tags", as: String.self) != JSONColumn.encode(ticket.tags)
            let oldKey = QueueCounter.Key(
                department: try old.optionalUUID("department_id"),
                assignee: try old.optionalUUID("assignee_id"),
                status: try old.decode(column: "status", as: String.self))
            let searchChanged = try !messages.isEmpty || old.decode(column: "subject", as: String.self) != ticket.subject
                || old.uuid("requester_id") != ticket.requesterID.rawValue
            try await TicketRows.update(ticket, on: sql)
            if tagsChanged {
                try await sql.raw("DELETE FROM ticket_tags WHERE ticket_id = \(bind: ticket.id.rawValue)").run()
                try await TicketRows.insertTags(of: [ticket], on: sql)
            }
            try await TicketRows.append(messages, events, on: sql)
            try await QueueCounter.move(from: oldKey, to: QueueCounter.Key(ticket), on: db)
            if searchChanged { try await SearchDocument.reindex(ticket, on: db, isSQLite: context.isSQLite) }
            return true
        }
    }

    public func messages(of ticketID: Ticket.ID) async throws -> [Message] {
        try await TicketRows.messages(of: ticketID.rawValue, on: context.sql)
    }

    public func events(of ticketID: Ticket.ID) async throws -> [TicketEvent] {
        try await TicketRows.events(of: ticketID.rawValue, on: context.sql)
    }

    public func attachment(_ id: Attachment.ID) async throws -> (
        attachment: Attachment, message: Message.ID, ticket: Ticket.ID
    )? {
        guard let record = try await AttachmentRecord.find(id.rawValue, on: database) else { return nil }
        return (try record.toDomain(), .init(rawValue: record.messageID), .init(rawValue: record.ticketID))
    }

    public func queueCounts() async throws -> QueueCounts {
        try await QueueCounter.counts(on: database)
    }

    public func ticketCount(referencing reference: TicketReference) async throws -> Int {
        let query = TicketRecord.query(on: database)
        switch reference {
        case .requester(let id): query.filter(\.$requesterID == id.rawValue)
        case .organization(let id): query.filter(\.$organizationID == id.rawValue)
        case .department(let id): query.filter(\.$departmentID == id.rawValue)
        case .assignee(let id): query.filter(\.$assigneeID == id.rawValue)
        }
        return try await query.count()
    }
}
