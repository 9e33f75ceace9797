import BalcaoCore
import Vapor

/// `/agent/alerts`: the demand-spike alerts, open ones first then the history, for supervisors and admins.
struct SpikeAlertsPagesController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get("alerts", use: list)
    }

    struct Row: Encodable {
        let series: String
        let isOpen: Bool
        let opened: String
        let openedISO: String
        let closed: String?
        let observed: Int
        let expected: String
        let peak: Int
        let examples: [Int]
    }

    struct Context: Encodable {
        let layout: LayoutContext
        let rows: [Row]
    }

    @Sendable func list(req: Request) async throws -> View {
        let agent = try req.session.agent
        guard agent.role >= .supervisor else { throw Abort(.forbidden) }
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: agent)
        var rows: [Row] = []
        for stored in try await services.demandStore.alerts(openOnly: false, limit: 200) {
            let alert = stored.alert
            rows.append(
                Row(
                    series: try await services.demand.describe(alert.key), isOpen: alert.isOpen,
                    opened: l.dateTime(alert.openedAt), openedISO: l.iso(alert.openedAt),
                    closed: alert.closedAt.map(l.dateTime), observed: alert.observed,
                    expected: String(format: "%.1f", alert.expected), peak: alert.peak,
                    examples: stored.examples.map(\.value)))
        }
        rows.sort { $0.isOpen && !$1.isOpen }
        return try await req.view.render(
            "agent/alerts", Context(layout: try await frame.layout(for: req, l, title: l["spike_alerts"]), rows: rows))
    }
}
