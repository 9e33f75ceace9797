import BalcaoCore
import FluentKit
import Foundation

/// Message-IDs, mailboxes and templates on Fluent.
public struct FluentMailStore: MailStore {
    let context: StoreContext

    public init(context: StoreContext) { self.context = context }

    public func claimInbound(messageID: String, at: Date) async throws -> Bool {
        let id = Self.key(messageID)
        do {
            return try await context.write { db in
                if try await MailMessageIDRecord.find(id, on: db) != nil { return false }
                let record = MailMessageIDRecord()
                record.id = id
                record.direction = MailDirection.inbound.rawValue
                record.createdAt = at
                try await record.create(on: db)
                return true
            }
        } catch {
            // Two instances raced on PostgreSQL: the unique key let one through.
            if try await MailMessageIDRecord.find(id, on: context.database) != nil { return false }
            throw error
        }
    }

    public func releaseInbound(messageID: String) async throws {
        let id = Self.key(messageID)
        try await context.write { db in
            try await MailMessageIDRecord.query(on: db).filter(\.$id == id).filter(\.$ticketID == nil).delete()
        }
    }

    public func link(messageID: String, to ticketID: Ticket.ID, direction: MailDirection, at: Date) async throws {
        let id = Self.key(messageID)
        try await context.write { db in
            let record = try await MailMessageIDRecord.find(id, on: db) ?? MailMessageIDRecord()
            record.id = id
            record.ticketID = ticketID.rawValue
            record.direction = direction.rawValue
            if record.$createdAt.value == nil { record.createdAt = at }
            try await record.save(on: db)
        }
    }

    public func ticketID(forMessageIDs messageIDs: [String]) async throws -> Ticket.ID? {
        let keys = messageIDs.prefix(50).map(Self.key)
        guard !keys.isEmpty else { return nil }
        let found = try await MailMessageIDRecord.query(on: context.database).filter(\.$id ~~ keys)
            .filter(\.$ticketID != nil).all()
        // The earliest id in the list wins: In-Reply-To comes first, then References newest first.
        for key in keys {
            if let ticketID = found.first(where: { $0.id == key })?.ticketID { return Ticket.ID(rawValue: ticketID) }
        }
        return nil
    }

    public func messageIDs(of ticketID: Ticket.ID) async throws -> [(id: String, direction: MailDirection)] {
        try await MailMessageIDRecord.query(on: context.database).filter(\.$ticketID == ticketID.rawValue)
            .sort(\.$createdAt).all().compactMap { record in
                record.id.map { ($0, MailDirection(rawValue: record.direction) ?? .inbound) }
            }
    }

    public func mailboxes() async throws -> [Mailbox] {
        try await MailboxRecord.query(on: context.database).sort(\.$address).all().map { try $0.domain() }
    }

    public func mailbox(_ id: Mailbox.ID) async throws -> Mailbox? {
        try await MailboxRecord.find(id.rawValue, on: context.database)?.domain()
    }

    public func mailbox(address: EmailAddress) async throws -> Mailbox? {
        try await MailboxRecord.query(on: context.database).filter(\.$address == address.value).first()?.domain()
    }

    public func save(_ mailbox: Mailbox) async throws {
        try await context.write { db in
            let taken = try await MailboxRecord.query(on: db).filter(\.$address == mailbox.address.value)
                .filter(\.$id != mailbox.id.rawValue).first()
            if taken != nil { throw MailboxError.addressTaken(mailbox.address) }
            if let record = try await MailboxRecord.find(mailbox.id.rawValue, on: db) {
                record.apply(mailbox)
                try await record.update(on: db)
            } else {
                try await MailboxRecord(mailbox).create(on: db)
            }
        }
    }

    public func deleteMailbox(_ id: Mailbox.ID) async throws {
        try await context.write { db in
            guard let record = try await MailboxRecord.find(id.rawValue, on: db) else {
                throw MailboxError.notFound(id)
            }
            try await record.delete(on: db)
        }
    }

    public func recordPoll(of id: Mailbox.ID, at: Date, error: String?) async throws -> Int {
        try await context.write { db in
            guard let record = try await MailboxRecord.find(id.rawValue, on: db) else { return 0 }
            record.lastPolledAt = at
            record.lastError = error.map { String($0.prefix(1000)) }
            record.failureCount = error == nil ? 0 : record.failureCount + 1
            try await record.update(on: db)
            return record.failureCount
        }
    }

    public func imapProgress(of id: Mailbox.ID) async throws -> IMAPProgress? {
        guard let record = try await MailboxRecord.find(id.rawValue, on: context.database),
            let validity = record.imapUIDValidity, let last = record.imapLastUID
        else { return nil }
        return IMAPProgress(uidValidity: UInt32(truncatingIfNeeded: validity), lastUID: UInt32(truncatingIfNeeded: last))
    }

    public func saveIMAPProgress(_ progress: IMAPProgress, of id: Mailbox.ID) async throws {
        try await context.write { db in
            try await MailboxRecord.query(on: db).filter(\.$id == id.rawValue)
                .set(\.$imapUIDValidity, to: Int64(progress.uidValidity))
                .set(\.$imapLastUID, to: Int64(progress.lastUID)).update()
        }
    }

    public func setMailbox(_ mailboxID: Mailbox.ID, for ticketID: Ticket.ID) async throws {
        try await context.write { db in
            let record = try await TicketMailboxRecord.find(ticketID.rawValue, on: db) ?? TicketMailboxRecord()
            record.id = ticketID.rawValue
            record.mailboxID = mailboxID.rawValue
            try await record.save(on: db)
        }
    }

    public func mailboxID(for ticketID: Ticket.ID) async throws -> Mailbox.ID? {
        try await TicketMailboxRecord.find(ticketID.rawValue, on: context.database).map { Mailbox.ID(rawValue: $0.mailboxID) }
    }

    public func participants(of ticketID: Ticket.ID) async throws -> [MailAddress] {
        try await MailParticipantRecord.query(on: context.database).filter(\.$ticketID == ticketID.rawValue)
            .sort(\.$email).all().map { MailAddress(name: $0.name, address: $0.email) }
    }

    public func addParticipants(_ addresses: [MailAddress], to ticketID: Ticket.ID) async throws {
        guard !addresses.isEmpty else { return }
        try await context.write { db in
            let known = Set(
                try await MailParticipantRecord.query(on: db).filter(\.$ticketID == ticketID.rawValue).all()
                    .map(\.email))
            for address in addresses where !known.contains(address.address.lowercased()) {
                let record = MailParticipantRecord()
                record.id = UUID()
                record.ticketID = ticketID.rawValue
                record.email = address.address.lowercased()
                record.name = address.name.map { String($0.prefix(200)) }
                try await record.create(on: db)
            }
        }
    }

    public func markUndeliverable(_ email: String, until: Date, reason: String, at: Date) async throws {
        let key = email.lowercased()
        try await context.write { db in
            let record = try await UndeliverableRecord.find(key, on: db) ?? UndeliverableRecord()
            record.id = key
            record.until = until
            record.reason = String(reason.prefix(1000))
            record.recordedAt = at
            try await record.save(on: db)
        }
    }

    public func undeliverable(_ emails: [String], at now: Date) async throws -> [UndeliverableAddress] {
        guard !emails.isEmpty else { return [] }
        return try await UndeliverableRecord.query(on: context.database).filter(\.$id ~~ emails.map { $0.lowercased() })
            .filter(\.$until > now).all().map(\.domain)
    }

    public func undeliverableAddresses(at now: Date) async throws -> [UndeliverableAddress] {
        try await UndeliverableRecord.query(on: context.database).filter(\.$until > now).sort(\.$recordedAt, .descending)
            .limit(500).all().map(\.domain)
    }

    public func clearUndeliverable(_ email: String) async throws {
        let key = email.lowercased()
        try await context.write { db in try await UndeliverableRecord.query(on: db).filter(\.$id == key).delete() }
    }

    public func quarantine(_ mail: QuarantinedMail) async throws {
        let record = QuarantineRecord()
        record.id = mail.id.rawValue
        record.mailboxID = mail.mailboxID?.rawValue
        record.recipient = mail.recipient?.value
        record.sender = mail.sender.map { String($0.prefix(500)) }
        record.subject = String(mail.subject.prefix(500))
        record.reason = mail.reason
        record.raw = mail.raw
        record.size = mail.size
        record.receivedAt = mail.receivedAt
        try await context.write { db in try await record.create(on: db) }
    }

    public func quarantined(limit: Int) async throws -> [QuarantinedMail] {
        // The bytes stay in the database: a list of large mail must not load them all.
        try await QuarantineRecord.query(on: context.database).sort(\.$receivedAt, .descending).limit(limit)
            .field(\.$id).field(\.$mailboxID).field(\.$recipient).field(\.$sender).field(\.$subject)
            .field(\.$reason).field(\.$size).field(\.$receivedAt).all().map { $0.domain(withRaw: false) }
    }

    public func quarantinedMail(_ id: QuarantinedMail.ID) async throws -> QuarantinedMail? {
        try await QuarantineRecord.find(id.rawValue, on: context.database)?.domain(withRaw: true)
    }

    public func deleteQuarantined(_ id: QuarantinedMail.ID) async throws {
        try await context.write { db in
            try await QuarantineRecord.query(on: db).filter(\.$id == id.rawValue).delete()
        }
    }

    public func templates() async throws -> [NotificationTemplate] {
        try await MailTemplateRecord.query(on: context.database).all().map { try $0.domain() }
    }

    public func save(_ template: NotificationTemplate) async throws {
        try await context.write { db in
            let record =
                try await MailTemplateRecord.query(on: db).filter(\.$kind == template.kind.rawValue)
                .filter(\.$language == template.language.rawValue).first() ?? MailTemplateRecord()
            if record.id == nil { record.id = UUID() }
            record.kind = template.kind.rawValue
            record.language = template.language.rawValue
            record.subject = template.subject
            record.body = template.body
            record.updatedAt = Date()
            try await record.save(on: db)
        }
    }

    public func deleteTemplate(_ kind: NotificationTemplate.Kind, language: SupportedLanguage) async throws {
        try await context.write { db in
            try await MailTemplateRecord.query(on: db).filter(\.$kind == kind.rawValue)
                .filter(\.$language == language.rawValue).delete()
        }
    }

    /// Ids are compared exactly (RFC 5322), stored without brackets and capped to fit an indexed column.
    static func key(_ messageID: String) -> String {
        String(messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t\r\n")).prefix(250))
    }
}
