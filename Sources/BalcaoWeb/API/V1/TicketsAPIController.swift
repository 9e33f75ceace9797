import BalcaoCore
import Foundation
import Vapor

/// `/api/v1/tickets`: open, read, change and list tickets; their conversation and history.
struct TicketsAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let tickets = routes.grouped("tickets")
        tickets.post(use: open)
        tickets.get(use: list)
        let ticket = tickets.grouped(":ticketID")
        ticket.get(use: show)
        ticket.patch(use: update)
        ticket.get("messages", use: messages)
        ticket.on(.POST, "messages", body: .collect(maxSize: bodyLimit), use: addMessage)
        ticket.get("events", use: events)
    }

    private var bodyLimit: ByteCount {
        ByteCount(value: services.config.storage.maxAttachmentBytes * 2 + 1024 * 1024)
    }

    @Sendable func open(req: Request) async throws -> Response {
        let command = try req.content.decode(OpenTicketRequest.self).command()
        let ticket = try await services.tickets.open(command, by: .agent(try req.agent.id))
        return try await created(TicketDTO(ticket, now: services.clock.now), at: "tickets/\(ticket.id)", for: req)
    }

    @Sendable func show(req: Request) async throws -> TicketDTO {
        TicketDTO(try await ticket(for: req), now: services.clock.now)
    }

    @Sendable func update(req: Request) async throws -> TicketDTO {
        let changes = try req.content.decode(UpdateTicketRequest.self).changes
        let id = try await ticket(for: req).id
        return TicketDTO(try await services.tickets.update(id, changes, by: .agent(try req.agent.id)), now: services.clock.now)
    }

    @Sendable func list(req: Request) async throws -> TicketPageDTO {
        let query = try TicketListParameters.query(from: req.query)
        let page = try await services.ticketStore.tickets(query)
        return TicketPageDTO(data: page.tickets.map { TicketDTO($0, now: services.clock.now) }, nextCursor: page.next?.token)
    }

    @Sendable func messages(req: Request) async throws -> ListDTO<MessageDTO> {
        let id = try await ticket(for: req).id
        return ListDTO(data: try await services.ticketStore.messages(of: id).map(MessageDTO.init))
    }

    @Sendable func addMessage(req: Request) async throws -> Response {
        let command = try req.content.decode(AddMessageRequest.self).command(by: try req.agent)
        let id = try await ticket(for: req).id
        let (_, message) = try await services.tickets.addMessage(command, to: id)
        return try await MessageDTO(message).encodeResponse(status: .created, for: req)
    }

    @Sendable func events(req: Request) async throws -> ListDTO<TicketEventDTO> {
        let id = try await ticket(for: req).id
        return ListDTO(data: try await services.ticketStore.events(of: id).map(TicketEventDTO.init))
    }

    /// The ticket named in the path, by UUID or by number (`/tickets/1042`).
    func ticket(for req: Request) async throws -> Ticket {
        let raw = try req.parameters.require("ticketID")
        if let id = Ticket.ID(raw) {
            guard let ticket = try await services.ticketStore.ticket(id) else { throw TicketError.notFound(id) }
            return ticket
        }
        if let number = TicketNumber(raw) {
            guard let ticket = try await services.ticketStore.ticket(number: number) else {
                throw TicketError.numberNotFound(number)
            }
            return ticket
        }
        throw Abort(.notFound, reason: "\(raw) is neither a ticket id nor a ticket number")
    }
}
