import Foundation

/// What became of one received mail.
public struct MailIntakeResult: Sendable {
    public enum Outcome: String, Sendable, Codable {
        /// A new ticket was opened.
        case opened
        /// The mail was threaded onto an existing ticket.
        case threaded
        /// The same Message-ID was already stored; nothing was done.
        case duplicate
        /// Sent by one of the desk's own mailboxes (a copy of our mail, a forwarding loop): not stored.
        case ignored
    }

    public let outcome: Outcome
    public let messageID: String
    public let ticket: Ticket?
    public let message: Message?
    /// Why no auto-response may answer this mail (auto-replies, bulk mail, bounces), nil for a person's mail.
    public let automation: AutomatedMail?
    /// Parts of the mail that could not be read or were left out (attachments over the limit).
    public let warnings: [String]
}

/// Turns received mail into tickets and replies: finds the desk by the receiving address, threads replies by
/// In-Reply-To/References and then by `[#number]` in the subject, trims quoted history, keeps the original as
/// `original.eml`, stores each Message-ID once, and asks for the "ticket received" auto-reply only for mail a
/// person wrote.
public struct MailIntake: Sendable {
    let service: TicketService
    let mail: any MailStore
    let notifier: MailNotifier?

    public init(service: TicketService, mail: any MailStore, notifier: MailNotifier?) {
        self.service = service
        self.mail = mail
        self.notifier = notifier
    }

    /// Processes one raw message. `recipient` is the address it was delivered to (the MTA's envelope recipient or
    /// the polled mailbox); without it the To/Cc/Delivered-To headers are matched against the configured mailboxes.
    public func receive(_ raw: Data, recipient: EmailAddress?) async throws -> MailIntakeResult {
        let parsed = MIMEParser.parse(Array(raw))
        guard let sender = parsed.from?.email else {
            throw ValidationError(field: "from", "the message has no readable From address")
        }
        let messageID = parsed.messageID ?? Self.syntheticMessageID(raw)
        if try await mail.mailbox(address: sender) != nil {
            return MailIntakeResult(
                outcome: .ignored, messageID: messageID, ticket: nil, message: nil, automation: parsed.automation,
                warnings: ["sent from the desk's own mailbox \(sender)"])
        }
        guard try await mail.claimInbound(messageID: messageID, at: service.clock.now) else {
            return MailIntakeResult(
                outcome: .duplicate, messageID: messageID, ticket: nil, message: nil, automation: parsed.automation,
                warnings: [])
        }
        do {
            let result = try await store(parsed, raw: raw, messageID: messageID, sender: sender, recipient: recipient)
            if let ticket = result.ticket {
                try await mail.link(messageID: messageID, to: ticket.id, direction: .inbound, at: service.clock.now)
            }
            if result.outcome == .opened, parsed.automation == nil, let ticket = result.ticket {
                try await notifier?.ticketReceived(ticket, replyingTo: messageID, subject: parsed.subject)
            }
            return result
        } catch {
            try? await mail.releaseInbound(messageID: messageID)
            throw error
        }
    }

    private func store(
        _ parsed: ParsedMail, raw: Data, messageID: String, sender: EmailAddress, recipient: EmailAddress?
    ) async throws -> MailIntakeResult {
        var warnings = parsed.warnings
        let attachments = MailAttachments.uploads(
            parsed.attachments, original: raw, policy: service.attachmentPolicy, warnings: &warnings)
        if let ticket = try await threadedTicket(parsed, sender: sender), ticket.status != .closed {
            let reply = ReplyTrimmer.visibleReply(parsed.text)
            let body = MessageBody(text: MailAttachments.bodyText(reply, attachments: attachments))
            let (author, kind) = try await author(of: sender, on: ticket)
            let text = kind == .note && author == .system ? "\(Self.senderLine(parsed))\n\n\(body.text ?? "")" : body.text
            let (saved, message) = try await service.addMessage(
                AddMessage(
                    kind: kind, body: MessageBody(text: text), author: author, channel: .email,
                    attachments: attachments),
                to: ticket.id)
            return MailIntakeResult(
                outcome: .threaded, messageID: messageID, ticket: saved, message: message,
                automation: parsed.automation, warnings: warnings)
        }
        let mailbox = try await receivingMailbox(parsed, recipient: recipient)
        let subject = Self.subject(parsed.subject)
        let html = parsed.html.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let text = MailAttachments.bodyText(parsed.text, attachments: attachments)
        let ticket = try await service.open(
            OpenTicket(
                subject: subject, body: MessageBody(text: text, html: html),
                requester: .email(sender, name: parsed.from?.name, kind: nil), channel: .email,
                departmentID: mailbox?.departmentID, attachments: attachments),
            by: .system)
        return MailIntakeResult(
            outcome: .opened, messageID: messageID, ticket: ticket, message: nil, automation: parsed.automation,
            warnings: warnings)
    }

    /// The ticket a reply belongs to: by its threading headers (ids Balcão sent or received), else by `[#number]`
    /// in the subject when the sender is that ticket's requester — a number alone is guessable, so it never lets a
    /// stranger write into someone else's ticket.
    private func threadedTicket(_ parsed: ParsedMail, sender: EmailAddress) async throws -> Ticket? {
        let ids = parsed.inReplyTo + parsed.references.reversed()
        if !ids.isEmpty, let id = try await mail.ticketID(forMessageIDs: ids),
            let ticket = try await service.tickets.ticket(id)
        {
            return ticket
        }
        guard let number = SubjectTag.ticketNumber(in: parsed.subject),
            let ticket = try await service.tickets.ticket(number: number),
            let requester = try await service.directory.contact(ticket.requesterID), requester.emails.contains(sender)
        else { return nil }
        return ticket
    }

    /// The requester's mail is their public reply. Anyone else in the thread (a colleague in Cc, an agent writing
    /// from their mail client) is kept as an internal note, so nothing reaches the requester that an agent did
    /// not send from the desk.
    private func author(of sender: EmailAddress, on ticket: Ticket) async throws -> (Actor, Message.Kind) {
        if let requester = try await service.directory.contact(ticket.requesterID), requester.emails.contains(sender) {
            return (.contact(requester.id), .reply)
        }
        if let agent = try await service.directory.agent(email: sender), agent.isActive {
            return (.agent(agent.id), .note)
        }
        return (.system, .note)
    }

    private func receivingMailbox(_ parsed: ParsedMail, recipient: EmailAddress?) async throws -> Mailbox? {
        var candidates: [EmailAddress] = recipient.map { [$0] } ?? []
        candidates += (parsed.headers.all("Delivered-To") + parsed.headers.all("X-Original-To")).compactMap {
            EmailAddress($0.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")))
        }
        candidates += (parsed.to + parsed.cc).compactMap(\.email)
        for address in candidates {
            if let mailbox = try await mail.mailbox(address: address), mailbox.isActive { return mailbox }
        }
        return nil
    }

    private static func subject(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "(no subject)" : String(trimmed.prefix(OpenTicket.maxSubjectLength))
    }

    private static func senderLine(_ parsed: ParsedMail) -> String {
        let address = parsed.from?.address ?? ""
        if let name = parsed.from?.name, !name.isEmpty { return "From: \(name) <\(address)>" }
        return "From: \(address)"
    }

    /// A stable id for mail that came without a Message-ID, so its second delivery is still recognised.
    static func syntheticMessageID(_ raw: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in raw {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "no-message-id.\(String(hash, radix: 16)).\(raw.count)@balcao.invalid"
    }
}
