import BalcaoCore
import Vapor

/// `/agent/problems`: problem records — list, record one (from a ticket), edit root cause and workaround, link and
/// unlink tickets, solve (answers every linked request). Any agent; the rules live in `ProblemService`.
struct ProblemPagesController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let problems = routes.grouped("problems")
        problems.get(use: list)
        problems.get("new", use: new)
        problems.post(use: create)
        problems.get(":problemID", use: show)
        problems.post(":problemID", use: save)
        problems.post(":problemID", "solve", use: solve)
        problems.post(":problemID", "unlink", ":number", use: unlink)
        routes.post("tickets", ":number", "problem", use: link)
    }

    struct Row: Encodable {
        let id: String
        let title: String
        let status: String
        let statusLabel: String
        let category: String
        let linked: Int
        let created: String
    }

    struct ListContext: Encodable {
        let layout: LayoutContext
        let rows: [Row]
        let filters: [SelectOption]
    }

    struct TicketLine: Encodable {
        let number: Int
        let subject: String
        let statusLabel: String
    }

    struct ProblemContext: Encodable {
        let layout: LayoutContext
        /// Nil on the "record a problem" form.
        let id: String?
        let title: String
        let category: String
        let rootCause: String
        let workaround: String
        let status: String
        let statusLabel: String
        let statuses: [SelectOption]
        let categories: [SelectOption]
        let resolution: String?
        let tickets: [TicketLine]
        let isSolved: Bool
        /// The ticket the new problem is recorded from.
        let fromTicket: Int?
        let error: String?
    }

    @Sendable func list(req: Request) async throws -> View {
        let (frame, l) = try frame(req)
        let status = (try? req.query.get(String.self, at: "status")).flatMap(ProblemRecord.Status.init)
        let problems = try await services.problems.problems(status: status)
        let counts = try await services.problems.linkCounts()
        let taxonomy = try await services.quality.taxonomy()
        return try await req.view.render(
            "agent/problems",
            ListContext(
                layout: try await frame.layout(for: req, l, title: l["problems"]),
                rows: problems.map {
                    Row(
                        id: $0.id.description, title: $0.title, status: $0.status.rawValue,
                        statusLabel: l["problem_\($0.status.rawValue)"], category: taxonomy.label(of: $0.category) ?? "—",
                        linked: counts[$0.id] ?? 0, created: l.dateTime($0.createdAt))
                },
                filters: [SelectOption(value: "", label: l["all"], selected: status == nil)]
                    + ProblemRecord.Status.allCases.map {
                        SelectOption(value: $0.rawValue, label: l["problem_\($0.rawValue)"], selected: $0 == status)
                    }))
    }

    @Sendable func new(req: Request) async throws -> Response {
        let number = (try? req.query.get(Int.self, at: "ticket")).flatMap { TicketNumber($0) }
        let ticket = try await number.asyncFlatMap { try await services.ticketStore.ticket(number: $0) }
        let draft = ProblemRecord(
            title: ticket?.subject ?? "", category: ticket?.category, createdBy: try req.session.agent.id,
            createdAt: services.clock.now)
        return try await render(req, draft, id: nil, fromTicket: ticket?.number.value, error: nil)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let draft = Self.draft(form, by: try req.session.agent.id, at: services.clock.now)
        let number = form["ticket"].flatMap(Int.init).flatMap { TicketNumber($0) }
        do {
            let ticket = try await number.asyncFlatMap { try await services.ticketStore.ticket(number: $0) }
            let problem = try await services.problems.open(draft, linking: ticket?.id, by: try req.session.agent)
            return req.redirect(to: "/agent/problems/\(problem.id)?flash=saved", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await render(req, draft, id: nil, fromTicket: number?.value, error: FormError.message(error))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let problem = try await problem(req)
        return try await render(req, problem, id: problem.id, fromTicket: nil, error: nil)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let problem = try await problem(req)
        let form = try req.content.decode([String: String].self)
        return try await attempt(req, problem) {
            _ = try await services.problems.update(
                problem.id, with: Self.draft(form, by: problem.createdBy, at: problem.createdAt), by: try req.session.agent)
        }
    }

    @Sendable func solve(req: Request) async throws -> Response {
        let problem = try await problem(req)
        let message = (try? req.content.get(String.self, at: "message")) ?? ""
        return try await attempt(req, problem) {
            _ = try await services.problems.solve(problem.id, message: message, by: try req.session.agent)
        }
    }

    @Sendable func unlink(req: Request) async throws -> Response {
        let problem = try await problem(req)
        guard let number = TicketNumber(try req.parameters.require("number")),
            let ticket = try await services.ticketStore.ticket(number: number)
        else { throw Abort(.notFound) }
        return try await attempt(req, problem) {
            try await services.problems.unlink(ticket.id, by: try req.session.agent)
        }
    }

    /// From the ticket page: `problem` = a problem id to link, empty to unlink.
    @Sendable func link(req: Request) async throws -> Response {
        guard let number = TicketNumber(try req.parameters.require("number")),
            let ticket = try await services.ticketStore.ticket(number: number)
        else { throw Abort(.notFound) }
        let raw = (try? req.content.get(String.self, at: "problem")) ?? ""
        let agent = try req.session.agent
        if let id = ProblemRecord.ID(raw) {
            try await services.problems.link(ticket.id, to: id, by: agent)
        } else {
            try await services.problems.unlink(ticket.id, by: agent)
        }
        return req.redirect(to: "/agent/tickets/\(number.value)?flash=saved", redirectType: .normal)
    }

    static func draft(_ form: [String: String], by agent: Agent.ID, at date: Date) -> ProblemRecord {
        ProblemRecord(
            title: form["title"] ?? "", category: form["category"], rootCause: form["rootCause"] ?? "",
            workaround: form["workaround"] ?? "",
            status: form["status"].flatMap(ProblemRecord.Status.init) ?? .investigating, createdBy: agent, createdAt: date)
    }

    private func problem(_ req: Request) async throws -> ProblemRecord {
        let id = try req.id("problemID", as: ProblemRecord.ID.self)
        guard let problem = try await services.problems.problem(id) else { throw Abort(.notFound) }
        return problem
    }

    private func attempt(_ req: Request, _ problem: ProblemRecord, _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
            return req.redirect(to: "/agent/problems/\(problem.id)?flash=saved", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await render(req, problem, id: problem.id, fromTicket: nil, error: FormError.message(error))
        }
    }

    private func frame(_ req: Request) throws -> (PageFrame, Localizer) {
        let frame = PageFrame(services: services)
        return (frame, frame.localizer(for: req, agent: try req.session.agent))
    }

    private func render(_ req: Request, _ problem: ProblemRecord, id: ProblemRecord.ID?, fromTicket: Int?, error: String?)
        async throws -> Response
    {
        let (frame, l) = try frame(req)
        let taxonomy = try await services.quality.taxonomy()
        let linked = try await id.asyncFlatMap { try await services.problems.tickets(of: $0) } ?? []
        let context = ProblemContext(
            layout: try await frame.layout(for: req, l, title: id == nil ? l["new_problem"] : problem.title),
            id: id?.description, title: problem.title, category: problem.category ?? "",
            rootCause: problem.rootCause, workaround: problem.workaround, status: problem.status.rawValue,
            statusLabel: l["problem_\(problem.status.rawValue)"],
            statuses: ProblemRecord.Status.allCases.filter { $0 != .solved }.map {
                SelectOption(value: $0.rawValue, label: l["problem_\($0.rawValue)"], selected: $0 == problem.status)
            },
            categories: [SelectOption(value: "", label: "—", selected: problem.category == nil)]
                + taxonomy.outline.map {
                    SelectOption(
                        value: $0.node.key, label: String(repeating: "  ", count: $0.depth) + $0.node.label,
                        selected: $0.node.key == problem.category)
                },
            resolution: problem.resolution,
            tickets: linked.map { TicketLine(number: $0.number.value, subject: $0.subject, statusLabel: l[$0.status.rawValue]) },
            isSolved: problem.status == .solved, fromTicket: fromTicket, error: error)
        return try await req.view.render("agent/problem", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }
}
