import Foundation

/// What became of one received mail.
public struct MailIntakeResult: Sendable {
    public enum Outcome: String, Sendable, Codable {
        /// A new ticket was opened.
        case opened
        /// The mail was threaded onto an existing ticket.
        case threaded
        /// The same Message-ID (or, without one, the same content) was already stored; nothing was done.
        case duplicate
        /// Sent by one of the desk's own mailboxes (a copy of our mail, a forwarding loop): not stored.
        case ignored
        /// Held for an admin (unreadable sender, too large): see `MailStore.quarantined`.
        case quarantined
    }

    public let outcome: Outcome
    public let messageID: String
    public let ticket: Ticket?
    public let message: Message?
    /// Why no auto-response may answer this mail (auto-replies, bulk mail, bounces), nil for a person's mail.
    public let automation: AutomatedMail?
    /// Parts of the mail that could not be read or were left out (attachments over the limit), or why it was held.
    public let warnings: [String]

    static func nothing(_ outcome: Outcome, _ messageID: String, _ parsed: ParsedMail?, _ warnings: [String] = [])
        -> MailIntakeResult
    {
        MailIntakeResult(
            outcome: outcome, messageID: messageID, ticket: nil, message: nil, automation: parsed?.automation,
            warnings: warnings)
    }
}

/// Turns received mail into tickets and replies (see docs/email.md for the rules, in order): size and sender checks
/// (else quarantine), de-duplication by Message-ID, threading by signed references, stored Message-IDs, the body
/// marker and — for the requester and participants only — `[#number]`; quoted history trimmed, the original kept as
/// `original.eml`; automatic mail stored as a note that changes nothing and is never answered.
public struct MailIntake: Sendable {
    let service: TicketService
    let mail: any MailStore
    let notifier: MailNotifier?
    let signer: any MailSigner
    /// Larger mail is quarantined (and its sender told once).
    let maxMailBytes: Int
    /// How long a permanent bounce stops mail to an address.
    let undeliverableFor: TimeInterval

    public init(
        service: TicketService, mail: any MailStore, notifier: MailNotifier?, signer: any MailSigner,
        maxMailBytes: Int? = nil, undeliverableFor: TimeInterval = RecipientRules.undeliverableFor
    ) {
        self.service = service
        self.mail = mail
        self.notifier = notifier
        self.signer = signer
        self.maxMailBytes = maxMailBytes ?? service.attachmentPolicy.maxBytes * 2 + 1_048_576
        self.undeliverableFor = undeliverableFor
    }

    /// Processes one raw message. `recipient` is the address it was delivered to (the MTA's envelope recipient or
    /// the polled mailbox); without it the Delivered-To/To/Cc headers are matched against the mailboxes.
    /// `force` (an admin's "create ticket anyway") skips the size check and accepts a mail without a readable sender.
    public func receive(_ raw: Data, recipient: EmailAddress?, force: Bool = false) async throws -> MailIntakeResult {
        let now = service.clock.now
        if raw.count > maxMailBytes && !force {
            let reason = "larger than \(Self.sizeText(maxMailBytes))"
            let parsed = MIMEParser.parse(Array(raw.prefix(256 * 1024)))
            try await hold(raw, parsed: parsed, recipient: recipient, reason: reason, at: now)
            if let sender = parsed.from?.email, parsed.automation == nil {
                try await notifier?.mailTooLarge(to: sender, subject: parsed.subject, limit: maxMailBytes)
            }
            return .nothing(.quarantined, parsed.messageID ?? "", parsed, [reason])
        }
        let parsed = MIMEParser.parse(Array(raw))
        guard let sender = parsed.from?.email ?? (force ? Self.fallbackSender(parsed) : nil) else {
            let reason = "no readable From address"
            try await hold(raw, parsed: parsed, recipient: recipient, reason: reason, at: now)
            return .nothing(.quarantined, parsed.messageID ?? "", parsed, [reason])
        }
        let messageID = parsed.messageID ?? Self.syntheticMessageID(parsed)
        if try await mail.mailbox(address: sender) != nil {
            return .nothing(.ignored, messageID, parsed, ["sent from the desk's own mailbox \(sender)"])
        }
        guard try await mail.claimInbound(messageID: messageID, at: now) else {
            return .nothing(.duplicate, messageID, parsed)
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
        let mailboxes = try await mail.mailboxes()
        let deskAddresses = Set(mailboxes.map(\.address))
        if let bounce = parsed.bounce, bounce.isPermanent {
            try await recordUndeliverable(bounce, warnings: &warnings)
        }
        if let ticket = try await MailThreading(intake: self).ticket(for: parsed, sender: sender) {
            let (saved, message) = try await addReply(
                parsed, to: ticket, sender: sender, attachments: attachments, deskAddresses: deskAddresses)
            return MailIntakeResult(
                outcome: .threaded, messageID: messageID, ticket: saved, message: message,
                automation: parsed.automation, warnings: warnings)
        }
        let mailbox = try await receivingMailbox(parsed, recipient: recipient, among: mailboxes)
        let html = parsed.html.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let text = MailAttachments.bodyText(parsed.text, attachments: attachments)
        let ticket = try await service.open(
            OpenTicket(
                subject: Self.subject(parsed.subject), body: MessageBody(text: text, html: html),
                requester: .email(sender, name: parsed.from?.name, kind: nil), channel: .email,
                departmentID: mailbox?.departmentID, attachments: attachments),
            by: .system)
        if let mailbox { try await mail.setMailbox(mailbox.id, for: ticket.id) }
        if parsed.automation?.isMachineSent != true {
            try await mail.addParticipants(
                Self.copied(parsed, except: deskAddresses.union([sender])), to: ticket.id)
        }
        return MailIntakeResult(
            outcome: .opened, messageID: messageID, ticket: ticket, message: nil, automation: parsed.automation,
            warnings: warnings)
    }

    /// The requester's mail is their public reply (and may copy in more participants). Automatic mail (an
    /// out-of-office, a bounce) and anyone else in the thread — a participant, an agent writing from their mail
    /// client — are kept as internal notes, which change no status and reach no customer.
    private func addReply(
        _ parsed: ParsedMail, to ticket: Ticket, sender: EmailAddress, attachments: [AttachmentUpload],
        deskAddresses: Set<EmailAddress>
    ) async throws -> (Ticket, Message) {
        let reply = MailAttachments.bodyText(ReplyTrimmer.visibleReply(parsed.text), attachments: attachments)
        let requester = try await service.directory.contact(ticket.requesterID)
        let isRequester = requester?.emails.contains(sender) == true
        let author: Actor
        let kind: Message.Kind
        var text = reply
        // Any automation signal stops auto-responses; only mail a machine sent is kept out of the conversation
        // (Outlook puts X-Auto-Response-Suppress on mail people write, and their replies must stay replies).
        if let automation = parsed.automation, automation.isMachineSent {
            (author, kind) = (.system, .note)
            text = "\(Self.senderLine(parsed)) — \(Self.describe(automation))\n\n\(reply)"
        } else if isRequester, let requester {
            (author, kind) = (.contact(requester.id), .reply)
            try await mail.addParticipants(Self.copied(parsed, except: deskAddresses.union([sender])), to: ticket.id)
        } else if let agent = try await service.directory.agent(email: sender), agent.isActive {
            (author, kind) = (.agent(agent.id), .note)
        } else {
            (author, kind) = (.system, .note)
            text = "\(Self.senderLine(parsed))\n\n\(reply)"
        }
        return try await service.addMessage(
            AddMessage(kind: kind, body: MessageBody(text: text), author: author, channel: .email, attachments: attachments),
            to: ticket.id)
    }

    /// A permanent bounce stops mail to its failed addresses for `undeliverableFor`.
    private func recordUndeliverable(_ bounce: BounceReport, warnings: inout [String]) async throws {
        let now = service.clock.now
        for address in bounce.failedRecipients.compactMap(EmailAddress.init) {
            try await mail.markUndeliverable(
                address.value, until: now.addingTimeInterval(undeliverableFor),
                reason: bounce.diagnostic ?? "permanent delivery failure", at: now)
            warnings.append("\(address) marked undeliverable")
        }
    }

    private func hold(_ raw: Data, parsed: ParsedMail, recipient: EmailAddress?, reason: String, at now: Date)
        async throws
    {
        let mailbox = try await recipient.asyncFlatMap { try await mail.mailbox(address: $0) }
        try await mail.quarantine(
            QuarantinedMail(
                mailboxID: mailbox?.id, recipient: recipient, sender: parsed.from?.address ?? parsed.headers["From"],
                subject: Self.subject(parsed.subject), reason: reason, raw: raw, receivedAt: now))
    }

    private func receivingMailbox(_ parsed: ParsedMail, recipient: EmailAddress?, among mailboxes: [Mailbox])
        async throws -> Mailbox?
    {
        var candidates: [EmailAddress] = recipient.map { [$0] } ?? []
        candidates += (parsed.headers.all("Delivered-To") + parsed.headers.all("X-Original-To")).compactMap {
            EmailAddress($0.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")))
        }
        candidates += (parsed.to + parsed.cc).compactMap(\.email)
        for address in candidates {
            if let mailbox = mailboxes.first(where: { $0.address == address && $0.isActive }) { return mailbox }
        }
        return nil
    }

    /// Everyone else the mail was addressed to: they become participants of its ticket.
    static func copied(_ parsed: ParsedMail, except excluded: Set<EmailAddress>) -> [MailAddress] {
        var seen = excluded
        return (parsed.to + parsed.cc).filter { address in
            guard let email = address.email, !RecipientRules.isUnmailable(email.value) else { return false }
            return seen.insert(email).inserted
        }.prefix(20).map { $0 }
    }

    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : "\(bytes / 1024) KB"
    }

    static func subject(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "(no subject)" : String(trimmed.prefix(OpenTicket.maxSubjectLength))
    }

    private static func senderLine(_ parsed: ParsedMail) -> String {
        let address = parsed.from?.address ?? ""
        if let name = parsed.from?.name, !name.isEmpty { return "From: \(name) <\(address)>" }
        return "From: \(address)"
    }

    private static func describe(_ automation: AutomatedMail) -> String {
        switch automation {
        case .bounce: "delivery failure report"
        case .autoReply: "automatic reply"
        case .mailingList: "mailing list"
        case .bulk(let value): "bulk mail (\(value))"
        case .autoSubmitted(let value): "automatic mail (\(value))"
        case .loop: "mail loop detected"
        case .autoResponseSuppressed: "automatic mail"
        }
    }

    /// For an admin's "create ticket anyway" on mail without a readable From: Reply-To or Sender, else a placeholder.
    static func fallbackSender(_ parsed: ParsedMail) -> EmailAddress? {
        parsed.replyTo.first?.email
            ?? parsed.headers["Sender"].flatMap { MailAddress.parseList($0).first?.email }
            ?? EmailAddress("unknown-sender@balcao.invalid")
    }

    /// A stable id for mail that came without a Message-ID, from what every copy shares (sender, recipients,
    /// subject, date, body) — not the whole bytes, which differ per delivery (Received, Delivered-To).
    static func syntheticMessageID(_ parsed: ParsedMail) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        let fields = [
            parsed.from?.address ?? "", (parsed.to + parsed.cc).map(\.address).joined(separator: ","), parsed.subject,
            parsed.date.map { String($0.timeIntervalSince1970) } ?? parsed.headers["Date"] ?? "", parsed.text,
        ]
        for byte in fields.joined(separator: "\u{1}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "no-message-id.\(String(hash, radix: 16))@balcao.invalid"
    }
}
