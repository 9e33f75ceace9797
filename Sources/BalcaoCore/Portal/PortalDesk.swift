import Foundation

/// The requests side of the portal for one signed-in user: the desks they may ask, their requests, the public
/// thread, and what they may do to a request. Every call checks `PortalAccess` first; a request the user may not
/// see is `requestNotFound`, the same as one that does not exist.
public struct PortalDesk: Sendable {
    let service: TicketService
    let tickets: any TicketStore
    let directory: any DirectoryStore
    let ratings: any SatisfactionStore
    let clock: any Clock

    public init(
        service: TicketService, tickets: any TicketStore, directory: any DirectoryStore,
        ratings: any SatisfactionStore, clock: any Clock
    ) {
        self.service = service
        self.tickets = tickets
        self.directory = directory
        self.ratings = ratings
        self.clock = clock
    }

    /// A new request as the portal form sends it.
    public struct NewRequest: Sendable {
        public var departmentID: Department.ID
        public var subject: String
        public var body: String
        public var customFields: [String: CustomFieldInput]
        public var attachments: [AttachmentUpload]
        public init(
            departmentID: Department.ID, subject: String, body: String, customFields: [String: CustomFieldInput] = [:],
            attachments: [AttachmentUpload] = []
        ) {
            self.departmentID = departmentID
            self.subject = subject
            self.body = body
            self.customFields = customFields
            self.attachments = attachments
        }
    }

    /// Whose requests a list shows.
    public enum Scope: String, Sendable, CaseIterable {
        case mine, organization
    }

    /// A request as its requester (or a colleague) sees it.
    public struct RequestView: Sendable {
        public let ticket: Ticket
        public let department: Department?
        public let thread: [Message]
        public let rating: SatisfactionRating?
        public let canReply: Bool
        public let canMarkSolved: Bool
        public let canReopen: Bool
        public let canRate: Bool
    }

    public func departments(for access: PortalAccess) async throws -> [Department] {
        access.departments(from: try await directory.departments(.everything))
    }

    public func requests(for access: PortalAccess, scope: Scope, after cursor: TicketCursor? = nil, limit: Int = 25)
        async throws -> TicketPage
    {
        var query = TicketQuery()
        switch scope {
        case .mine:
            query.requesterID = access.contact.id
        case .organization:
            guard access.settings.showsOrganizationRequests, let organizationID = access.contact.organizationID else {
                return TicketPage(tickets: [], next: nil)
            }
            query.organizationID = organizationID
        }
        query.sort = .updatedAt
        query.limit = limit
        query.after = cursor
        return try await tickets.tickets(query)
    }

    public func open(_ request: NewRequest, for access: PortalAccess) async throws -> Ticket {
        guard let department = try await departments(for: access).first(where: { $0.id == request.departmentID })
        else { throw PortalError.departmentNotAvailable }
        // The portal form is where the requester can give what the department needs, so its required fields are
        // required here (mail and chat cannot ask, so the lifecycle only requires them to solve).
        var collector = ValidationCollector()
        for definition in department.customFields where definition.isRequired {
            switch request.customFields[definition.key] {
            case nil, .null: collector.add("customFields.\(definition.key)", "is required")
            case .string(let text) where text.trimmingCharacters(in: .whitespaces).isEmpty:
                collector.add("customFields.\(definition.key)", "is required")
            default: break
            }
        }
        try collector.check()
        return try await service.open(
            OpenTicket(
                subject: request.subject, body: MessageBody(text: request.body), requester: .id(access.contact.id),
                channel: .portal, departmentID: department.id, customFields: request.customFields,
                attachments: request.attachments),
            by: .contact(access.contact.id))
    }

    public func request(_ number: TicketNumber, for access: PortalAccess) async throws -> RequestView {
        let ticket = try await visibleTicket(number, for: access)
        let now = clock.now
        async let messages = tickets.messages(of: ticket.id)
        async let rating = ratings.rating(of: ticket.id)
        async let department = ticket.departmentID.asyncFlatMap { try await directory.department($0) }
        return RequestView(
            ticket: ticket, department: try await department, thread: PortalAccess.publicThread(try await messages),
            rating: try await rating, canReply: access.canReply(to: ticket, at: now),
            canMarkSolved: access.canMarkSolved(ticket), canReopen: access.canReopen(ticket, at: now),
            canRate: access.canRate(ticket))
    }

    /// An attachment of a public reply on a request the user may read; nil otherwise.
    public func attachment(_ id: Attachment.ID, on number: TicketNumber, for access: PortalAccess) async throws
        -> Attachment?
    {
        let ticket = try await visibleTicket(number, for: access)
        guard let found = try await tickets.attachment(id), found.ticket == ticket.id else { return nil }
        let thread = PortalAccess.publicThread(try await tickets.messages(of: ticket.id))
        return thread.contains { $0.id == found.message } ? found.attachment : nil
    }

    /// A public reply from the requester; on a solved request (within the window) it reopens it.
    public func reply(
        to number: TicketNumber, body: String, attachments: [AttachmentUpload], for access: PortalAccess
    ) async throws -> Ticket {
        let ticket = try await visibleTicket(number, for: access)
        guard access.canReply(to: ticket, at: clock.now) else { throw PortalError.notAllowed }
        return try await service.addMessage(
            AddMessage(
                kind: .reply, body: MessageBody(text: body), author: .contact(access.contact.id), channel: .portal,
                attachments: attachments),
            to: ticket.id
        ).0
    }

    public func markSolved(_ number: TicketNumber, for access: PortalAccess) async throws -> Ticket {
        let ticket = try await visibleTicket(number, for: access)
        guard access.canMarkSolved(ticket) else { throw PortalError.notAllowed }
        return try await service.markSolved(ticket.id, byRequester: access.contact.id)
    }

    public func reopen(_ number: TicketNumber, for access: PortalAccess) async throws -> Ticket {
        let ticket = try await visibleTicket(number, for: access)
        guard access.canReopen(ticket, at: clock.now) else { throw PortalError.notAllowed }
        return try await service.reopen(ticket.id, byRequester: access.contact.id)
    }

    /// Good or bad, with an optional comment; rating again replaces the verdict (and the history shows both).
    public func rate(
        _ number: TicketNumber, score: SatisfactionRating.Score, comment: String?, for access: PortalAccess
    ) async throws -> SatisfactionRating {
        let ticket = try await visibleTicket(number, for: access)
        guard access.canRate(ticket) else { throw PortalError.notAllowed }
        var collector = ValidationCollector()
        collector.limit(comment, field: "comment", maxLength: SatisfactionRating.maxCommentLength)
        try collector.check()
        let previous = try await ratings.rating(of: ticket.id)
        let trimmed = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        let rating = SatisfactionRating(
            ticketID: ticket.id, contactID: access.contact.id, score: score,
            comment: trimmed?.isEmpty == false ? trimmed : nil, ratedAt: clock.now)
        try await ratings.save(rating)
        if previous?.score != score {
            _ = try await service.recordSatisfaction(ticket.id, old: previous?.score, new: score, by: access.contact.id)
        }
        return rating
    }

    private func visibleTicket(_ number: TicketNumber, for access: PortalAccess) async throws -> Ticket {
        guard let ticket = try await tickets.ticket(number: number), access.canRead(ticket) else {
            throw PortalError.requestNotFound
        }
        return ticket
    }
}
