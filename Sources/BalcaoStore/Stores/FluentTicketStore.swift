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
        try await context.write { db in
            let row = try await (db as! any SQLDatabase)
                .raw("UPDATE counters SET value = value + 1 WHERE name = 'ticket_number' RETURNING value")
                .first()
            guard let value = try row?.decode(column: "value", as: Int.self) else {
                throw StoreError.corruptRow(table: "counters", id: "ticket_number", column: "value")
            }
            return TicketNumber(value)
        }
    }

    public func ticket(_ id: Ticket.ID) async throws -> Ticket? {
        try await TicketRecord.find(id.rawValue, on: database)?.toDomain()
    }

    public func ticket(number: TicketNumber) async throws -> Ticket? {
        try await TicketRecord.query(on: database).filter(\.$number == number.value).first()?.toDomain()
    }

    public func insert(_ ticket: Ticket, messages: [Message], events: [TicketEvent]) async throws {
        try await context.write { db in
            try await TicketRecord(ticket).create(on: db)
            try await Self.saveTags(of: ticket, on: db)
            try await Self.append(messages, events, on: db)
            try await QueueCounter.move(from: nil, to: QueueCounter.Key(ticket), on: db)
            try await SearchDocument.reindex(ticket, on: db, isSQLite: context.isSQLite)
        }
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
            guard !claimed.isEmpty, let record = try await TicketRecord.find(ticket.id.rawValue, on: db) else {
                return false
            }
            let tagsChanged = record.tags != JSONColumn.encode(ticket.tags)
            let oldKey = QueueCounter.Key(
                department: record.departmentID, assignee: record.assigneeID, status: record.status)
            let searchChanged = !messages.isEmpty || record.subject != ticket.subject
                || record.requesterID != ticket.requesterID.rawValue
            record.update(from: ticket)
            try await record.update(on: db)
            if tagsChanged {
                try await TicketTagRecord.query(on: db).filter(\.$ticketID == ticket.id.rawValue).delete()
                try await Self.saveTags(of: ticket, on: db)
            }
            try await Self.append(messages, events, on: db)
            try await QueueCounter.move(from: oldKey, to: QueueCounter.Key(ticket), on: db)
            if searchChanged { try await SearchDocument.reindex(ticket, on: db, isSQLite: context.isSQLite) }
            return true
        }
    }

    public func messages(of ticketID: Ticket.ID) async throws -> [Message] {
        let records = try await MessageRecord.query(on: database).filter(\.$ticketID == ticketID.rawValue)
            .sort(\.$id).all()
        let attachments = try await AttachmentRecord.query(on: database).filter(\.$ticketID == ticketID.rawValue).all()
        let byMessage = Dictionary(grouping: attachments, by: \.messageID)
        return try records.map { try $0.toDomain(attachments: byMessage[$0.uuid] ?? []) }
    }

    public func events(of ticketID: Ticket.ID) async throws -> [TicketEvent] {
        try await TicketEventRecord.query(on: database).filter(\.$ticketID == ticketID.rawValue).sort(\.$id).all()
            .map { try $0.toDomain() }
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

    private static func saveTags(of ticket: Ticket, on db: any Database) async throws {
        guard !ticket.tags.isEmpty else { return }
        try await ticket.tags.map { TicketTagRecord(ticketID: ticket.id.rawValue, tag: $0) }.create(on: db)
    }

    private static func append(_ messages: [Message], _ events: [TicketEvent], on db: any Database) async throws {
        for message in messages {
            try await MessageRecord(message).create(on: db)
            for (position, attachment) in message.attachments.enumerated() {
                try await AttachmentRecord(attachment, message: message, position: position).create(on: db)
            }
        }
        // One at a time, so `seq` follows the order the events happened in.
        for event in events { try await TicketEventRecord(event).create(on: db) }
    }
}
