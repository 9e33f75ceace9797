import BalcaoCore
import Vapor

/// `/agent/quality`: the complaint types reported in the last days with their trend, repeat customers and top
/// organizations; each type drills down to its tickets; the same table as CSV. Supervisors and admins.
struct QualityReportPagesController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let quality = routes.grouped("quality")
        quality.get(use: show)
        quality.get("report.csv", use: csv)
        quality.get("tickets", use: tickets)
    }

    struct Context: Encodable {
        let layout: LayoutContext
        let days: Int
        let periods: [SelectOption]
        let report: QualityReportRows
        let trendLabels: [String: String]
    }

    struct TicketsContext: Encodable {
        let layout: LayoutContext
        let type: String
        let days: Int
        let rows: [TicketRow]
    }

    @Sendable func show(req: Request) async throws -> View {
        let (frame, l) = try frame(req)
        let days = try QualityReportRows.days(req)
        return try await req.view.render(
            "agent/quality",
            Context(
                layout: try await frame.layout(for: req, l, title: l["quality_report"]), days: days,
                periods: [7, 30, 90].map { SelectOption(value: "\($0)", label: l.format("last_days", "\($0)"), selected: $0 == days) },
                report: try await QualityReportRows.load(services, days: days),
                trendLabels: Dictionary(uniqueKeysWithValues: ["up", "down", "flat", "new"].map { ($0, l["trend_\($0)"]) })))
    }

    @Sendable func csv(req: Request) async throws -> Response {
        _ = try frame(req)
        return try await QualityReportRows.load(services, days: try QualityReportRows.days(req)).csv.response
    }

    /// The tickets of one type in the period, newest first (up to 200).
    @Sendable func tickets(req: Request) async throws -> View {
        let (frame, l) = try frame(req)
        let days = try QualityReportRows.days(req)
        guard let category = try? req.query.get(String.self, at: "category"), !category.isEmpty else {
            throw Abort(.badRequest, reason: "category is required")
        }
        let now = services.clock.now
        var query = TicketQuery()
        query.category = category
        query.createdSince = now.addingTimeInterval(-Double(days) * 86400)
        query.sort = .createdAt
        query.limit = TicketQuery.maxLimit
        let found = try await services.ticketStore.tickets(query).tickets
        let label = try await services.quality.taxonomy().label(of: category) ?? category
        return try await req.view.render(
            "agent/quality-tickets",
            TicketsContext(
                layout: try await frame.layout(for: req, l, title: label), type: label, days: days,
                rows: try await TicketRowBuilder(services: services).rows(found, l, directory: try await req.directorySnapshot(services))))
    }

    private func frame(_ req: Request) throws -> (PageFrame, Localizer) {
        let agent = try req.session.agent
        guard agent.role >= .supervisor else { throw Abort(.forbidden) }
        let frame = PageFrame(services: services)
        return (frame, frame.localizer(for: req, agent: agent))
    }
}
