import Foundation

/// Writes the mail Balcão sends to requesters — the "ticket received" auto-reply, agents' public replies and the
/// "solved" notice — from the templates, threaded so the customer's answer comes back to the same ticket, and
/// puts it in the outbox. Sending is the outbox worker's job.
public struct MailNotifier: Sendable {
    let directory: any DirectoryStore
    let mail: any MailStore
    let outbox: any OutboxStore
    let blobs: any BlobStore
    let clock: any Clock
    let settings: MailSettings

    public init(
        directory: any DirectoryStore, mail: any MailStore, outbox: any OutboxStore, blobs: any BlobStore,
        clock: any Clock, settings: MailSettings
    ) {
        self.directory = directory
        self.mail = mail
        self.outbox = outbox
        self.blobs = blobs
        self.clock = clock
        self.settings = settings
    }

    /// The auto-reply to a new ticket that came by mail, unless the requester is one of our own mailboxes or has
    /// had `autoRepliesPerHour` of them in the last hour (a loop with an auto-responder that sets no headers).
    @discardableResult
    public func ticketReceived(_ ticket: Ticket, replyingTo messageID: String, subject: String) async throws
        -> OutboxMail?
    {
        guard let requester = try await directory.contact(ticket.requesterID), let to = requester.primaryEmail
        else { return nil }
        if try await mail.mailbox(address: to) != nil { return nil }
        let hourAgo = clock.now.addingTimeInterval(-3600)
        if try await outbox.count(.ticketReceived, to: to.value, since: hourAgo) >= settings.autoRepliesPerHour {
            return nil
        }
        return try await enqueue(.ticketReceived, for: ticket, requester: requester, agent: nil, reply: nil)
    }

    /// Mail for a committed change: an agent's public reply, or the ticket being solved without one.
    @discardableResult
    public func notify(_ change: TicketChange) async throws -> OutboxMail? {
        let kind: NotificationTemplate.Kind
        let agentID: Agent.ID
        if let message = change.message, message.kind == .reply, case .agent(let id) = message.author {
            (kind, agentID) = (.agentReply, id)
        } else if let solved = change.events.first(where: {
            $0.field == .status && $0.newValue == TicketStatus.solved.rawValue
        }), case .agent(let id) = solved.actor {
            (kind, agentID) = (.ticketSolved, id)
        } else {
            return nil  // most changes send nothing: decided before any lookup
        }
        guard let requester = try await directory.contact(change.ticket.requesterID) else { return nil }
        let agent = try await directory.agent(agentID)
        return try await enqueue(
            kind, for: change.ticket, requester: requester, agent: agent,
            reply: kind == .agentReply ? change.message : nil)
    }

    private func enqueue(
        _ kind: NotificationTemplate.Kind, for ticket: Ticket, requester: Contact, agent: Agent?, reply: Message?
    ) async throws -> OutboxMail? {
        guard let recipient = requester.primaryEmail, let desk = try await sender(for: ticket) else { return nil }
        let language = requester.languageTag.flatMap(SupportedLanguage.init(matching:)) ?? settings.defaultLanguage
        let template = try await template(kind, language)
        var deskName = desk.name ?? desk.address
        if let id = ticket.departmentID, let department = try await directory.department(id) {
            deskName = department.name
        }
        var values = [
            "ticket.number": ticket.number.description, "ticket.subject": ticket.subject,
            "ticket.status": ticket.status.rawValue, "requester.name": requester.name, "desk.name": deskName,
            "agent.name": agent?.name ?? deskName,
        ]
        values["reply"] = reply?.text
        let rendered = template.render(TemplateValues(text: values, replyHTML: reply?.html))

        let earlier = try await mail.messageIDs(of: ticket.id)
        let messageID = MailComposer.newMessageID(domain: settings.messageIDDomain)
        var outgoing = OutgoingMail(
            from: MailAddress(name: agent.map { "\($0.name) (\(deskName))" } ?? deskName, address: desk.address),
            to: [MailAddress(name: requester.name, address: recipient.value)], replyTo: desk,
            subject: SubjectTag.tagged(rendered.subject, number: ticket.number), messageID: messageID,
            inReplyTo: earlier.last(where: { $0.direction == .inbound })?.id ?? earlier.last?.id,
            references: earlier.suffix(20).map(\.id), date: clock.now, text: rendered.text,
            html: rendered.html)
        if kind == .ticketReceived { outgoing.extraHeaders.append((name: "Auto-Submitted", value: "auto-replied")) }
        // The "X-Auto-Response-Suppress" asks Exchange not to send out-of-office replies to our notifications.
        outgoing.extraHeaders.append((name: "X-Auto-Response-Suppress", value: "All"))
        outgoing.extraHeaders.append((name: "X-Balcao-Ticket", value: String(ticket.number.value)))
        for attachment in reply?.attachments ?? [] {
            guard let data = try await blobs.get(attachment.sha256) else { continue }
            outgoing.attachments.append(
                MailAttachment(
                    fileName: attachment.filename, contentType: attachment.contentType, data: Array(data),
                    contentID: nil, isInline: false))
        }

        let now = clock.now
        let queued = OutboxMail(
            ticketID: ticket.id, purpose: kind, envelopeFrom: desk.address, recipients: [recipient.value],
            messageID: messageID, subject: outgoing.subject, raw: Data(MailComposer.render(outgoing)),
            nextAttemptAt: now, createdAt: now)
        try await outbox.enqueue(queued)
        try await mail.link(messageID: messageID, to: ticket.id, direction: .outbound, at: now)
        return queued
    }

    /// The desk's address for a ticket: its department's mailbox, else any active mailbox without a department,
    /// else the configured default sender.
    private func sender(for ticket: Ticket) async throws -> MailAddress? {
        let active = try await mail.mailboxes().filter(\.isActive)
        let mailbox =
            active.first { $0.departmentID != nil && $0.departmentID == ticket.departmentID }
            ?? active.first { $0.departmentID == nil }
        if let mailbox { return MailAddress(name: mailbox.displayName, address: mailbox.address.value) }
        return settings.defaultSender
    }

    private func template(_ kind: NotificationTemplate.Kind, _ language: SupportedLanguage) async throws
        -> NotificationTemplate
    {
        try await mail.templates().first { $0.kind == kind && $0.language == language }
            ?? NotificationTemplate.builtIn(kind, language)
    }
}
