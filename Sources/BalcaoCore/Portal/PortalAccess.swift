import Foundation

/// What one signed-in portal user may see and do. Pure rules: the portal pages and tests ask these, never the
/// templates.
public struct PortalAccess: Sendable, Hashable {
    public let contact: Contact
    public let settings: PortalSettings

    public init(contact: Contact, settings: PortalSettings) {
        self.contact = contact
        self.settings = settings
    }

    public var reader: PortalReader { .contact(contact.kind) }

    /// The desks a user can open a request with: employees the internal ones (IT, HR, finance, facilities),
    /// customers the external ones. Tier-2 teams are reached by escalation, never directly.
    public func departments(from all: [Department]) -> [Department] {
        let kind: Department.Kind = contact.kind == .employee ? .internal : .external
        return all.filter { $0.kind == kind && $0.tier == .first }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    /// Own requests always; the organization's when the desk shares them.
    public func canRead(_ ticket: Ticket) -> Bool {
        if ticket.requesterID == contact.id { return true }
        guard settings.showsOrganizationRequests, let organizationID = contact.organizationID else { return false }
        return ticket.organizationID == organizationID
    }

    /// Only the requester writes on a request: colleagues who can see it follow along.
    public func canReply(to ticket: Ticket, at now: Date) -> Bool {
        ticket.requesterID == contact.id && (ticket.status.isUnsolved || canReopen(ticket, at: now))
    }

    public func canMarkSolved(_ ticket: Ticket) -> Bool {
        ticket.requesterID == contact.id && ticket.status.isUnsolved
    }

    /// A solved request reopens within the desk's window; a closed one never does (a new request is opened).
    public func canReopen(_ ticket: Ticket, at now: Date) -> Bool {
        guard ticket.requesterID == contact.id, ticket.status == .solved, let solvedAt = ticket.solvedAt else {
            return false
        }
        return now < solvedAt.addingTimeInterval(TimeInterval(settings.reopenWindowDays) * 86400)
    }

    /// Satisfaction is asked once the request is solved, and may be changed afterwards.
    public func canRate(_ ticket: Ticket) -> Bool {
        ticket.requesterID == contact.id && !ticket.status.isUnsolved
    }

    /// The conversation a portal user sees: public replies only — never internal notes or system messages.
    public static func publicThread(_ messages: [Message]) -> [Message] {
        messages.filter { $0.kind == .reply }
    }
}
