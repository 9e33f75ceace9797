import BalcaoCore
import Foundation

extension MailboxRecord {
    convenience init(_ mailbox: Mailbox) {
        self.init()
        id = mailbox.id.rawValue
        apply(mailbox)
        failureCount = 0
        createdAt = mailbox.createdAt
    }

    func apply(_ mailbox: Mailbox) {
        address = mailbox.address.value
        displayName = mailbox.displayName
        departmentID = mailbox.departmentID?.rawValue
        imap = mailbox.imap.map(JSONColumn.encode)
        isActive = mailbox.isActive
        lastPolledAt = mailbox.lastPolledAt
        lastError = mailbox.lastError
        updatedAt = mailbox.updatedAt
    }

    func domain() throws -> Mailbox {
        let id = self.id!.uuidString
        guard let email = EmailAddress(address) else {
            throw StoreError.corruptRow(table: Self.schema, id: id, column: "address")
        }
        let settings = try imap.map {
            try JSONColumn.decode(IMAPSettings.self, $0, table: Self.schema, id: id, column: "imap")
        }
        return Mailbox(
            id: .init(rawValue: self.id!), address: email, displayName: displayName,
            departmentID: departmentID.map(Department.ID.init(rawValue:)), imap: settings, isActive: isActive,
            lastPolledAt: lastPolledAt, lastError: lastError, failureCount: failureCount, createdAt: createdAt,
            updatedAt: updatedAt)
    }
}

extension MailTemplateRecord {
    func domain() throws -> NotificationTemplate {
        guard let kind = NotificationTemplate.Kind(rawValue: kind),
            let language = SupportedLanguage(rawValue: language)
        else { throw StoreError.corruptRow(table: Self.schema, id: id!.uuidString, column: "kind") }
        return NotificationTemplate(kind: kind, language: language, subject: subject, body: body)
    }
}

extension OutboxRecord {
    convenience init(_ mail: OutboxMail) {
        self.init()
        id = mail.id.rawValue
        ticketID = mail.ticketID?.rawValue
        purpose = mail.purpose.rawValue
        envelopeFrom = mail.envelopeFrom
        recipients = JSONColumn.encode(mail.recipients)
        firstRecipient = mail.recipients.first?.lowercased() ?? ""
        messageID = mail.messageID
        subject = mail.subject
        raw = mail.raw
        state = mail.state.rawValue
        attempts = mail.attempts
        nextAttemptAt = mail.nextAttemptAt
        lastError = mail.lastError
        createdAt = mail.createdAt
        sentAt = mail.sentAt
    }

    func domain() throws -> OutboxMail {
        let id = self.id!.uuidString
        guard let purpose = NotificationTemplate.Kind(rawValue: purpose) else {
            throw StoreError.corruptRow(table: Self.schema, id: id, column: "purpose")
        }
        guard let state = OutboxMail.State(rawValue: state) else {
            throw StoreError.corruptRow(table: Self.schema, id: id, column: "state")
        }
        return OutboxMail(
            id: .init(rawValue: self.id!), ticketID: ticketID.map(Ticket.ID.init(rawValue:)), purpose: purpose,
            envelopeFrom: envelopeFrom,
            recipients: try JSONColumn.decode([String].self, recipients, table: Self.schema, id: id, column: "recipients"),
            messageID: messageID, subject: subject, raw: raw, state: state, attempts: attempts,
            nextAttemptAt: nextAttemptAt, lastError: lastError, createdAt: createdAt, sentAt: sentAt)
    }
}

extension QuarantineRecord {
    func domain(withRaw: Bool) -> QuarantinedMail {
        QuarantinedMail(
            id: .init(rawValue: id!), mailboxID: mailboxID.map(Mailbox.ID.init(rawValue:)),
            recipient: recipient.flatMap(EmailAddress.init), sender: sender, subject: subject, reason: reason,
            raw: withRaw ? raw : Data(), size: size, receivedAt: receivedAt)
    }
}

extension UndeliverableRecord {
    var domain: UndeliverableAddress {
        UndeliverableAddress(email: id ?? "", until: until, reason: reason, recordedAt: recordedAt)
    }
}
