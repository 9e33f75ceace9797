import BalcaoCore
import Vapor

/// `/agent/queues/{view}`: a queue by the priority ruler, with filters, keyset pages and bulk actions.
struct QueuePageController: RouteCollection {
    let services: BalcaoServices

    typealias Option = SelectOption

    struct QueuePageContext: Encodable {
        let layout: LayoutContext
        let view: String
        let heading: String
        let rows: [TicketRow]
        let nextURL: String?
        let firstURL: String?
        let statusOptions: [Option]
        let priorityOptions: [Option]
        let sortOptions: [Option]
        let bulkStatuses: [Option]
        let bulkPriorities: [Option]
        let bulkDepartments: [Option]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get { req in req.redirect(to: "/agent/queues/mine") }
        routes.get("queues", ":view", use: show)
        routes.post("tickets", "bulk", use: bulk)
    }

    @Sendable func show(req: Request) async throws -> View {
        let session = try req.session
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: session.agent)
        guard let view = QueueView(slug: try req.parameters.require("view")) else { throw Abort(.notFound) }
        let directory = try await req.directorySnapshot(services)
        let departments = directory.visibleDepartments(for: session.agent)
        let heading: String
        switch view {
        case .mine: heading = l["queue_mine"]
        case .unassigned: heading = l["queue_unassigned"]
        case .all: heading = l["queue_all"]
        case .department(let id):
            guard let department = departments.first(where: { $0.id == id }) else { throw Abort(.notFound) }
            heading = department.name
        }

        var query = view.query(for: session.agent)
        let status = try? req.query.get(String.self, at: "status")
        let priority = try? req.query.get(String.self, at: "priority")
        let sort = (try? req.query.get(String.self, at: "sort")) ?? "ruler"
        if let status, let value = TicketStatus(rawValue: status) { query.statuses = [value] }
        if let priority, let value = TicketPriority(rawValue: priority) { query.priorities = [value] }
        switch sort {
        case "updated": (query.sort, query.descending) = (.updatedAt, true)
        case "created": (query.sort, query.descending) = (.createdAt, true)
        default: break
        }
        query.limit = 50
        if let token = try? req.query.get(String.self, at: "cursor"), let cursor = TicketCursor(token: token),
            cursor.fits(query)
        {
            query.after = cursor
        }
        let page = try await services.ticketStore.tickets(query)
        let base = "/agent/queues/\(view.slug)?status=\(status ?? "")&priority=\(priority ?? "")&sort=\(sort)"

        let context = QueuePageContext(
            layout: try await frame.layout(for: req, l, title: heading, current: view),
            view: view.slug, heading: heading, rows: try await TicketRowBuilder(services: services).rows(page.tickets, l, directory: directory),
            nextURL: page.next.map { "\(base)&cursor=\($0.token)" }, firstURL: query.after == nil ? nil : base,
            statusOptions: [Option(value: "", label: l["any"], selected: status == nil)]
                + QueueView.unsolved.map { Option(value: $0.rawValue, label: l[$0.rawValue], selected: status == $0.rawValue) },
            priorityOptions: [Option(value: "", label: l["any"], selected: priority == nil)]
                + TicketPriority.allCases.reversed().map {
                    Option(value: $0.rawValue, label: l[$0.rawValue], selected: priority == $0.rawValue)
                },
            sortOptions: [("ruler", "sort_ruler"), ("updated", "sort_updated"), ("created", "sort_created")].map {
                Option(value: $0.0, label: l[$0.1], selected: sort == $0.0)
            },
            bulkStatuses: TicketStatus.allCases.filter { $0 != .new }.map {
                Option(value: "status:\($0.rawValue)", label: l[$0.rawValue], selected: false)
            },
            bulkPriorities: TicketPriority.allCases.map {
                Option(value: "priority:\($0.rawValue)", label: l[$0.rawValue], selected: false)
            },
            bulkDepartments: departments.map { Option(value: "department:\($0.id)", label: $0.name, selected: false) })
        return try await req.view.render("agent/queue", context)
    }

    struct BulkForm: Content {
        let ids: [String]?
        let action: String?
        let tag: String?
        let view: String?
    }

    /// Applies one change to every selected ticket through the normal rules; tickets the rules refuse (say, a
    /// closed one) are skipped and counted out of the flash message.
    @Sendable func bulk(req: Request) async throws -> Response {
        let session = try req.session
        let form = try req.content.decode(BulkForm.self)
        let back = "/agent/queues/\(QueueView(slug: form.view ?? "")?.slug ?? "mine")"
        let ids = (form.ids ?? []).compactMap(Ticket.ID.init)
        guard !ids.isEmpty, let action = form.action else { return req.redirect(to: "\(back)?flash=bulk_none") }
        var changes = TicketChanges()
        let parts = action.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count == 2 ? parts[1] : nil) {
        case ("assign", "me"): changes.assigneeID = .set(session.agent.id)
        case ("assign", "none"): changes.assigneeID = .clear
        case ("status", let value?): changes.status = TicketStatus(rawValue: value)
        case ("priority", let value?): changes.priority = TicketPriority(rawValue: value)
        case ("department", let value?): changes.departmentID = Department.ID(value).map { .set($0) } ?? .unchanged
        default: break
        }
        var updated = 0
        for id in ids {
            var perTicket = changes
            if action == "tag", let tag = form.tag.flatMap(Tag.normalize),
                let ticket = try await services.ticketStore.ticket(id)
            {
                perTicket.tags = ticket.tags + [tag]
            }
            guard !perTicket.isEmpty else { continue }
            if (try? await services.tickets.update(id, perTicket, by: .agent(session.agent.id))) != nil { updated += 1 }
        }
        return req.redirect(to: "\(back)?flash=saved&updated=\(updated)")
    }
}
