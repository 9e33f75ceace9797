import BalcaoCore
import Vapor

/// `/agent/notifications`: the agent's in-app notifications (from rules), newest first; opening the page does not
/// mark them read, the button does.
struct NotificationsPageController: RouteCollection {
    let services: BalcaoServices

    struct Context: Encodable {
        struct Item: Encodable {
            let title: String
            let body: String
            let url: String?
            let when: String
            let whenISO: String
            let isUnread: Bool
        }

        let layout: LayoutContext
        let items: [Item]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("notifications", use: list)
        routes.post("notifications", "read", use: markRead)
    }

    @Sendable func list(req: Request) async throws -> View {
        let agent = try req.session.agent
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: agent)
        let items = try await services.automationAdmin.notifications(for: agent).map { note in
            Context.Item(
                title: note.title, body: note.body, url: note.ticketNumber.map { "/agent/tickets/\($0.value)" },
                when: l.dateTime(note.createdAt), whenISO: l.iso(note.createdAt), isUnread: note.readAt == nil)
        }
        return try await req.view.render(
            "agent/notifications", Context(layout: try await frame.layout(for: req, l, title: l["notifications"]), items: items))
    }

    @Sendable func markRead(req: Request) async throws -> Response {
        try await services.automationAdmin.markNotificationsRead(for: try req.session.agent)
        return req.redirect(to: "/agent/notifications")
    }
}
