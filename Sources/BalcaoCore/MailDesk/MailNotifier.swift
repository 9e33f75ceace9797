import Foundation

/// Writes the mail Balcão sends — the "ticket received" auto-reply, agents' public replies, the "solved" notice,
/// the "too large" notice — from the templates, and puts it in the outbox (the outbox worker sends it).
///
/// Every mail carries a signed reference (its Message-ID and a marker in the body) so the answer threads back;
/// replies copy the ticket's participants. Nothing goes to unmailable (no-reply, mailer-daemon) or undeliverable
/// (bounced) addresses or to the desk's own mailboxes, and automatic mail is capped per address and per ticket.
public struct MailNotifier: Sendable {
    let directory: any DirectoryStore
    let mail: any MailStore
    let outbox: any OutboxStore
    let blobs: any BlobStore
    let clock: any Clock
    let signer: any MailSigner
    let settings: MailSettings

    public init(
        directory: any DirectoryStore, mail: any MailStore, outbox: any OutboxStore, blobs: any BlobStore,
        clock: any Clock, signer: any MailSigner, settings: MailSettings
    ) {
        self.directory = directory
        self.mail = mail
        self.outbox = outbox
        self.blobs = blobs
        self.clock = clock
        self.signer = signer
        self.settings = settings
    }

    /// The auto-reply to a new ticket that came by mail.
    @discardableResult
    public func ticketReceived(_ ticket: Ticket, replyingTo messageID: String, subject: String) async throws
        -> OutboxMail?
    {
        guard let requester = try await directory.contact(ticket.requesterID) else { return nil }
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

    /// Tells the sender of a mail too large to store, once a day at most.
    @discardableResult
    public func mailTooLarge(to recipient: EmailAddress, subject: String, limit: Int) async throws -> OutboxMail? {
        let since = clock.now.addingTimeInterval(-86400)
        guard try await outbox.count([.mailTooLarge], to: recipient.value, ticket: nil, since: since) == 0,
            try await mayWrite(to: recipient.value, automatic: true, ticket: nil),
            let desk = try await sender(forDepartment: nil)
        else { return nil }
        let language = try await directory.contact(email: recipient)?.languageTag
            .flatMap(SupportedLanguage.init(matching:)) ?? settings.defaultLanguage
        let rendered = try await template(.mailTooLarge, language).render(
            TemplateValues(text: [
                "mail.subject": subject, "limit": "\(limit / 1_048_576) MB", "desk.name": desk.name ?? desk.address,
            ]))
        let messageID = MailComposer.newMessageID(domain: settings.messageIDDomain)
        var outgoing = OutgoingMail(
            from: desk, to: [MailAddress(name: nil, address: recipient.value)], replyTo: desk, subject: rendered.subject,
            messageID: messageID, date: clock.now, text: rendered.text, html: rendered.html)
        outgoing.extraHeaders = headers(for: .mailTooLarge)
        return try await put(outgoing, purpose: .mailTooLarge, ticket: nil, envelopeFrom: desk.address)
    }

    private func enqueue(
        _ kind: NotificationTemplate.Kind, for ticket: Ticket, requester: Contact, agent: Agent?, reply: Message?
    ) async throws -> OutboxMail? {
        guard let recipient = requester.primaryEmail,
            try await mayWrite(to: recipient.value, automatic: kind.isAutomatic, ticket: ticket.id),
            let desk = try await sender(for: ticket)
        else { return nil }
        let language = requester.languageTag.flatMap(SupportedLanguage.init(matching:)) ?? settings.defaultLanguage
        let deskName = try await deskName(for: ticket, desk: desk)
        var values = [
            "ticket.number": ticket.number.description, "ticket.subject": ticket.subject,
            "ticket.status": ticket.status.rawValue, "requester.name": requester.name, "desk.name": deskName,
            "agent.name": agent?.name ?? deskName,
        ]
        values["reply"] = reply?.text
        let rendered = try await template(kind, language).render(TemplateValues(text: values, replyHTML: reply?.html))
        return try await threaded(
            rendered, kind: kind, for: ticket, to: MailAddress(name: requester.name, address: recipient.value),
            from: MailAddress(name: agent.map { "\($0.name) (\(deskName))" } ?? deskName, address: desk.address),
            replyTo: desk, reply: reply)
    }

    /// Mail a trigger or time rule writes, from the rule's own texts filled with `values` (see `Placeholders`).
    /// It threads like any reply — signed reference, `[#n]` subject tag — so an answer lands on the ticket, and it
    /// obeys the limits on automatic mail.
    @discardableResult
    public func automationMail(
        for ticket: Ticket, to recipient: MailAddress, language: SupportedLanguage?, subject: String, body: String,
        values: [String: String]
    ) async throws -> OutboxMail? {
        guard try await mayWrite(to: recipient.address, automatic: true, ticket: ticket.id),
            let desk = try await sender(for: ticket)
        else { return nil }
        let template = NotificationTemplate(
            kind: .automation, language: language ?? settings.defaultLanguage, subject: subject, body: body)
        let deskName = try await deskName(for: ticket, desk: desk)
        return try await threaded(
            template.render(TemplateValues(text: values)), kind: .automation, for: ticket, to: recipient,
            from: MailAddress(name: deskName, address: desk.address), replyTo: desk, reply: nil)
    }

    func deskName(for ticket: Ticket, desk: MailAddress) async throws -> String {
        if let id = ticket.departmentID, let department = try await directory.department(id) { return department.name }
        return desk.name ?? desk.address
    }

    /// Composes a mail on a ticket's thread and puts it in the outbox.
    func threaded(
        _ rendered: RenderedNotification, kind: NotificationTemplate.Kind, for ticket: Ticket, to recipient: MailAddress,
        from: MailAddress, replyTo desk: MailAddress, reply: Message?
    ) async throws -> OutboxMail {
        let reference = MailReference(ticket: ticket.number, recipient: recipient.address, signer: signer)
        let marker = reference.marker(signer: signer)
        let earlier = try await mail.messageIDs(of: ticket.id)
        var outgoing = OutgoingMail(
            from: from, to: [recipient],
            cc: kind == .agentReply ? try await copies(of: ticket, excluding: recipient.address) : [], replyTo: desk,
            subject: SubjectTag.tagged(rendered.subject, number: ticket.number),
            messageID: reference.messageID(domain: settings.messageIDDomain, signer: signer),
            inReplyTo: earlier.last(where: { $0.direction == .inbound })?.id ?? earlier.last?.id,
            references: earlier.suffix(20).map(\.id), date: clock.now, text: rendered.text + "\n\n" + marker,
            // The marker rides along invisibly, so a reply quoting the HTML still carries it.
            html: rendered.html + "\n<div style=\"display:none;font-size:0;color:transparent\">\(marker)</div>")
        outgoing.extraHeaders = headers(for: kind) + [(name: "X-Balcao-Ticket", value: String(ticket.number.value))]
        for attachment in reply?.attachments ?? [] {
            guard let data = try await blobs.get(attachment.sha256) else { continue }
            outgoing.attachments.append(
                MailAttachment(fileName: attachment.filename, contentType: attachment.contentType, data: Array(data)))
        }
        return try await put(outgoing, purpose: kind, ticket: ticket.id, envelopeFrom: desk.address)
    }

    func put(_ outgoing: OutgoingMail, purpose: NotificationTemplate.Kind, ticket: Ticket.ID?, envelopeFrom: String)
        async throws -> OutboxMail
    {
        let now = clock.now
        let queued = OutboxMail(
            ticketID: ticket, purpose: purpose, envelopeFrom: envelopeFrom,
            recipients: (outgoing.to + outgoing.cc).map(\.address), messageID: outgoing.messageID,
            subject: outgoing.subject, raw: Data(MailComposer.render(outgoing)), nextAttemptAt: now, createdAt: now)
        try await outbox.enqueue(queued)
        if let ticket { try await mail.link(messageID: outgoing.messageID, to: ticket, direction: .outbound, at: now) }
        return queued
    }

    /// Loop protection on every mail we write; automatic mail says so (RFC 3834).
    func headers(for kind: NotificationTemplate.Kind) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            (name: "X-Auto-Response-Suppress", value: "All"), (name: "X-Balcao-Loop", value: settings.messageIDDomain),
        ]
        switch kind {
        case .ticketReceived, .mailTooLarge: headers.insert((name: "Auto-Submitted", value: "auto-replied"), at: 0)
        case .ticketSolved, .mailboxFailing, .automation, .portalSignIn, .portalSignUp, .announcement, .chatTranscript,
            .demandSpike, .qualityDigest:
            headers.insert((name: "Auto-Submitted", value: "auto-generated"), at: 0)
        case .agentReply: break
        }
        return headers
    }

    /// Whether Balcão may write to `address` now: not a no-reply or bounce address, not one of our mailboxes,
    /// not bounced, and — for automatic mail — under the caps per address and per ticket.
    func mayWrite(to address: String, automatic: Bool, ticket: Ticket.ID?) async throws -> Bool {
        guard !RecipientRules.isUnmailable(address) else { return false }
        if let email = EmailAddress(address), try await mail.mailbox(address: email) != nil { return false }
        if try await !mail.undeliverable([address], at: clock.now).isEmpty { return false }
        guard automatic else { return true }
        let since = clock.now.addingTimeInterval(-RecipientRules.window)
        let automaticKinds = NotificationTemplate.Kind.allCases.filter(\.isAutomatic)
        if try await outbox.count(automaticKinds, to: address, ticket: nil, since: since)
            >= RecipientRules.automaticPerAddress
        {
            return false
        }
        if let ticket,
            try await outbox.count(automaticKinds, to: address, ticket: ticket, since: since)
                >= RecipientRules.automaticPerTicket
        {
            return false
        }
        return true
    }

    /// Participants who may still be written to.
    private func copies(of ticket: Ticket, excluding recipient: String) async throws -> [MailAddress] {
        let participants = try await mail.participants(of: ticket.id).filter {
            $0.address.lowercased() != recipient.lowercased() && !RecipientRules.isUnmailable($0.address)
        }
        let bounced = Set(try await mail.undeliverable(participants.map(\.address), at: clock.now).map(\.email))
        return participants.filter { !bounced.contains($0.address.lowercased()) }
    }

    /// The desk's address for a ticket: the mailbox its mail came in on, else its department's.
    func sender(for ticket: Ticket) async throws -> MailAddress? {
        if let id = try await mail.mailboxID(for: ticket.id), let mailbox = try await mail.mailbox(id), mailbox.isActive {
            return MailAddress(name: mailbox.displayName, address: mailbox.address.value)
        }
        return try await sender(forDepartment: ticket.departmentID)
    }

    /// The desk's address: the department's mailbox, else any active mailbox without a department, else the
    /// configured default sender.
    func sender(forDepartment departmentID: Department.ID?) async throws -> MailAddress? {
        let active = try await mail.mailboxes().filter(\.isActive)
        let mailbox =
            active.first { $0.departmentID != nil && $0.departmentID == departmentID }
            ?? active.first { $0.departmentID == nil }
        if let mailbox { return MailAddress(name: mailbox.displayName, address: mailbox.address.value) }
        return settings.defaultSender
    }

    func template(_ kind: NotificationTemplate.Kind, _ language: SupportedLanguage) async throws
        -> NotificationTemplate
    {
        try await mail.templates().first { $0.kind == kind && $0.language == language }
            ?? NotificationTemplate.builtIn(kind, language)
    }
}
