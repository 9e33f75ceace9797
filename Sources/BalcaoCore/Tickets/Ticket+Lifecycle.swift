import Foundation

extension Ticket {
    /// Applies checked changes and returns one event per field that really changed.
    ///
    /// Status rules: transitions follow `TicketStatus.allowedNextStatuses` (`closed` is final, reached from `solved`).
    /// `customFields` must already be checked against the department (see `TicketService`).
    public mutating func apply(
        _ changes: TicketChanges, customFields checked: [String: CustomFieldValue?] = [:], by actor: Actor, at now: Date
    ) throws(TicketError) -> [TicketEvent] {
        guard status != .closed else { throw TicketError.closed(number) }
        var events: [TicketEvent] = []
        func record(_ field: TicketEvent.Field, _ old: String?, _ new: String?) {
            if old != new {
                events.append(TicketEvent(ticketID: id, actor: actor, at: now, field: field, oldValue: old, newValue: new))
            }
        }

        if let subject = changes.subject {
            record(.subject, self.subject, subject)
            self.subject = subject
        }
        if let priority = changes.priority {
            record(.priority, self.priority.rawValue, priority.rawValue)
            self.priority = priority
        }
        if let type = changes.type {
            record(.type, self.type.rawValue, type.rawValue)
            self.type = type
        }
        let category = changes.category.applied(to: self.category)
        record(.category, self.category, category)
        self.category = category
        if let requesterID = changes.requesterID {
            record(.requester, self.requesterID.description, requesterID.description)
            self.requesterID = requesterID
        }
        let organizationID = changes.organizationID.applied(to: self.organizationID)
        record(.organization, self.organizationID?.description, organizationID?.description)
        self.organizationID = organizationID
        let departmentID = changes.departmentID.applied(to: self.departmentID)
        record(.department, self.departmentID?.description, departmentID?.description)
        self.departmentID = departmentID
        let assigneeID = changes.assigneeID.applied(to: self.assigneeID)
        record(.assignee, self.assigneeID?.description, assigneeID?.description)
        self.assigneeID = assigneeID
        let impact = changes.impact.applied(to: self.impact)
        record(.impact, self.impact?.rawValue, impact?.rawValue)
        self.impact = impact
        let urgency = changes.urgency.applied(to: self.urgency)
        record(.urgency, self.urgency?.rawValue, urgency?.rawValue)
        self.urgency = urgency
        if let tags = changes.tags.map(Tag.normalize) {
            record(.tags, self.tags.joined(separator: " "), tags.joined(separator: " "))
            self.tags = tags
        }
        for (key, value) in checked.sorted(by: { $0.key < $1.key }) {
            record(.customField(key), customFields[key]?.displayText, value?.displayText)
            customFields[key] = value
        }
        // A new ticket that gets an assignee is being worked on: it opens (as in Zendesk), unless a status was given.
        let status = changes.status ?? (self.status == .new && assigneeID != nil ? .open : nil)
        if let status {
            events += try move(to: status, by: actor, at: now)
        }
        if !events.isEmpty { updatedAt = now }
        return events
    }

    /// Moves to `next`, keeping the solved/closed timestamps in step. Returns the status event, if any.
    public mutating func move(to next: TicketStatus, by actor: Actor, at now: Date) throws(TicketError) -> [TicketEvent] {
        guard next != status else { return [] }
        guard status != .closed else { throw TicketError.closed(number) }
        guard status.canMove(to: next) else {
            throw TicketError.invalidTransition(from: status, to: next)
        }
        let event = TicketEvent(
            ticketID: id, actor: actor, at: now, field: .status, oldValue: status.rawValue, newValue: next.rawValue)
        switch next {
        case .solved: solvedAt = now
        case .closed: closedAt = now
        default: solvedAt = nil
        }
        status = next
        updatedAt = now
        return [event]
    }

    /// Adds a message to the conversation and applies what it implies:
    /// - the first public reply by an agent sets `firstResponseAt` and takes a `new` ticket to `open`;
    /// - a contact replying to a `pending` or `solved` ticket reopens it (a `new` ticket stays new until an agent acts) — `on_hold` stays on hold,
    ///   because the ticket waits on a third party, not on the requester;
    /// - only agents write internal notes; nothing is added to a closed ticket.
    public mutating func record(_ message: Message) throws(TicketError) -> [TicketEvent] {
        guard status != .closed else { throw TicketError.closed(number) }
        if message.kind == .note, case .contact = message.author { throw TicketError.noteByNonAgent }
        let field: TicketEvent.Field =
            switch message.kind {
            case .reply: .reply
            case .note: .note
            case .system: .systemMessage
            }
        var events = [
            TicketEvent(
                ticketID: id, actor: message.author, at: message.createdAt, field: field, oldValue: nil,
                newValue: message.id.description)
        ]
        updatedAt = message.createdAt
        guard message.kind == .reply else { return events }
        switch message.author {
        case .agent:
            if firstResponseAt == nil { firstResponseAt = message.createdAt }
            if status == .new { events += try move(to: .open, by: message.author, at: message.createdAt) }
        case .contact:
            if [.pending, .solved].contains(status) {
                events += try move(to: .open, by: message.author, at: message.createdAt)
            }
        case .system:
            break
        }
        return events
    }
}
