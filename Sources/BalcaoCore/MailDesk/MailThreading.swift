import Foundation

/// Finds the ticket a received mail answers, in the order that cannot be hijacked:
/// 0. for a bounce, the Message-ID of the mail that bounced (signed or stored);
/// 1. signed references in In-Reply-To/References (right-most first) — forged ones are ignored;
/// 2. any Message-ID Balcão stored for a ticket (mail it received or sent);
/// 3. a signed marker in the body (for providers that rewrite Message-IDs);
/// 4. `[#number]` in the subject, only from the ticket's requester or a participant.
/// A merged ticket hands the mail to the ticket it was merged into; a closed ticket takes no more mail.
struct MailThreading {
    let intake: MailIntake

    func ticket(for parsed: ParsedMail, sender: EmailAddress) async throws -> Ticket? {
        guard let found = try await candidate(for: parsed, sender: sender) else { return nil }
        let surviving = try await followMerges(from: found)
        return surviving.status == .closed ? nil : surviving
    }

    private func candidate(for parsed: ParsedMail, sender: EmailAddress) async throws -> Ticket? {
        let tickets = intake.service.tickets
        if let original = parsed.bounce?.originalMessageID {
            if let reference = MailReference.decode(original, signer: intake.signer),
                let ticket = try await tickets.ticket(number: reference.ticketNumber)
            {
                return ticket
            }
            if let id = try await intake.mail.ticketID(forMessageIDs: [original]), let ticket = try await tickets.ticket(id) {
                return ticket
            }
        }
        let ids = (parsed.inReplyTo + parsed.references).reversed().map { $0 }
        for id in ids {
            if let reference = MailReference.decode(id, signer: intake.signer),
                let ticket = try await tickets.ticket(number: reference.ticketNumber)
            {
                return ticket
            }
        }
        if let id = try await intake.mail.ticketID(forMessageIDs: parsed.inReplyTo + parsed.references.reversed()),
            let ticket = try await tickets.ticket(id)
        {
            return ticket
        }
        for reference in MailReference.markers(in: parsed.text + "\n" + (parsed.html ?? ""), signer: intake.signer) {
            if let ticket = try await tickets.ticket(number: reference.ticketNumber) { return ticket }
        }
        guard let number = SubjectTag.ticketNumber(in: parsed.subject),
            let ticket = try await tickets.ticket(number: number),
            try await isInConversation(sender, on: ticket)
        else { return nil }
        return ticket
    }

    /// The requester (any of their addresses) or a participant of the ticket.
    private func isInConversation(_ sender: EmailAddress, on ticket: Ticket) async throws -> Bool {
        if let requester = try await intake.service.directory.contact(ticket.requesterID),
            requester.emails.contains(sender)
        {
            return true
        }
        return try await intake.mail.participants(of: ticket.id).contains { $0.email == sender }
    }

    private func followMerges(from ticket: Ticket) async throws -> Ticket {
        var current = ticket
        for _ in 0..<5 where current.status == .closed {
            let events = try await intake.service.tickets.events(of: current.id)
            guard let target = events.last(where: { $0.field == .mergedInto })?.newValue.flatMap(TicketNumber.init),
                let next = try await intake.service.tickets.ticket(number: target)
            else { break }
            current = next
        }
        return current
    }
}
