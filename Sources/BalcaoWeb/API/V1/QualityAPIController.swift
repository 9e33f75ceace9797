import BalcaoCore
import Foundation
import Vapor

/// `/api/v1`: the complaint taxonomy, a ticket's recurrence, incident histories and problem records. Any agent
/// reads; admins change the taxonomy (checked in the domain).
struct QualityAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get("quality", "taxonomy") { _ in ComplaintTaxonomyDTO(try await services.quality.taxonomy()) }
        routes.put("quality", "taxonomy", use: saveTaxonomy)
        routes.get("tickets", ":ticketID", "recurrence", use: recurrence)
        routes.get("quality", "report", use: report)
        routes.get("contacts", ":contactID", "history") { req in
            try await history(.contact(try req.id("contactID", as: Contact.ID.self)))
        }
        routes.get("organizations", ":organizationID", "history") { req in
            try await history(.organization(try req.id("organizationID", as: Organization.ID.self)))
        }
        let problems = routes.grouped("problems")
        problems.get(use: listProblems)
        problems.post(use: createProblem)
        problems.get(":problemID") { req in ProblemDTO(try await problem(req), tickets: try await linked(req)) }
        problems.patch(":problemID", use: updateProblem)
        problems.post(":problemID", "solve", use: solveProblem)
        routes.put("tickets", ":ticketID", "problem", use: linkProblem)
        routes.delete("tickets", ":ticketID", "problem", use: unlinkProblem)
    }

    @Sendable func saveTaxonomy(req: Request) async throws -> ComplaintTaxonomyDTO {
        let body = try req.content.decode(ComplaintTaxonomyDTO.self)
        try await services.quality.save(body.taxonomy, by: try req.agent)
        return ComplaintTaxonomyDTO(try await services.quality.taxonomy())
    }

    /// `?days=30` (1–366); `?format=csv` for the same table as a CSV file.
    @Sendable func report(req: Request) async throws -> Response {
        let rows = try await QualityReportRows.load(services, days: try QualityReportRows.days(req))
        if (try? req.query.get(String.self, at: "format")) == "csv" { return rows.csv.response }
        return try await rows.encodeResponse(for: req)
    }

    @Sendable func recurrence(req: Request) async throws -> RecurrenceDTO {
        let ticket = try await TicketsAPIController(services: services).ticket(for: req)
        let taxonomy = try await services.quality.taxonomy()
        return RecurrenceDTO(
            category: ticket.category, label: taxonomy.label(of: ticket.category),
            windows: try await services.quality.recurrence(of: ticket, in: taxonomy))
    }

    private func history(_ owner: QualityService.HistoryOwner) async throws -> IncidentHistoryDTO {
        switch owner {
        case .contact(let id):
            guard try await services.directory.contact(id) != nil else { throw DirectoryError.contactNotFound(id) }
        case .organization(let id):
            guard try await services.directory.organization(id) != nil else {
                throw DirectoryError.organizationNotFound(id)
            }
        }
        return IncidentHistoryDTO(try await services.quality.history(of: owner))
    }

    @Sendable func listProblems(req: Request) async throws -> ListDTO<ProblemDTO> {
        var status: ProblemRecord.Status?
        if let raw = try? req.query.get(String.self, at: "status") {
            guard let parsed = ProblemRecord.Status(rawValue: raw) else {
                throw ValidationError(field: "status", "must be investigating, known_error or solved")
            }
            status = parsed
        }
        let counts = try await services.problems.linkCounts()
        return ListDTO(data: try await services.problems.problems(status: status).map {
            ProblemDTO($0, linkedTickets: counts[$0.id] ?? 0)
        })
    }

    @Sendable func createProblem(req: Request) async throws -> Response {
        let body = try req.content.decode(ProblemRequest.self)
        let agent = try req.agent
        let problem = try await services.problems.open(body.draft(by: agent.id, at: services.clock.now), by: agent)
        return try await ProblemDTO(problem, linkedTickets: 0).encodeResponse(status: .created, for: req)
    }

    @Sendable func updateProblem(req: Request) async throws -> ProblemDTO {
        let current = try await problem(req)
        let body = try req.content.decode(ProblemRequest.self)
        let updated = try await services.problems.update(current.id, with: body.draft(over: current), by: try req.agent)
        return ProblemDTO(updated, tickets: try await linked(req))
    }

    @Sendable func solveProblem(req: Request) async throws -> ProblemDTO {
        let current = try await problem(req)
        let message = try req.content.decode(ProblemSolveRequest.self).message
        _ = try await services.problems.solve(current.id, message: message, by: try req.agent)
        return ProblemDTO(try await problem(req), tickets: try await linked(req))
    }

    @Sendable func linkProblem(req: Request) async throws -> HTTPStatus {
        let ticket = try await TicketsAPIController(services: services).ticket(for: req)
        let body = try req.content.decode(ProblemLinkRequest.self)
        try await services.problems.link(ticket.id, to: ProblemRecord.ID(rawValue: body.problemId), by: try req.agent)
        return .noContent
    }

    @Sendable func unlinkProblem(req: Request) async throws -> HTTPStatus {
        let ticket = try await TicketsAPIController(services: services).ticket(for: req)
        try await services.problems.unlink(ticket.id, by: try req.agent)
        return .noContent
    }

    private func problem(_ req: Request) async throws -> ProblemRecord {
        let id = try req.id("problemID", as: ProblemRecord.ID.self)
        guard let problem = try await services.problems.problem(id) else { throw ProblemError.notFound(id) }
        return problem
    }

    private func linked(_ req: Request) async throws -> [Ticket] {
        try await services.problems.tickets(of: try req.id("problemID", as: ProblemRecord.ID.self))
    }
}
