import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// A ticket's messages, attachments and events read column by column: the ticket page shows fifty messages and a
/// hundred events, and Fluent's per-row model reflection was most of that page's store time.
extension TicketRows {
    static func messages(of ticketID: UUID, on sql: any SQLDatabase) async throws -> [Message] {
        let rows = try await sql.raw(
            """
            SELECT uuid, ticket_id, kind, author_type, author_id, channel, text, html, created_at FROM messages \
            WHERE ticket_id = \(bind: ticketID) ORDER BY seq
            """
        ).all()
        let attachmentRows = try await sql.raw(
            """
            SELECT id, message_id, ticket_id, filename, content_type, size, sha256, position FROM attachments \
            WHERE ticket_id = \(bind: ticketID)
            """
        ).all()
        var attachments: [UUID: [AttachmentRecord]] = [:]
        for row in attachmentRows {
            let record = AttachmentRecord()
            record.id = try row.uuid("id")
            record.messageID = try row.uuid("message_id")
            record.ticketID = try row.uuid("ticket_id")
            record.filename = try row.decode(column: "filename", as: String.self)
            record.contentType = try row.decode(column: "content_type", as: String.self)
            record.size = try row.decode(column: "size", as: Int.self)
            record.sha256 = try row.decode(column: "sha256", as: String.self)
            record.position = try row.decode(column: "position", as: Int.self)
            attachments[record.messageID, default: []].append(record)
        }
        return try rows.map { row in
            let record = MessageRecord()
            record.uuid = try row.uuid("uuid")
            record.ticketID = try row.uuid("ticket_id")
            record.kind = try row.decode(column: "kind", as: String.self)
            record.authorType = try row.decode(column: "author_type", as: String.self)
            record.authorID = try row.optionalUUID("author_id")
            record.channel = try row.decode(column: "channel", as: String.self)
            record.text = try row.decode(column: "text", as: String.self)
            record.html = try row.decode(column: "html", as: String.self)
            record.createdAt = try row.decode(column: "created_at", as: Date.self)
            return try record.toDomain(attachments: attachments[record.uuid] ?? [])
        }
    }

    static func events(of ticketID: UUID, on sql: any SQLDatabase) async throws -> [TicketEvent] {
        try await sql.raw(
            """
            SELECT uuid, ticket_id, actor_type, actor_id, at, field, old_value, new_value FROM ticket_events \
            WHERE ticket_id = \(bind: ticketID) ORDER BY seq
            """
        ).all().map { row in
            let record = TicketEventRecord()
            record.uuid = try row.uuid("uuid")
            record.ticketID = try row.uuid("ticket_id")
            record.actorType = try row.decode(column: "actor_type", as: String.self)
            record.actorID = try row.optionalUUID("actor_id")
            record.at = try row.decode(column: "at", as: Date.self)
            record.field = try row.decode(column: "field", as: String.self)
            record.oldValue = try row.decode(column: "old_value", as: String?.self)
            record.newValue = try row.decode(column: "new_value", as: String?.self)
            return try record.toDomain()
        }
    }
}
