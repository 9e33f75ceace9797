import Foundation

extension TicketEvent.Field {
    /// A ticket was escalated to its department's tier-2 team: old = the source department's id, new = the reason.
    public static let escalation = TicketEvent.Field(rawValue: "escalation")
    /// Another ticket was merged into this one: new = the merged ticket's number (`#1042`).
    public static let mergedFrom = TicketEvent.Field(rawValue: "merged_from")
    /// This ticket was merged into another and closed: new = the surviving ticket's number (`#1042`).
    public static let mergedInto = TicketEvent.Field(rawValue: "merged_into")
}

/// Tier-1 → tier-2 escalation and merging duplicate tickets.
extension TicketService {
    /// Upper bound for an escalation reason, in characters.
    public static let maxEscalationReasonLength = 2_000

    /// Escalates a ticket to the tier-2 team its department escalates to (`Department.escalationTargetID`).
    ///
    /// The ticket moves to the target department; its assignee stays only when they are active and work there
    /// (`Agent.canWork(in:)`), otherwise it is unassigned for the tier-2 team to pick up. A `new`, `pending` or
    /// `on_hold` ticket becomes `open`: the tier-2 team must act now. The reason is required and recorded twice: as
    /// an internal note by `agent` (so it reads in the conversation) and as an `escalation` event (so it shows in the
    /// history next to the department change). Custom-field values are kept as they are.
    ///
    /// - Throws: `ValidationError` on `reason` (blank or longer than 2000 characters) or on `departmentId` (the
    ///   ticket has no department, or its department has no escalation target); `TicketError.closed` for a closed
    ///   ticket; `TicketError.notFound` / `.concurrentUpdate` as any change.
    public func escalate(_ id: Ticket.ID, reason: String, by agent: Agent) async throws -> Ticket {
        try await escalate(id, reason: reason, as: .agent(agent.id))
    }

    /// Escalation by any actor: an agent, or Balcão itself when an SLA policy escalates on breach.
    public func escalate(_ id: Ticket.ID, reason: String, as actor: Actor) async throws -> Ticket {
        var collector = ValidationCollector()
        collector.requireText(reason, field: "reason", maxLength: Self.maxEscalationReasonLength)
        try collector.check()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = MessageBody(text: reason).normalized()!  // not blank: checked above

        return try await withRetries(id) { ticket in
            guard ticket.status != .closed else { throw TicketError.closed(ticket.number) }
            guard let sourceID = ticket.departmentID else {
                throw ValidationError(field: "departmentId", "the ticket has no department")
            }
            guard let source = try await directory.department(sourceID), let targetID = source.escalationTargetID,
                let target = try await directory.department(targetID)
            else {
                throw ValidationError(
                    field: "departmentId", "the ticket's department has no tier-2 team to escalate to")
            }

            var changes = TicketChanges()
            changes.departmentID = .set(target.id)
            if let assigneeID = ticket.assigneeID {
                let assignee = try await directory.agent(assigneeID)
                if assignee.map({ !$0.isActive || !$0.canWork(in: target.id) }) ?? true { changes.assigneeID = .clear }
            }
            if [.new, .pending, .onHold].contains(ticket.status) { changes.status = .open }

            let now = clock.now
            let note = Message(
                ticketID: ticket.id, kind: .note, author: actor, channel: .web, text: body.text, html: body.html,
                createdAt: now)
            let escalation = TicketEvent(
                ticketID: ticket.id, actor: actor, at: now, field: .escalation, oldValue: source.id.description,
                newValue: reason)
            var events = [escalation]
            events += try ticket.apply(changes, by: actor, at: now)
            events += try ticket.record(note)
            return ([note], events)
        }
    }

    /// Merges a duplicate ticket (`sourceID`) into the one that carries on (`targetID`) and returns the target.
    ///
    /// The target gets an internal note by `agent` that quotes the source — `#<number> — <subject>` and the text of
    /// its first message — and carries every attachment of the source's conversation (same stored bytes, new
    /// attachment ids), plus a `merged_from` event. The source gets a system message "Merged into #<number>" and a
    /// `merged_into` event, and is solved (unless it already is) and closed. Required custom fields are not
    /// demanded of the source: it is closed as a duplicate, not solved on its own.
    ///
    /// The two tickets are saved in **two separate transactions**, target first. If the second save fails (a crash,
    /// a lost connection, or the source changing concurrently more often than retried), the target already has
    /// the note and the `merged_from` event while the source is still open and unchanged. Retrying the merge is
    /// safe: the source is still open, so it is accepted again, and a target that already has a `merged_from` event
    /// for this source gets no second note — only the source is closed. (Should someone close the source by hand in
    /// between, a retry is refused as for any closed ticket, and the target keeps the note.)
    ///
    /// - Throws: `ValidationError` on `target` when both ids are the same; `TicketError.closed` when either ticket is
    ///   closed; `TicketError.notFound` when either does not exist; `TicketError.concurrentUpdate` as any change.
    public func merge(_ sourceID: Ticket.ID, into targetID: Ticket.ID, by agent: Agent) async throws -> Ticket {
        guard sourceID != targetID else {
            throw ValidationError(field: "target", "a ticket cannot be merged into itself")
        }
        guard let source = try await tickets.ticket(sourceID) else { throw TicketError.notFound(sourceID) }
        guard source.status != .closed else { throw TicketError.closed(source.number) }
        let actor = Actor.agent(agent.id)
        let quoted = try await tickets.messages(of: sourceID)
        let note = Self.mergeNote(for: source, conversation: quoted)
        let mergedFrom = source.number.description

        let target = try await withRetries(targetID) { target in
            guard target.status != .closed else { throw TicketError.closed(target.number) }
            // Read after the ticket was loaded: a merge saved in between makes our save stale, and the retry sees it.
            let history = try await tickets.events(of: target.id)
            if history.contains(where: { $0.field == .mergedFrom && $0.newValue == mergedFrom }) { return ([], []) }
            let now = clock.now
            let message = Message(
                ticketID: target.id, kind: .note, author: actor, channel: .web, text: note.text, html: note.html,
                attachments: note.attachments.map {
                    Attachment(filename: $0.filename, contentType: $0.contentType, size: $0.size, sha256: $0.sha256)
                },
                createdAt: now)
            var events = try target.record(message)
            events.append(
                TicketEvent(
                    ticketID: target.id, actor: actor, at: now, field: .mergedFrom, oldValue: nil,
                    newValue: mergedFrom))
            return ([message], events)
        }

        // Second transaction: see the doc comment for what a failure here leaves behind.
        _ = try await withRetries(sourceID) { source in
            guard source.status != .closed else { throw TicketError.closed(source.number) }
            let now = clock.now
            let text = "Merged into #\(target.number.value)"
            let body = MessageBody(text: text).normalized()!
            let message = Message(
                ticketID: source.id, kind: .system, author: actor, channel: .web, text: body.text, html: body.html,
                createdAt: now)
            var events = try source.record(message)
            events.append(
                TicketEvent(
                    ticketID: source.id, actor: actor, at: now, field: .mergedInto, oldValue: nil,
                    newValue: target.number.description))
            if source.status != .solved { events += try source.move(to: .solved, by: actor, at: now) }
            events += try source.move(to: .closed, by: actor, at: now)
            return ([message], events)
        }
        return target
    }

    /// The note a merge adds to the target: the source's number, subject and first message, and the attachments of
    /// its whole conversation (the source is closed afterwards, so its files must be reachable from the target).
    static func mergeNote(
        for source: Ticket, conversation: [Message]
    ) -> (text: String, html: String, attachments: [Attachment]) {
        var text = "#\(source.number.value) — \(source.subject)"
        if let first = conversation.first { text += "\n\n\(first.text)" }
        let body = MessageBody(text: text).normalized()!  // never blank: it starts with the number
        return (body.text, body.html, conversation.flatMap(\.attachments))
    }
}
